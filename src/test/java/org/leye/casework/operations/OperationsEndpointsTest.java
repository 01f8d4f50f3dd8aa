package org.leye.casework.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;
import static org.leye.casework.support.TestGraduates.graduate;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** What operations sees: health for everyone (details for ADMIN), Prometheus metrics for ADMIN, history cleanup. */
@IntegrationTest
class OperationsEndpointsTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    HistoryService history;

    @Test
    void anonymousHealthShowsTheStatusAloneAndAdminSeesDatabaseAndEngine() {
        JsonNode anonymous = Api.anonymous(rest).get("/actuator/health").expect(200).json();
        assertThat(anonymous.path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();

        JsonNode caseworker = Api.as(rest, "cw.pengjiang").get("/actuator/health").expect(200).json();
        assertThat(caseworker.has("components")).as("a caseworker sees no details").isFalse();

        JsonNode admin = Api.as(rest, "admin").get("/actuator/health").expect(200).json();
        assertThat(admin.path("status").asText()).isEqualTo("UP");
        JsonNode db = admin.path("components").path("db");
        assertThat(db.path("status").asText()).isEqualTo("UP");
        assertThat(db.path("details").path("validationQuery").asText()).isNotBlank();
        JsonNode camunda = admin.path("components").path("camunda");
        assertThat(camunda.path("status").asText()).isEqualTo("UP");
        assertThat(camunda.path("details").path("processDefinitions").asInt()).isGreaterThanOrEqualTo(2);
        // the tests run with the job executor off by configuration: reported, not DOWN
        assertThat(camunda.path("details").path("jobExecutor").asText()).isEqualTo("DISABLED");
        assertThat(camunda.path("details").has("incidents")).isTrue();
        assertThat(admin.path("components").has("processEngine")).as("the starter's indicator is replaced").isFalse();
    }

    @Test
    void prometheusMetricsAreForAdministratorsOnly() {
        assertThat(Api.anonymous(rest).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(Api.as(rest, "cw.pengjiang").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(Api.as(rest, "sup.city").get("/actuator/metrics").status()).isEqualTo(403);

        String text = prometheus();
        assertThat(text).contains("# TYPE leye_cases_started_total counter", "leye_engine_incidents",
                "hikaricp_connections_active", "jvm_memory_used_bytes", "http_server_requests_seconds_count");
    }

    @Test
    void casesStartedAndTasksCompletedAreCountedOnceCommitted() {
        Api cw = Api.as(rest, "cw.pengjiang");
        double startedBefore = sample(prometheus(), "leye_cases_started_total", null);
        double completedBefore = sample(prometheus(), "leye_tasks_completed_total", "activity=\"firstContact\"");

        JsonNode g = cw.post("/api/graduates", graduate("梁运维", "440703")).expect(201).json();
        String caseNumber = g.path("caseNumber").asText();
        JsonNode tasks = cw.get("/api/tasks?scope=all&q=" + caseNumber).expect(200).json().path("content");
        assertThat(tasks).hasSize(1);
        String task = tasks.get(0).path("id").asText();
        cw.post("/api/tasks/" + task + "/complete", map("reached", true, "willingness", "WANTS_JOB")).expect(204);
        // a second completion is refused (409) and rolled back: not counted
        cw.post("/api/tasks/" + task + "/complete", map("reached", true, "willingness", "WANTS_JOB")).expect(409);

        String after = prometheus();
        assertThat(sample(after, "leye_cases_started_total", null)).isGreaterThanOrEqualTo(startedBefore + 1);
        assertThat(sample(after, "leye_tasks_completed_total", "activity=\"firstContact\""))
                .isGreaterThanOrEqualTo(completedBefore + 1);
    }

    @Test
    void historyCleanupJobIsScheduledInsideTheConfiguredWindow() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(config.getFailedJobRetryTimeCycle()).isEqualTo("R3/PT5M");

        List<Job> jobs = history.findHistoryCleanupJobs();
        assertThat(jobs).as("history cleanup jobs").isNotEmpty();
        for (Job job : jobs) {
            LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
            assertThat(due).as("due %s", job.getDuedate()).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
        }
        // every deployed process definition has a time to live, or cleanup would never remove its history
        engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()
                .forEach(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive());
    }

    private String prometheus() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", "demo");
        ResponseEntity<String> response = rest.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/plain");
        return response.getBody();
    }

    /** The sum of a metric's samples whose labels contain {@code label} (any, when null); 0 when absent. */
    private static double sample(String text, String metric, String label) {
        Matcher m = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} ([0-9.eE+-]+)$").matcher(text);
        double sum = 0;
        while (m.find()) {
            if (label == null || m.group(1).contains(label)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
