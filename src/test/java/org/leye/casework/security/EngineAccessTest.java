package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.leye.casework.support.Api.map;

import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who reaches the engine (administrators only), and what even they may not do there: change a
 * casework process other than through the application (security.CaseworkChangeGuard). Every refused
 * route answers 403 and leaves the case as it was, in the engine, in the inbox and in the ledger;
 * reading and incident handling stay open.
 */
@IntegrationTest
class EngineAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String COCKPIT = "/camunda/app/cockpit/default/";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService taskService;

    @Autowired
    ProcessEngine engine;

    RestClient http;

    @BeforeEach
    void client() {
        http = TestHttp.client(port);
        // The engine's REST API and webapps look the engine up by name in a registry of the whole
        // JVM (ProcessEngines), where "default" is the engine of the last application context
        // started: after the MySQL tests' context, theirs. Name this context's engine again.
        ProcessEngines.registerProcessEngine(engine);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/engine", "/engine-rest/process-definition"})
    void engineRestWithoutCredentialsIs401ProblemWithAChallengeThatOpensNoBrowserDialog(String path) {
        ResponseEntity<String> response = http.get().uri(path).retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo(ProblemResponses.CHALLENGE);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/engine", "/engine-rest/process-definition"})
    void engineRestIsForbiddenToCaseworker(String path) {
        ResponseEntity<String> response = get(path, "cw.pengjiang");

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/engine", "/engine-rest/process-definition"})
    void engineRestIsOpenToAdmin(String path) {
        assertThat(get(path, "admin").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void engineRestIsForbiddenToCitySupervisor() {
        assertThat(get("/engine-rest/task", "sup.city").getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void cockpitIsNotServedAnonymously() {
        ResponseEntity<String> response = http.get().uri(COCKPIT).accept(MediaType.TEXT_HTML)
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isIn(401, 302);
        if (response.getStatusCode().value() == 302) {
            assertThat(response.getHeaders().getLocation()).hasPath("/login");
        }
    }

    @Test
    void cockpitIsForbiddenToCaseworker() {
        assertThat(get(COCKPIT, "cw.pengjiang").getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void cockpitIsServedToAdminSignedInThroughSpringSecurity() {
        ResponseEntity<String> response = get(COCKPIT, "admin");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).containsIgnoringCase("<html");
    }

    @Test
    void adminSignedInWithTheLoginFormOpensCockpit() {
        RestClient browser = TestHttp.clientKeepingCookies(port);
        TestHttp.formLogin(browser, "admin", DemoUsers.PASSWORD);

        assertThat(browser.get().uri(COCKPIT).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
        assertThat(browser.get().uri("/camunda/api/admin/auth/user/default").retrieve().body(String.class))
                .contains("\"userId\":\"admin\"");
    }

    @Test
    void caseworkerSignedInWithTheLoginFormIsKeptOutOfTheWebapps() {
        RestClient browser = TestHttp.clientKeepingCookies(port);
        TestHttp.formLogin(browser, "cw.pengjiang", DemoUsers.PASSWORD);

        assertThat(browser.get().uri(COCKPIT).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
        assertThat(browser.get().uri("/camunda/api/engine/engine/default/task/count").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void webappApiKnowsTheAdminOnceTheAppIsOpened() {
        RestClient browser = TestHttp.clientKeepingCookies(port);
        browser.get().uri(COCKPIT).headers(headers -> headers.setBasicAuth("admin", DemoUsers.PASSWORD))
                .retrieve().toBodilessEntity();

        ResponseEntity<String> response = browser.get().uri("/camunda/api/admin/auth/user/default")
                .headers(headers -> headers.setBasicAuth("admin", DemoUsers.PASSWORD))
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"userId\":\"admin\"").contains("cockpit");
    }

    @Test
    void webappsKeepTheirOwnContentSecurityPolicy() {
        ResponseEntity<String> response = get(COCKPIT, "admin");

        assertThat(response.getHeaders().get("Content-Security-Policy"))
                .hasSize(1)
                .noneMatch(policy -> policy.equals(SecurityConfig.CONTENT_SECURITY_POLICY));
        assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    }

    // ------------------------------------------------------------------ casework changes only through the application

    /** A graduate's open 131 case waiting at first contact, with what the engine routes name. */
    record Case(long graduateId, String caseNumber, String task, String processInstance, String definition,
            String deployment, String timerJob) {

        String fill(String text) {
            return text.replace("{task}", task).replace("{pi}", processInstance).replace("{caseNumber}", caseNumber)
                    .replace("{definition}", definition).replace("{deployment}", deployment)
                    .replace("{job}", timerJob);
        }
    }

    /** Everything a refused change could have touched, read over HTTP as the administrator and the caseworker. */
    record CaseState(JsonNode engineTasks, JsonNode candidates, JsonNode instance, JsonNode variables, JsonNode jobs,
            JsonNode definition, JsonNode instancesOfCase, JsonNode startedByAdmin, JsonNode batches,
            JsonNode inbox, JsonNode ledger) {
    }

    static Stream<Arguments> refusedRoutes() {
        String completion = "{\"variables\":{\"reached\":{\"value\":true},\"willingness\":{\"value\":\"WANTS_JOB\"}}}";
        // what the model needs to start, so that without the guard the start would succeed
        String startVariables = "{\"candidateGroup\":{\"value\":\"caseworkers-440703\"},\"supervisorGroup\":"
                + "{\"value\":\"supervisors-440703\"},\"district\":{\"value\":\"440703\"},\"priority\":"
                + "{\"value\":0},\"inDifficulty\":{\"value\":false},\"met131\":{\"value\":false},\"reached\":"
                + "{\"value\":false},\"lostContact\":{\"value\":false}}";
        String moveOn = "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"guidance\"},"
                + "{\"type\":\"cancel\",\"activityId\":\"firstContact\"}]}";
        return Stream.of(
                route("complete the task", "POST", "/task/{task}/complete", completion),
                route("submit the task's form", "POST", "/task/{task}/submit-form", completion),
                route("resolve the task", "POST", "/task/{task}/resolve", "{\"variables\":{}}"),
                route("claim the task", "POST", "/task/{task}/claim", "{\"userId\":\"cw.pengjiang\"}"),
                route("set the assignee", "POST", "/task/{task}/assignee", "{\"userId\":\"cw.pengjiang\"}"),
                route("delegate the task", "POST", "/task/{task}/delegate", "{\"userId\":\"cw.pengjiang\"}"),
                route("update the task", "PUT", "/task/{task}",
                        "{\"name\":\"改过\",\"priority\":99,\"assignee\":\"cw.pengjiang\"}"),
                route("delete the task", "DELETE", "/task/{task}", null),
                route("add a candidate group", "POST", "/task/{task}/identity-links",
                        "{\"groupId\":\"caseworkers-440781\",\"type\":\"candidate\"}"),
                route("remove the candidate group", "POST", "/task/{task}/identity-links/delete",
                        "{\"groupId\":\"caseworkers-440703\",\"type\":\"candidate\"}"),
                route("throw a BPMN error from the task", "POST", "/task/{task}/bpmnError", "{\"errorCode\":\"any\"}"),
                route("set a task variable", "PUT", "/task/{task}/variables/reached",
                        "{\"value\":true,\"type\":\"Boolean\"}"),
                route("modify local task variables", "POST", "/task/{task}/localVariables",
                        "{\"modifications\":{\"note\":{\"value\":\"管理员\"}}}"),
                route("modify instance variables", "POST", "/process-instance/{pi}/variables",
                        "{\"modifications\":{\"priority\":{\"value\":99,\"type\":\"Integer\"}},\"deletions\":[\"met131\"]}"),
                route("set an instance variable", "PUT", "/process-instance/{pi}/variables/priority",
                        "{\"value\":99,\"type\":\"Integer\"}"),
                route("delete an instance variable", "DELETE", "/process-instance/{pi}/variables/caseId", null),
                route("set variables of instances in a batch", "POST", "/process-instance/variables-async",
                        "{\"processInstanceIds\":[\"{pi}\"],\"variables\":{\"priority\":{\"value\":99,\"type\":\"Integer\"}}}"),
                route("delete the instance", "DELETE", "/process-instance/{pi}", null),
                route("delete instances in a batch", "POST", "/process-instance/delete",
                        "{\"processInstanceIds\":[\"{pi}\"],\"deleteReason\":\"管理员\"}"),
                route("move the instance on", "POST", "/process-instance/{pi}/modification", moveOn),
                route("move the instance on in a batch", "POST", "/process-instance/{pi}/modification-async", moveOn),
                route("suspend the instance", "PUT", "/process-instance/{pi}/suspended", "{\"suspended\":true}"),
                route("suspend the definition's instances", "PUT", "/process-instance/suspended",
                        "{\"processDefinitionId\":\"{definition}\",\"suspended\":true}"),
                route("correlate the closing message", "POST", "/message",
                        "{\"messageName\":\"CaseClosed\",\"businessKey\":\"{caseNumber}\",\"all\":true}"),
                route("send a signal", "POST", "/signal", "{\"name\":\"CaseClosed\"}"),
                route("start a case", "POST", "/process-definition/key/service131/start",
                        "{\"businessKey\":\"{caseNumber}-ADMIN\",\"variables\":" + startVariables + "}"),
                route("start a case with the start form", "POST", "/process-definition/key/service131/submit-form",
                        "{\"businessKey\":\"{caseNumber}-ADMIN\",\"variables\":" + startVariables + "}"),
                route("restart the instance", "POST", "/process-definition/{definition}/restart",
                        "{\"processInstanceIds\":[\"{pi}\"],\"instructions\":[{\"type\":\"startBeforeActivity\","
                                + "\"activityId\":\"firstContact\"}]}"),
                route("migrate the instance", "POST", "/migration/execute",
                        "{\"migrationPlan\":{\"sourceProcessDefinitionId\":\"{definition}\",\"targetProcessDefinitionId\":"
                                + "\"{definition}\",\"instructions\":[{\"sourceActivityIds\":[\"firstContact\"],"
                                + "\"targetActivityIds\":[\"firstContact\"]}]},\"processInstanceIds\":[\"{pi}\"]}"),
                route("suspend the definition", "PUT", "/process-definition/{definition}/suspended",
                        "{\"suspended\":true,\"includeProcessInstances\":true}"),
                route("delete the definition", "DELETE", "/process-definition/{definition}?cascade=true", null),
                route("delete the deployment", "DELETE", "/deployment/{deployment}?cascade=true", null),
                route("delete the task's overdue timer", "DELETE", "/job/{job}", null));
    }

    static Arguments route(String what, String method, String path, String body) {
        return Arguments.of(what, method, path, body);
    }

    @ParameterizedTest(name = "{0}: {1} /engine-rest{2}")
    @MethodSource("refusedRoutes")
    void engineRestRefusesAdminEveryCaseworkChangeAndNothingChanges(String what, String method, String path,
            String body) {
        Case c = openCase("引擎拒绝");
        CaseState before = state(c);

        ResponseEntity<String> response = asAdmin(HttpMethod.valueOf(method), "/engine-rest" + c.fill(path),
                body == null ? null : c.fill(body));

        assertRefused(response);
        assertThat(state(c)).isEqualTo(before);
    }

    @Test
    void tasklistRefusesAdminTheCompletionAndNothingChanges() {
        Case c = openCase("任务列表拒绝");
        CaseState before = state(c);
        RestClient browser = TestHttp.clientKeepingCookies(port);
        TestHttp.formLogin(browser, "admin", DemoUsers.PASSWORD);
        ResponseEntity<String> tasklist = browser.get().uri("/camunda/app/tasklist/default/").retrieve()
                .toEntity(String.class);
        assertThat(tasklist.getStatusCode().value()).isEqualTo(200);
        String xsrf = tasklist.getHeaders().getFirst("X-XSRF-TOKEN");

        ResponseEntity<String> response = browser.post()
                .uri("/camunda/api/engine/engine/default/task/" + c.task() + "/complete")
                .header("X-XSRF-TOKEN", xsrf).contentType(MediaType.APPLICATION_JSON)
                .body("{\"variables\":{\"reached\":{\"value\":true},\"willingness\":{\"value\":\"WANTS_JOB\"}}}")
                .retrieve().toEntity(String.class);

        assertRefused(response);
        assertThat(state(c)).isEqualTo(before);
        assertThat(browser.get().uri("/camunda/api/engine/engine/default/task/" + c.task()).retrieve()
                .toEntity(String.class).getStatusCode().value()).as("Tasklist still reads the task").isEqualTo(200);
    }

    @Test
    void aScriptCallingTheEngineDirectlyIsRefusedToo() {
        Case c = openCase("脚本拒绝");
        CaseState before = state(c);

        assertThatThrownBy(() -> taskService.complete(c.task(), Map.of("reached", true, "willingness", "WANTS_JOB")))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("Leye application");
        assertThatThrownBy(() -> taskService.setAssignee(c.task(), "cw.pengjiang"))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> engine.getRuntimeService().setVariable(c.processInstance(), "priority", 99))
                .isInstanceOf(AuthorizationException.class);

        assertThat(state(c)).isEqualTo(before);
    }

    @Test
    void aChangeMadeInsideAnotherEngineCommandIsPartOfItAndRunsAsOurDelegatesDo() {
        Case c = openCase("嵌套命令");
        var executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();

        executor.execute(commandContext -> {
            taskService.setPriority(c.task(), 77); // nested: no ApplicationCaller needed, as in a delegate
            return null;
        });

        JsonNode task = json(asAdmin(HttpMethod.GET, "/engine-rest/task/" + c.task(), null));
        assertThat(task.path("priority").asInt()).isEqualTo(77);
        ApplicationCaller.run(() -> taskService.setPriority(c.task(), 0));
    }

    @Test
    void theApplicationStillMovesTheCaseTheEngineRefusedToTheAdmin() {
        Case c = openCase("应用照常");
        assertRefused(asAdmin(HttpMethod.POST, "/engine-rest/task/" + c.task() + "/complete", "{}"));

        Api.as(rest, "cw.pengjiang").post("/api/tasks/" + c.task() + "/complete",
                map("reached", true, "willingness", "WANTS_JOB")).expect(204);

        JsonNode ledger = Api.as(rest, "cw.pengjiang").get("/api/graduates/" + c.graduateId() + "/ledger").expect(200)
                .json();
        assertThat(ledger.path("entries")).extracting(e -> e.path("type").asText())
                .containsExactly("REGISTERED", "WILLINGNESS");
        JsonNode open = json(asAdmin(HttpMethod.GET, "/engine-rest/task?processInstanceId=" + c.processInstance(),
                null));
        assertThat(open).extracting(t -> t.path("taskDefinitionKey").asText()).containsExactly("guidance");
    }

    @Test
    void adminStillReadsTasksInstancesVariablesAndHistory() {
        Case c = openCase("管理员可读");

        assertThat(json(asAdmin(HttpMethod.GET, "/engine-rest/task?processInstanceId=" + c.processInstance(), null)))
                .extracting(t -> t.path("id").asText()).containsExactly(c.task());
        assertThat(json(asAdmin(HttpMethod.GET, "/engine-rest/process-instance/" + c.processInstance(), null))
                .path("businessKey").asText()).isEqualTo(c.caseNumber());
        assertThat(json(asAdmin(HttpMethod.GET, "/engine-rest/process-instance/" + c.processInstance() + "/variables",
                null)).path("caseNumber").path("value").asText()).isEqualTo(c.caseNumber());
        assertThat(json(asAdmin(HttpMethod.GET, "/engine-rest/history/process-instance/" + c.processInstance(), null))
                .path("state").asText()).isEqualTo("ACTIVE");
        assertThat(json(asAdmin(HttpMethod.GET, "/engine-rest/task/" + c.task() + "/identity-links", null)))
                .extracting(l -> l.path("groupId").asText()).contains("caseworkers-440703");
    }

    /**
     * Incident handling: a job out of retries is an incident (Cockpit shows it); the administrator
     * notes what they found and gives the job its retries back, which resolves the incident. The
     * case itself is untouched.
     */
    @Test
    void adminStillHandlesIncidentsBySettingJobRetries() {
        Case c = openCase("事件处理");
        CaseState before = state(c);
        String job = "/engine-rest/job/" + c.timerJob();

        assertThat(asAdmin(HttpMethod.PUT, job + "/retries", "{\"retries\":0}").getStatusCode().value())
                .isEqualTo(204);
        JsonNode incidents = json(asAdmin(HttpMethod.GET, "/engine-rest/incident?jobDefinitionId="
                + json(asAdmin(HttpMethod.GET, job, null)).path("jobDefinitionId").asText() + "&processInstanceId="
                + c.processInstance(), null));
        assertThat(incidents).hasSize(1);
        String incident = incidents.get(0).path("id").asText();
        assertThat(asAdmin(HttpMethod.PUT, "/engine-rest/incident/" + incident + "/annotation",
                "{\"annotation\":\"通知库恢复后重试\"}").getStatusCode().value()).isEqualTo(204);

        assertThat(asAdmin(HttpMethod.PUT, job + "/retries", "{\"retries\":3}").getStatusCode().value())
                .isEqualTo(204);

        assertThat(json(asAdmin(HttpMethod.GET, job, null)).path("retries").asInt()).isEqualTo(3);
        assertThat(json(asAdmin(HttpMethod.GET, "/engine-rest/incident?processInstanceId=" + c.processInstance(),
                null))).isEmpty();
        assertThat(state(c)).isEqualTo(before);
    }

    /** Executing a job runs the application's own delegate, which writes the ledger: that stays open too. */
    @Test
    void adminExecutingTheOverdueTimerRunsTheApplicationsDelegate() {
        Case c = openCase("执行定时");

        assertThat(asAdmin(HttpMethod.POST, "/engine-rest/job/" + c.timerJob() + "/execute", null).getStatusCode()
                .value()).isEqualTo(204);

        JsonNode ledger = Api.as(rest, "cw.pengjiang").get("/api/graduates/" + c.graduateId() + "/ledger").expect(200)
                .json();
        assertThat(ledger.path("entries")).extracting(e -> e.path("type").asText())
                .containsExactly("REGISTERED", "OVERDUE");
        assertThat(Api.as(rest, "cw.pengjiang").get("/api/tasks/" + c.task()).expect(200).json().path("overdue")
                .asBoolean()).isTrue();
    }

    private Case openCase(String name) {
        Api cw = Api.as(rest, "cw.pengjiang");
        JsonNode graduate = cw.post("/api/graduates", TestGraduates.graduate(name, "440703")).expect(201).json();
        String caseNumber = graduate.path("caseNumber").asText();
        JsonNode tasks = cw.get("/api/tasks?scope=all&q=" + caseNumber).expect(200).json().path("content");
        assertThat(tasks).hasSize(1);
        String task = tasks.get(0).path("id").asText();
        String instance = json(asAdmin(HttpMethod.GET, "/engine-rest/task/" + task, null)).path("processInstanceId")
                .asText();
        String definition = json(asAdmin(HttpMethod.GET, "/engine-rest/process-instance/" + instance, null))
                .path("definitionId").asText();
        String deployment = json(asAdmin(HttpMethod.GET, "/engine-rest/process-definition/" + definition, null))
                .path("deploymentId").asText();
        JsonNode jobs = json(asAdmin(HttpMethod.GET, "/engine-rest/job?activityId=firstContactOverdue&processInstanceId="
                + instance, null));
        assertThat(jobs).as("the first contact's overdue timer").hasSize(1);
        return new Case(graduate.path("id").asLong(), caseNumber, task, instance, definition, deployment,
                jobs.get(0).path("id").asText());
    }

    private CaseState state(Case c) {
        Api cw = Api.as(rest, "cw.pengjiang");
        return new CaseState(
                engine(c.fill("/task?processInstanceId={pi}")),
                engine(c.fill("/task/{task}/identity-links")),
                engine(c.fill("/process-instance/{pi}")),
                engine(c.fill("/process-instance/{pi}/variables")),
                engine(c.fill("/job?processInstanceId={pi}")),
                engine(c.fill("/process-definition/{definition}")),
                engine(c.fill("/process-instance/count?businessKey={caseNumber}")),
                engine(c.fill("/process-instance/count?businessKey={caseNumber}-ADMIN")),
                engine("/batch/count"),
                cw.get("/api/tasks/" + c.task()).expect(200).json(),
                cw.get("/api/graduates/" + c.graduateId() + "/ledger").expect(200).json());
    }

    private JsonNode engine(String path) {
        ResponseEntity<String> response = asAdmin(HttpMethod.GET, "/engine-rest" + path, null);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return json(response);
    }

    private static void assertRefused(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(403);
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo("AuthorizationException");
        assertThat(problem.path("message").asText()).contains("Leye application");
    }

    private ResponseEntity<String> asAdmin(HttpMethod method, String path, String body) {
        var request = http.method(method).uri(path)
                .headers(headers -> headers.setBasicAuth("admin", DemoUsers.PASSWORD))
                .accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(String.class);
    }

    private static JsonNode json(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("Not JSON (" + response.getStatusCode() + "): " + response.getBody(), e);
        }
    }

    private ResponseEntity<String> get(String path, String username) {
        return http.get().uri(path)
                .headers(headers -> headers.setBasicAuth(username, DemoUsers.PASSWORD))
                .retrieve().toEntity(String.class);
    }
}
