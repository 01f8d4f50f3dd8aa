package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leye.casework.graduates.Gender;
import org.leye.casework.graduates.ResidentIds;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every endpoint of the API and every page × every role × every scope, over real HTTP: 401 without
 * credentials, 403 for a role that may never do this, 404 for a record outside the caller's scope
 * (another district, another university, a student not assigned to the helper), exactly as if it
 * did not exist. Lists are searched for the out-of-scope records by their unique names. The test
 * fails when a controller mapping of the application is not in the matrix, so a new endpoint cannot
 * slip through untested. Every write of the matrix is sent once more as a browser would send it from
 * another site's page, with the caller's credentials: each is refused (403) and changes nothing.
 * The engine's own routes ({@code /engine-rest}, the Camunda webapps) are in
 * {@link EngineAccessTest}: administrators only, and even they change no casework process there.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Random RANDOM = new Random(20261126L);
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** The callers: one per role, the supervisor both for a district and for the city. */
    enum Caller {
        ANONYMOUS(null), CASEWORKER("cw.pengjiang"), SUPERVISOR_DISTRICT("sup.pengjiang"), SUPERVISOR_CITY("sup.city"),
        COUNSELOR("counselor.wyu"), HELPER("teacher.wyu"), DPF_OFFICER("dpf.pengjiang"), ADMIN("admin");

        final String username;

        Caller(String username) {
            this.username = username;
        }
    }

    static final Caller CW = Caller.CASEWORKER;
    static final Caller SUP_D = Caller.SUPERVISOR_DISTRICT;
    static final Caller SUP_C = Caller.SUPERVISOR_CITY;
    static final Caller COUNS = Caller.COUNSELOR;
    static final Caller HELPER = Caller.HELPER;
    static final Caller DPF = Caller.DPF_OFFICER;
    static final Caller ADMIN = Caller.ADMIN;
    static final Set<Caller> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));

    /**
     * A record in one scope: its id for the path, a unique text to look for in lists, the callers
     * who may see it and a few values a request body needs.
     */
    record Target(String scope, String id, String marker, Set<Caller> visibleTo, Map<String, String> values) {

        String value(String key) {
            return values.get(key);
        }
    }

    /** What an endpoint's path variable names. */
    enum Kind {
        NONE, GRADUATE, GRADUATE_LIST, GRADUATE_LOOKUP, TASK, TASK_LIST, ASSISTANCE, ASSISTANCE_LIST, HANDOVER, STUDENT_UPLOAD,
        EMPLOYER, DUPLICATE,
        MERGE, NOTIFICATION, DISTRICT, CASE, USER, EVIDENCE,
        /** A 131 task claimed by a caseworker of its district: what only its assignee may do. */
        ASSIGNED_TASK
    }

    /**
     * One row of the matrix: an endpoint (a page when {@code page}), the kind of record it names,
     * the roles that may call it, the body for a target and the Accept header.
     */
    record Endpoint(String method, String pattern, String produces, boolean page, Kind kind, Set<Caller> roles,
            Function<Target, Object> body, String accept) {

        /** The endpoint works on the graduate's 131 case: a student of the assistance without one is 404. */
        boolean needsCase() {
            return pattern.endsWith("/case/close") || pattern.endsWith("/case/reopen") || pattern.endsWith("diagram.svg")
                    || pattern.endsWith("process.bpmn") || pattern.endsWith("/activities")
                    || pattern.equals("/graduates/{id}/owner");
        }

        /**
         * How a district outside the caller's scope, named as a filter, is refused: 404 as for a record,
         * except the caseload, which answers 400 naming the field (issue 10's contract).
         */
        int outOfScopeStatus() {
            return pattern.equals("/api/caseload") ? 400 : 404;
        }

        String key() {
            return method + " " + pattern + (produces == null ? "" : " " + produces);
        }
    }

    final Map<Kind, List<Target>> targets = new EnumMap<>(Kind.class);
    final List<Endpoint> endpoints = new ArrayList<>();
    final Map<Caller, HttpClient> sessions = new EnumMap<>(Caller.class);
    HttpClient plain;

    // ------------------------------------------------------------------ fixtures

    Api as(String user) {
        return Api.as(rest, user);
    }

    static String unique(String prefix) {
        return prefix + TestGraduates.tag();
    }

    /** The ID numbers of the graduates registered here, by graduate id (for the look-up by ID number). */
    final Map<Long, String> idNumbers = new java.util.HashMap<>();

    long registerGraduate(String user, String name, String district, String university) {
        Map<String, Object> body = TestGraduates.with(TestGraduates.with(TestGraduates.graduate(name, district),
                "university", university), "name", name);
        long id = as(user).post("/api/graduates", body).expect(201).json().path("id").asLong();
        idNumbers.put(id, (String) body.get("idNumber"));
        return id;
    }

    JsonNode registerAssistance(String counselor, String name, String district, String university) {
        Map<String, Object> body = map("name", name, "idNumber", TestGraduates.idNumber(district, Gender.MALE),
                "gender", "MALE", "phone", TestGraduates.phone(), "university", university, "major", "机械工程",
                "degree", "BACHELOR", "graduationYear", Year.now().getValue() + 1, "district", district,
                "difficulties", List.of("SUBSISTENCE_ALLOWANCE"), "evidence", "低保证明");
        JsonNode assistance = as(counselor).post("/api/assistance", body).expect(201).json();
        idNumbers.put(assistance.path("graduateId").asLong(), (String) body.get("idNumber"));
        return assistance;
    }

    /** A graduate with a disability, registered by a caseworker: on the disability track. */
    long registerDisabled(String caseworker, String name, String district) {
        Map<String, Object> body = TestGraduates.with(TestGraduates.graduate(name, district), "difficulties",
                List.of("DISABILITY"));
        return as(caseworker).post("/api/graduates", body).expect(201).json().path("id").asLong();
    }

    /** The open task of a type of a graduate, found by the graduate's unique name (the shared database has thousands). */
    String taskOf(String user, long graduateId, String type, String name) {
        // TestRestTemplate encodes the query itself
        for (JsonNode t : as(user).get("/api/tasks?scope=all&size=200&type=" + type + "&q=" + name).expect(200).json()
                .path("content")) {
            if (t.path("graduateId").asLong() == graduateId) {
                return t.path("id").asText();
            }
        }
        throw new AssertionError(type + " task of graduate " + graduateId + " not found for " + user);
    }

    /** The first contact of a new graduate of the caseworker's district, claimed by them. */
    String claimed(String caseworker, String district) {
        String name = unique("矩阵认领");
        String task = taskOf(caseworker, registerGraduate(caseworker, name, district, "五邑大学"), "FIRST_CONTACT", name);
        as(caseworker).post("/api/tasks/" + task + "/claim", null).expect(204);
        return task;
    }

    String assignHelper(String counselor, JsonNode assistance, String helper) {
        long graduateId = assistance.path("graduateId").asLong();
        String name = assistance.path("graduateName").asText();
        as(counselor).post("/api/tasks/" + taskOf(counselor, graduateId, "ASSIGN_HELPER", name) + "/complete",
                map("helper", helper, "helperKind", "CLASS_TEACHER")).expect(204);
        return taskOf(helper, graduateId, "ASSISTANCE_PLAN", name);
    }

    /** An evidence file (a small PDF) uploaded to the assistance by the counselor; its id. */
    long evidence(String counselor, JsonNode assistance) {
        String boundary = "----matrix" + TestGraduates.tag();
        String text = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"proof.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n% matrix\n%%EOF\n\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = send(Caller.ANONYMOUS, "POST",
                "/api/assistance/" + assistance.path("id").asLong() + "/evidence",
                new Multipart(text.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=" + boundary),
                "application/json", basic(counselor));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response.body()).path("id").asLong();
    }

    long handover(String user, String marker) {
        String csv = "姓名,身份证号,性别,联系电话,学校,专业,学历,毕业年份,所属区县,困难类别,就业意愿\n" + marker
                + ",123,女,13800138000,五邑大学,会计学,本科,2023,,,是\n";
        HttpResponse<String> response = send(Caller.ANONYMOUS, "POST", "/api/handovers", multipart(csv),
                "application/json", basic(user));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
        return read(response.body()).path("id").asLong();
    }

    /** A counselor's list of students in difficulty whose one row is refused (nothing registered); its id. */
    long studentUpload(String counselor, String marker) {
        String csv = "姓名,身份证号,联系电话,学校,学历,毕业年份,所属区县,困难类别,困难情况说明\n" + marker
                + ",123,13800138000,五邑大学,本科,2027,蓬江区,低保家庭,矩阵测试\n";
        HttpResponse<String> response = send(Caller.ANONYMOUS, "POST", "/api/assistance/uploads", multipart(csv),
                "application/json", basic(counselor));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
        return read(response.body()).path("upload").path("id").asLong();
    }

    /** A probable-duplicate pair registered by the caseworker in their district; its id. */
    long duplicatePair(String caseworker, String district, String supervisor) {
        String name = unique("双");
        LocalDate birth = LocalDate.of(1996 + RANDOM.nextInt(7), 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28));
        String seq = "" + (1 + RANDOM.nextInt(4)) + (5 + RANDOM.nextInt(4)) + (1 + RANDOM.nextInt(9));
        String swapped = "" + seq.charAt(0) + seq.charAt(2) + seq.charAt(1);
        long a = registerDuplicate(caseworker, name, idNumber(birth, seq), district);
        registerDuplicate(caseworker, name, idNumber(birth, swapped), district);
        JsonNode pairs = as(supervisor).get("/api/duplicates?status=OPEN&graduate=" + a).expect(200).json();
        return pairs.path("content").get(0).path("id").asLong();
    }

    static String idNumber(LocalDate birth, String sequence) {
        String first17 = "440784" + birth.toString().replace("-", "") + sequence;
        return first17 + ResidentIds.checkDigit(first17);
    }

    long registerDuplicate(String caseworker, String name, String idNumber, String district) {
        Map<String, Object> body = TestGraduates.with(TestGraduates.with(TestGraduates.with(
                TestGraduates.graduate(name, district), "idNumber", idNumber), "gender", null), "name", name);
        return as(caseworker).post("/api/graduates", body).expect(201).json().path("id").asLong();
    }

    /** A new account of the role and scope, created by the administrator; its user name. */
    String account(String role, String scopeField, String scope) {
        String username = "matrix." + TestGraduates.tag();
        as("admin").post("/api/users", map("username", username, "displayName", "矩阵账号", "role", role, scopeField,
                scope, "password", "matrix-password-1")).expect(201);
        return username;
    }

    static Set<Caller> of(Caller... callers) {
        return callers.length == 0 ? EnumSet.noneOf(Caller.class) : EnumSet.copyOf(List.of(callers));
    }

    static Target target(String scope, Object id, String marker, Set<Caller> visibleTo, String... values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i += 2) {
            map.put(values[i], values[i + 1]);
        }
        return new Target(scope, id == null ? null : String.valueOf(id), marker, visibleTo, map);
    }

    @BeforeAll
    void fixtures() throws Exception {
        plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (Caller c : SIGNED_IN) {
            sessions.put(c, signIn(c.username));
        }
        sessions.put(Caller.ANONYMOUS, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).build());

        // graduates with a 131 case: in the caseworker's own district and university, another district
        String ownName = unique("矩阵本区");
        long own = registerGraduate("cw.pengjiang", ownName, "440703", "五邑大学");
        String otherName = unique("矩阵外区");
        long otherDistrict = registerGraduate("cw.taishan", otherName, "440781", "江门职业技术学院");
        // students of the one-to-one assistance: the helper's own, another helper's, another university's
        String assignedName = unique("矩阵帮扶");
        JsonNode assigned = registerAssistance("counselor.wyu", assignedName, "440703", "五邑大学");
        String unassignedName = unique("矩阵他助");
        JsonNode unassigned = registerAssistance("counselor.wyu", unassignedName, "440703", "五邑大学");
        String otherUniName = unique("矩阵外校");
        JsonNode otherUni = registerAssistance("counselor.jmpt", otherUniName, "440781", "江门职业技术学院");
        // disabled graduates on the disability track: of the federation officer's district, of another
        String ownDisabledName = unique("矩阵残联");
        long ownDisabled = registerDisabled("cw.pengjiang", ownDisabledName, "440703");
        String otherDisabledName = unique("矩阵外区残联");
        long otherDisabled = registerDisabled("cw.taishan", otherDisabledName, "440781");
        String assignedPlan = assignHelper("counselor.wyu", assigned, "teacher.wyu");
        String unassignedPlan = assignHelper("counselor.wyu", unassigned, "teacher2.wyu");
        String otherUniPlan = assignHelper("counselor.jmpt", otherUni, "teacher.jmpt");

        targets.put(Kind.NONE, List.of(target("-", null, null, SIGNED_IN)));
        targets.put(Kind.GRADUATE, List.of(
                target("own", own, ownName, of(CW, SUP_D, SUP_C, COUNS, ADMIN), "district", "440703", "case", "yes"),
                target("another district", otherDistrict, otherName, of(SUP_C, ADMIN), "district", "440781", "case",
                        "yes"),
                target("another university", otherUni.path("graduateId").asLong(), otherUniName, of(SUP_C, ADMIN),
                        "district", "440781"),
                target("helper's own student", assigned.path("graduateId").asLong(), assignedName,
                        of(SUP_C, COUNS, ADMIN), "district", "440703"),
                target("helper not assigned", unassigned.path("graduateId").asLong(), unassignedName,
                        of(SUP_C, COUNS, ADMIN), "district", "440703")));
        targets.put(Kind.GRADUATE_LIST, targets.get(Kind.GRADUATE));
        targets.put(Kind.GRADUATE_LOOKUP, targets.get(Kind.GRADUATE));
        targets.put(Kind.TASK, List.of(
                target("own", taskOf("cw.pengjiang", own, "FIRST_CONTACT", ownName), ownName, of(CW, SUP_D, SUP_C, ADMIN)),
                target("another district", taskOf("cw.taishan", otherDistrict, "FIRST_CONTACT", otherName), otherName,
                        of(SUP_C, ADMIN)),
                target("another university", otherUniPlan, otherUniName, of(SUP_C, ADMIN), "assignee", "teacher.jmpt"),
                target("helper's own student", assignedPlan, assignedName, of(HELPER, SUP_C, ADMIN), "assignee",
                        "teacher.wyu"),
                target("helper not assigned", unassignedPlan, unassignedName, of(SUP_C, ADMIN), "assignee",
                        "teacher2.wyu"),
                target("federation's own district", taskOf("dpf.pengjiang", ownDisabled, "DPF_FILE", ownDisabledName),
                        ownDisabledName, of(DPF, SUP_C, ADMIN)),
                target("federation's other district", taskOf("admin", otherDisabled, "DPF_FILE", otherDisabledName),
                        otherDisabledName, of(SUP_C, ADMIN))));
        targets.put(Kind.TASK_LIST, targets.get(Kind.TASK));
        targets.put(Kind.ASSIGNED_TASK, List.of(
                target("own", claimed("cw.pengjiang", "440703"), null, of(CW, SUP_D, SUP_C, ADMIN), "assignee",
                        "cw.pengjiang"),
                target("another district", claimed("cw.taishan", "440781"), null, of(SUP_C, ADMIN), "assignee",
                        "cw.taishan")));
        targets.put(Kind.ASSISTANCE, List.of(
                target("own", assigned.path("id").asLong(), assignedName, of(COUNS, HELPER, SUP_C, ADMIN)),
                target("another university", otherUni.path("id").asLong(), otherUniName, of(SUP_C, ADMIN)),
                target("helper not assigned", unassigned.path("id").asLong(), unassignedName, of(COUNS, SUP_C, ADMIN))));
        targets.put(Kind.ASSISTANCE_LIST, targets.get(Kind.ASSISTANCE));
        // evidence files: the named helper, supervisors who see the assistance and administrators download them
        targets.put(Kind.EVIDENCE, List.of(
                target("own", assigned.path("id").asLong(), null, of(HELPER, SUP_C, ADMIN), "file",
                        String.valueOf(evidence("counselor.wyu", assigned))),
                target("another university", otherUni.path("id").asLong(), null, of(SUP_C, ADMIN), "file",
                        String.valueOf(evidence("counselor.jmpt", otherUni)))));
        targets.put(Kind.HANDOVER, List.of(
                target("own", handover("cw.pengjiang", unique("移交")), null, of(CW, SUP_D, SUP_C, ADMIN)),
                target("another district", handover("cw.taishan", unique("移交")), null, of(SUP_C, ADMIN)),
                target("own university", handover("counselor.wyu", unique("移交")), null, of(COUNS, SUP_C, ADMIN)),
                target("another university", handover("counselor.jmpt", unique("移交")), null, of(SUP_C, ADMIN))));
        // students' uploads: the counselors of the university see them; a graduates' hand-over is none
        targets.put(Kind.STUDENT_UPLOAD, List.of(
                target("own university", studentUpload("counselor.wyu", unique("批量")), null, of(COUNS, SUP_C, ADMIN)),
                target("another university", studentUpload("counselor.jmpt", unique("批量")), null, of(SUP_C, ADMIN)),
                target("a graduates' hand-over", targets.get(Kind.HANDOVER).get(2).id(), null, of())));
        long employer = as("admin").post("/api/employers", map("name", unique("矩阵单位"), "creditCode", null))
                .expect(201).json().path("id").asLong();
        targets.put(Kind.EMPLOYER, List.of(target("-", employer, null, SIGNED_IN)));
        long ownPair = duplicatePair("cw.pengjiang", "440703", "sup.pengjiang");
        long otherPair = duplicatePair("cw.taishan", "440781", "sup.city");
        targets.put(Kind.DUPLICATE, List.of(target("own", ownPair, null, of(SUP_D, SUP_C, ADMIN)),
                target("another district", otherPair, null, of(SUP_C, ADMIN))));
        long ownMerge = as("sup.pengjiang").post("/api/duplicates/" + duplicatePair("cw.pengjiang", "440703",
                "sup.pengjiang") + "/merge", null).expect(200).json().path("id").asLong();
        long otherMerge = as("sup.city").post("/api/duplicates/" + duplicatePair("cw.taishan", "440781", "sup.city")
                + "/merge", null).expect(200).json().path("id").asLong();
        targets.put(Kind.MERGE, List.of(target("own", ownMerge, null, of(SUP_D, SUP_C, ADMIN)),
                target("another district", otherMerge, null, of(SUP_C, ADMIN))));
        // the district supervisor was told of the duplicates: a notification that is theirs alone
        JsonNode notices = as("sup.pengjiang").get("/api/notifications?size=1").expect(200).json().path("content");
        assertThat(notices.size()).as("a notification of sup.pengjiang").isEqualTo(1);
        targets.put(Kind.NOTIFICATION, List.of(target("another user's", notices.get(0).path("id").asLong(), null,
                of(SUP_D))));
        // 131 cases by their id (a case's responsible caseworker), of graduates of their own
        long ownCase = as("admin").get("/api/graduates/" + registerGraduate("cw.pengjiang", unique("矩阵负责本区"), "440703",
                "五邑大学") + "/ledger").expect(200).json().path("case").path("id").asLong();
        long otherCase = as("admin").get("/api/graduates/" + registerGraduate("cw.taishan", unique("矩阵负责外区"), "440781",
                "五邑大学") + "/ledger").expect(200).json().path("case").path("id").asLong();
        targets.put(Kind.CASE, List.of(target("own", ownCase, null, of(SUP_D, SUP_C, ADMIN), "owner", "cw.pengjiang"),
                target("another district", otherCase, null, of(SUP_C, ADMIN), "owner", "cw.taishan")));
        targets.put(Kind.DISTRICT, List.of(target("own", "440703", null, of(SUP_D, SUP_C, ADMIN)),
                target("another district", "440781", null, of(SUP_C, ADMIN))));
        // accounts: managed by an administrator, a district supervisor (their district's caseworkers) and a
        // counselor (their university's helpers)
        targets.put(Kind.USER, List.of(
                target("district's caseworker", account("CASEWORKER", "district", "440703"), null, of(SUP_D, ADMIN)),
                target("university's helper", account("HELPER", "university", "WYU"), null, of(COUNS, ADMIN)),
                target("another district", account("CASEWORKER", "district", "440781"), null, of(ADMIN))));

        defineEndpoints();
    }

    // ------------------------------------------------------------------ the endpoints

    void api(String method, String pattern, Kind kind, Set<Caller> roles) {
        api(method, pattern, null, kind, roles, t -> null, null);
    }

    void api(String method, String pattern, Kind kind, Set<Caller> roles, Function<Target, Object> body) {
        api(method, pattern, null, kind, roles, body, null);
    }

    void api(String method, String pattern, String produces, Kind kind, Set<Caller> roles,
            Function<Target, Object> body, String accept) {
        endpoints.add(new Endpoint(method, pattern, produces, false, kind, roles, body, accept));
    }

    void page(String method, String pattern, Kind kind, Set<Caller> roles) {
        page(method, pattern, kind, roles, t -> null);
    }

    void page(String method, String pattern, Kind kind, Set<Caller> roles, Function<Target, Object> form) {
        endpoints.add(new Endpoint(method, pattern, null, true, kind, roles, form, null));
    }

    void defineEndpoints() {
        Set<Caller> all = SIGNED_IN;
        Set<Caller> registrars = of(CW, SUP_D, SUP_C, COUNS, ADMIN);
        Set<Caller> supervisors = of(SUP_D, SUP_C, ADMIN);
        Function<Target, Object> invalidForm = t -> map("reached", true, "willingness", "NOT_A_VALUE");

        api("GET", "/api/me", Kind.NONE, all);
        api("POST", "/api/graduates", Kind.NONE, registrars, t -> TestGraduates.graduate(unique("矩阵登记"), "440703"));
        api("GET", "/api/graduates", Kind.GRADUATE_LIST, all);
        api("POST", "/api/graduates/lookup", Kind.GRADUATE_LOOKUP, all,
                t -> map("idNumber", idNumbers.get(Long.valueOf(t.id()))));
        api("GET", "/api/graduates/{id}", Kind.GRADUATE, all);
        api("GET", "/api/graduates/{id}/identity", Kind.GRADUATE, of(CW, SUP_D, SUP_C, ADMIN));
        api("PATCH", "/api/graduates/{id}", Kind.GRADUATE, registrars, t -> map("major", "矩阵测试专业"));
        api("GET", "/api/graduates/{id}/ledger", Kind.GRADUATE, all);
        api("POST", "/api/graduates/{id}/destination", Kind.GRADUATE, registrars,
                t -> map("code", "70", "date", LocalDate.now().toString()));
        api("POST", "/api/graduates/{id}/difficulties", Kind.GRADUATE, registrars,
                t -> map("difficulties", List.of("OTHER"), "evidence", "矩阵测试：其他困难"));
        api("POST", "/api/graduates/{id}/move", Kind.GRADUATE, supervisors,
                t -> map("district", t.value("district"), "reason", "矩阵测试：原区不变"));
        api("GET", "/api/tasks", Kind.TASK_LIST, all);
        api("GET", "/api/tasks/{id}", Kind.TASK, all);
        api("POST", "/api/tasks/{id}/claim", Kind.TASK, all);
        api("POST", "/api/tasks/{id}/unclaim", Kind.TASK, all);
        api("POST", "/api/tasks/{id}/complete", Kind.TASK, all, invalidForm);
        api("POST", "/api/tasks/reassign", Kind.TASK, supervisors,
                t -> map("taskIds", List.of(t.id()), "reason", "矩阵测试"));
        api("POST", "/api/assistance", Kind.NONE, of(COUNS, ADMIN), t -> map("name", unique("矩阵帮扶登记"),
                "idNumber", TestGraduates.idNumber("440703", Gender.MALE), "gender", "MALE", "phone",
                TestGraduates.phone(), "university", "五邑大学", "degree", "BACHELOR", "graduationYear",
                Year.now().getValue() + 1, "district", "440703", "difficulties", List.of("OTHER"), "evidence", "证明"));
        // a list refused as a whole (the students' columns missing): nobody is registered
        api("POST", "/api/assistance/uploads", null, Kind.NONE, of(COUNS, ADMIN), t -> multipart(
                "姓名,身份证号,学校\n" + unique("矩阵批量") + ",1,五邑大学\n"), null);
        api("GET", "/api/assistance/uploads/{id}", Kind.STUDENT_UPLOAD, all);
        api("GET", "/api/assistance", Kind.ASSISTANCE_LIST, all);
        api("GET", "/api/assistance/figures", Kind.NONE, all);
        api("GET", "/api/assistance/{id}", Kind.ASSISTANCE, all);
        api("POST", "/api/assistance/{id}/evidence", Kind.ASSISTANCE, all, t -> multipart("不是证明材料"));
        api("GET", "/api/assistance/{id}/evidence/{fileId}", Kind.EVIDENCE, of(HELPER, SUP_D, SUP_C, ADMIN));
        api("POST", "/api/handovers", null, Kind.NONE, registrars, t -> multipart(
                "姓名,身份证号,学校\n" + unique("矩阵移交") + ",1,五邑大学\n"), null);
        api("GET", "/api/handovers/{id}", Kind.HANDOVER, all);
        api("GET", "/api/handovers/{id}/rejected", Kind.HANDOVER, all);
        api("POST", "/api/employers", Kind.NONE, of(CW, SUP_D, SUP_C, ADMIN), t -> map("name", unique("矩阵新单位")));
        api("GET", "/api/employers", Kind.NONE, all);
        api("GET", "/api/employers/{id}", Kind.EMPLOYER, all);
        api("POST", "/api/employers/{id}/blacklist", Kind.EMPLOYER, of(SUP_D, SUP_C), t -> map("reason", "矩阵测试"));
        api("POST", "/api/employers/{id}/lift", Kind.EMPLOYER, of(SUP_D, SUP_C), t -> map("reason", "矩阵测试"));
        api("GET", "/api/employers/{id}/blacklist-history", Kind.EMPLOYER, all);
        api("GET", "/api/reports/placement", Kind.DISTRICT, supervisors);
        api("GET", "/api/reports/compliance", Kind.DISTRICT, supervisors);
        api("GET", "/api/reports/quarterly", "application/json", Kind.DISTRICT, supervisors, t -> null,
                "application/json");
        api("GET", "/api/reports/quarterly", "text/csv", Kind.DISTRICT, supervisors, t -> null, "text/csv");
        api("GET", "/api/reports/quarterly", XLSX, Kind.DISTRICT, supervisors, t -> null, XLSX);
        api("GET", "/api/reports/progress", "application/json", Kind.DISTRICT, supervisors, t -> null,
                "application/json");
        api("GET", "/api/reports/progress", "text/csv", Kind.DISTRICT, supervisors, t -> null, "text/csv");
        api("GET", "/api/reports/progress", XLSX, Kind.DISTRICT, supervisors, t -> null, XLSX);
        api("GET", "/api/reports/ledger", "text/csv", Kind.DISTRICT, supervisors, t -> null, "text/csv");
        api("GET", "/api/reports/ledger", XLSX, Kind.DISTRICT, supervisors, t -> null, XLSX);
        api("GET", "/api/reports/early-warning", Kind.DISTRICT, supervisors);
        api("GET", "/api/caseload", Kind.DISTRICT, supervisors);
        api("PUT", "/api/cases/{id}/owner", Kind.CASE, supervisors, t -> map("username", t.value("owner")));
        // the cohorts' totals: the city's figures, set by a city supervisor or an administrator; a far year of
        // its own, so that no other test's report sees them
        Set<Caller> city = of(SUP_C, ADMIN);
        api("GET", "/api/cohorts", Kind.NONE, city);
        api("PUT", "/api/cohorts/{graduationYear}/{universityCode}", Kind.NONE, city,
                t -> map("graduates", 100, "placedAtLeaving", 80));
        api("POST", "/api/cohorts/upload", null, Kind.NONE, city, t -> multipart(
                "学校,毕业生人数,离校时已落实\n五邑大学,100,80\n"), null);
        api("GET", "/api/audit", Kind.NONE, of(ADMIN));
        // user accounts: the managers only; a body refused for its password (400), a change that changes nothing
        Set<Caller> managers = of(SUP_D, COUNS, ADMIN);
        api("GET", "/api/users", Kind.NONE, managers);
        api("POST", "/api/users", Kind.NONE, managers, t -> map("username", unique("matrix.new"), "displayName",
                "矩阵", "role", "HELPER", "university", "WYU", "password", "short"));
        api("GET", "/api/users/{username}", Kind.USER, managers);
        api("PATCH", "/api/users/{username}", Kind.USER, managers, t -> map("enabled", true));
        api("PUT", "/api/users/{username}/password", Kind.USER, managers, t -> map("password", "short"));
        api("PUT", "/api/me/password", Kind.NONE, all, t -> map("currentPassword", "not-the-password",
                "newPassword", "matrix-new-password"));
        api("GET", "/api/notifications", Kind.NONE, all);
        api("GET", "/api/notifications/unread-count", Kind.NONE, all);
        api("POST", "/api/notifications/{id}/read", Kind.NOTIFICATION, all);
        api("GET", "/api/duplicates", Kind.NONE, supervisors);
        api("GET", "/api/duplicates/{id}", Kind.DUPLICATE, supervisors);
        api("POST", "/api/duplicates/{id}/dismiss", Kind.DUPLICATE, supervisors);
        api("POST", "/api/duplicates/{id}/merge", Kind.DUPLICATE, supervisors);
        api("POST", "/api/merges/{id}/undo", Kind.MERGE, supervisors);

        // the pages: a role that may not open one gets the same 404 page as an unknown id
        page("GET", "/login", Kind.NONE, all);
        page("GET", "/", Kind.NONE, all);
        page("GET", "/inbox", Kind.NONE, all);
        page("GET", "/dashboard", Kind.NONE, supervisors);
        page("GET", "/graduates", Kind.GRADUATE_LIST, of(CW, SUP_D, SUP_C, COUNS, ADMIN));
        page("GET", "/students", Kind.NONE, of(COUNS));
        page("GET", "/graduates/new", Kind.NONE, of(CW, SUP_D, SUP_C, COUNS));
        page("POST", "/graduates/new", Kind.NONE, of(CW, SUP_D, SUP_C, COUNS), t -> map("name", ""));
        page("GET", "/graduates/{id}", Kind.GRADUATE, all);
        page("GET", "/graduates/{id}/ledger/print", Kind.GRADUATE, all);
        page("GET", "/graduates/{id}/diagram.svg", Kind.GRADUATE, all);
        page("GET", "/graduates/{id}/process.bpmn", Kind.GRADUATE, all);
        page("GET", "/graduates/{id}/activities", Kind.GRADUATE, all);
        page("POST", "/graduates/{id}/destination", Kind.GRADUATE, all, t -> map("code", "70", "date",
                LocalDate.now().toString()));
        page("POST", "/graduates/{id}/difficulties", Kind.GRADUATE, of(CW, SUP_D, SUP_C, COUNS, ADMIN),
                t -> map("difficulties", "OTHER", "evidence", "矩阵测试：其他困难"));
        page("POST", "/graduates/{id}/owner", Kind.GRADUATE, supervisors, t -> map("username", "nobody.here"));
        page("GET", "/graduates/{id}/edit", Kind.GRADUATE, registrars);
        page("POST", "/graduates/{id}/edit", Kind.GRADUATE, registrars, t -> map("major", "矩阵测试专业", "degree", ""));
        page("GET", "/tasks/{id}", Kind.TASK, all);
        page("POST", "/tasks/{id}/claim", Kind.TASK, all);
        page("POST", "/tasks/{id}/unclaim", Kind.TASK, all);
        page("POST", "/tasks/{id}/complete", Kind.TASK, all, t -> map("channel", "PHONE", "outcome", "REACHED",
                "willingness", "NOT_A_VALUE"));
        // the whole phone on a 131 task's page: its assignee caseworker only, the 404 page for everyone else
        page("POST", "/tasks/{id}/phone", Kind.ASSIGNED_TASK, of(CW));
        page("GET", "/assistance", Kind.ASSISTANCE_LIST, all);
        page("GET", "/assistance/new", Kind.NONE, of(COUNS, ADMIN));
        page("POST", "/assistance/new", Kind.NONE, of(COUNS, ADMIN), t -> map("name", ""));
        page("GET", "/assistance/uploads", Kind.NONE, of(COUNS, ADMIN));
        page("POST", "/assistance/uploads", Kind.NONE, of(COUNS, ADMIN));
        page("GET", "/assistance/uploads/{id}", Kind.STUDENT_UPLOAD, all);
        page("GET", "/assistance/{id}", Kind.ASSISTANCE, all);
        page("POST", "/assistance/{id}/evidence", Kind.ASSISTANCE, all);
        page("GET", "/assistance/{id}/evidence/{fileId}", Kind.EVIDENCE, of(HELPER, SUP_D, SUP_C, ADMIN));
        page("GET", "/handovers/new", Kind.NONE, of(CW, SUP_D, SUP_C, COUNS, ADMIN));
        page("POST", "/handovers/new", Kind.NONE, of(CW, SUP_D, SUP_C, COUNS, ADMIN));
        page("GET", "/handovers/{id}", Kind.HANDOVER, all);
        page("GET", "/employers", Kind.NONE, of(CW, SUP_D, SUP_C, ADMIN));
        page("POST", "/employers/{id}/blacklist", Kind.EMPLOYER, of(SUP_D, SUP_C), t -> map("reason", "矩阵测试"));
        page("POST", "/employers/{id}/lift", Kind.EMPLOYER, of(SUP_D, SUP_C), t -> map("reason", "矩阵测试"));
        page("GET", "/employers/{id}", Kind.EMPLOYER, of(CW, SUP_D, SUP_C, ADMIN));
        // the caseload page; its form refused (no reason), so that no work moves
        page("GET", "/caseload", Kind.NONE, supervisors);
        page("POST", "/caseload/reassign", Kind.NONE, supervisors, t -> map("fromAssignee", "cw.pengjiang", "reason", ""));
        // the cohorts page: the city's figures, as the API's; a district supervisor gets the 404 page
        page("GET", "/cohorts", Kind.NONE, city);
        page("POST", "/cohorts", Kind.NONE, city, t -> map("graduationYear", COHORT_YEAR, "universityCode", "WYU",
                "graduates", 100, "placedAtLeaving", 80));
        page("POST", "/cohorts/upload", Kind.NONE, city);
        // the users pages, as the API's; the password page for everyone (a form refused: shown again)
        page("GET", "/users", Kind.NONE, managers);
        page("GET", "/users/new", Kind.NONE, managers);
        page("POST", "/users/new", Kind.NONE, managers, t -> map("username", ""));
        page("GET", "/users/{username}", Kind.USER, managers);
        page("POST", "/users/{username}", Kind.USER, managers, t -> map("displayName", ""));
        page("POST", "/users/{username}/password", Kind.USER, managers, t -> map("password", ""));
        page("GET", "/account/password", Kind.NONE, all);
        page("POST", "/account/password", Kind.NONE, all, t -> map("currentPassword", ""));

        // group events: a graduate id that names nobody, so that nothing is recorded; the page's form refused
        Set<Caller> eventRoles = of(CW, SUP_D, SUP_C, ADMIN);
        api("POST", "/api/events", Kind.NONE, eventRoles, t -> map("kind", "GUIDANCE", "date",
                LocalDate.now().minusDays(1).toString(), "title", "矩阵测试集体指导", "graduateIds", List.of(987654321)));
        page("GET", "/events/new", Kind.NONE, eventRoles);
        page("POST", "/events", Kind.NONE, eventRoles, t -> map("kind", "GUIDANCE", "title", ""));

        // last: closing and reopening change the case that the rows above work on
        api("POST", "/api/graduates/{id}/case/close", Kind.GRADUATE, of(SUP_D, SUP_C),
                t -> map("reason", "OTHER", "note", "矩阵测试"));
        api("POST", "/api/graduates/{id}/case/reopen", Kind.GRADUATE, of(SUP_D, SUP_C), t -> map("reason", "矩阵测试"));
    }

    // ------------------------------------------------------------------ the test

    @Test
    void everyEndpointIsInTheMatrix() {
        Set<String> mapped = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("org.leye.casework")) {
                continue;
            }
            RequestMappingInfo info = e.getKey();
            var produces = info.getProducesCondition().getProducibleMediaTypes();
            String produced = produces.isEmpty() ? "" : " " + produces.iterator().next().toString();
            for (var method : info.getMethodsCondition().getMethods()) {
                for (String pattern : info.getPatternValues()) {
                    mapped.add(method.name() + " " + pattern + produced);
                }
            }
        }
        Set<String> covered = new TreeSet<>();
        endpoints.forEach(e -> covered.add(e.key()));
        Set<String> missing = new TreeSet<>(mapped);
        missing.removeAll(covered);
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(mapped);
        assertThat(missing).as("endpoints of the application missing from the access matrix").isEmpty();
        assertThat(stale).as("rows of the matrix that no longer match an endpoint").isEmpty();
    }

    @Test
    void everyRoleAndScopeGetsWhatApiMdSays() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        int crossScope = 0;
        int crossScopeSucceeded = 0;
        int serverErrors = 0;
        for (Endpoint endpoint : endpoints) {
            for (Target target : targets.get(endpoint.kind())) {
                for (Caller caller : Caller.values()) {
                    cells++;
                    Cell cell = call(endpoint, target, caller);
                    restore(endpoint, target);
                    boolean roleAllowed = endpoint.roles().contains(caller);
                    boolean visible = target.visibleTo().contains(caller);
                    boolean denied = caller != Caller.ANONYMOUS && (!roleAllowed || !visible);
                    if (cell.status >= 500) {
                        serverErrors++;
                    }
                    if (denied) {
                        crossScope++;
                        if (cell.leaked(endpoint, target)) {
                            crossScopeSucceeded++;
                        }
                    }
                    String problem = check(endpoint, target, caller, roleAllowed, visible, cell);
                    if (problem != null) {
                        wrong.add(String.format("%-6s %-45s %-22s %-20s -> %d %s", endpoint.method(), endpoint.pattern()
                                + (endpoint.produces() == null ? "" : " " + endpoint.produces()), target.scope(),
                                caller, cell.status, problem));
                    }
                }
            }
        }
        System.out.printf("ACCESS MATRIX: %d endpoints × roles × scopes = %d cells; %d cross-scope or role-denied "
                + "attempts, %d of them succeeded; %d server errors; %d cells not as API.md says%n",
                endpoints.size(), cells, crossScope, crossScopeSucceeded, serverErrors, wrong.size());
        wrong.forEach(w -> System.out.println("  " + w));
        assertThat(crossScopeSucceeded).as("cross-scope reads or writes that succeeded").isZero();
        assertThat(serverErrors).as("server errors").isZero();
        assertThat(wrong).as("cells not as API.md says").isEmpty();
    }

    /** The graduation year of the cohort rows: far ahead, so that no report of another test counts it. */
    static final int COHORT_YEAR = 2093;

    /** How a browser marks a request that another site's page sends: its Origin, or its fetch metadata. */
    static final List<Map<String, String>> FROM_ANOTHER_SITE = List.of(
            Map.of("Origin", "https://evil.example"),
            Map.of("Sec-Fetch-Site", "cross-site"));

    /**
     * Every write of the matrix (POST, PUT, PATCH, DELETE; API and pages) × every caller, sent as a
     * browser sends it from another site's page: with the caller's Basic credentials (API) or signed-in
     * session and a valid CSRF token (pages), and another site's {@code Origin} or
     * {@code Sec-Fetch-Site: cross-site}. Each is refused with 403 before anyone is signed in, and the
     * application's data are the same afterwards.
     */
    @Test
    void everyWriteSentFromAnotherSiteIsRefusedWhateverTheCallerCarriesAndChangesNothing() throws Exception {
        handOversFinished();
        String before = dataDigest();
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Endpoint endpoint : endpoints) {
            if (endpoint.method().equals("GET")) {
                continue;
            }
            Target target = targets.get(endpoint.kind()).get(0);
            for (Caller caller : Caller.values()) {
                for (Map<String, String> site : FROM_ANOTHER_SITE) {
                    cells++;
                    Cell cell = call(endpoint, target, caller, site);
                    if (cell.status != 403 || cell.body == null || !cell.body.contains("another site")) {
                        wrong.add(String.format("%-6s %-45s %-20s %-30s -> %d %s", endpoint.method(),
                                endpoint.pattern(), caller, site, cell.status, abbreviate(cell.body)));
                    }
                }
            }
        }
        System.out.printf("ACCESS MATRIX, FROM ANOTHER SITE: %d writes sent as another site's page would, "
                + "%d not refused with 403%n", cells, wrong.size());
        wrong.forEach(w -> System.out.println("  " + w));
        assertThat(cells).as("writes in the matrix").isGreaterThan(300);
        assertThat(wrong).as("cross-site writes not refused").isEmpty();
        assertThat(dataDigest()).as("the data after the refused writes").isEqualTo(before);
    }

    /** Waits until no hand-over is processed in the background (the fixtures upload some), so that the data stand still. */
    void handOversFinished() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (jdbc.queryForObject("SELECT COUNT(*) FROM handover WHERE status = 'RUNNING'", Long.class) > 0) {
            assertThat(System.nanoTime()).as("hand-overs still RUNNING after 2 minutes").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** A digest of every row of our tables and of the engine's open tasks, deployments and instances. */
    String dataDigest() {
        StringBuilder digest = new StringBuilder();
        for (String table : List.of("graduate", "graduate_difficulty", "graduate_source", "employer", "case_file",
                "case_task", "ledger_entry", "notification", "assistance", "handover", "handover_row",
                "duplicate_candidate", "graduate_merge", "cohort_totals", "audit_log", "app_user", "ACT_RU_TASK", "ACT_RU_EXECUTION",
                "ACT_RE_DEPLOYMENT")) {
            List<Integer> rows = jdbc.query("SELECT * FROM " + table, (rs, n) -> {
                int columns = rs.getMetaData().getColumnCount();
                Object[] values = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    Object value = rs.getObject(c + 1);
                    values[c] = value instanceof byte[] bytes ? java.util.Arrays.hashCode(bytes) : value;
                }
                return java.util.Arrays.deepHashCode(values);
            });
            rows.sort(null);
            digest.append(table).append(':').append(rows.size()).append(':').append(rows.hashCode()).append(' ');
        }
        return digest.toString();
    }

    record Cell(int status, String location, String body) {

        /** Whether a list names the record: a link to it on a page, its id among the API's content. */
        boolean listed(Endpoint endpoint, Target target) {
            if (body == null || status != 200) {
                return false;
            }
            if (endpoint.page()) {
                String link = endpoint.kind() == Kind.ASSISTANCE_LIST ? "/assistance/" : "/graduates/";
                return body.contains(link + target.id() + "\"");
            }
            for (JsonNode item : read(body).path("content")) {
                if (item.path("id").asText().equals(target.id())) {
                    return true;
                }
            }
            return false;
        }

        /** A denied call that nevertheless answered with data: a success, or a list naming the record. */
        boolean leaked(Endpoint endpoint, Target target) {
            if (isList(endpoint.kind())) {
                return listed(endpoint, target);
            }
            return status >= 200 && status < 300 || (endpoint.page() && status == 302 && !location.contains("/login"));
        }
    }

    static boolean isList(Kind kind) {
        return kind == Kind.GRADUATE_LIST || kind == Kind.GRADUATE_LOOKUP || kind == Kind.TASK_LIST
                || kind == Kind.ASSISTANCE_LIST;
    }

    String check(Endpoint endpoint, Target target, Caller caller, boolean roleAllowed, boolean visible, Cell cell) {
        int s = cell.status;
        if (s >= 500) {
            return "server error: " + abbreviate(cell.body);
        }
        if (caller == Caller.ANONYMOUS) {
            if (endpoint.page()) {
                if (endpoint.pattern().equals("/login")) {
                    return s == 200 ? null : "the login page must open";
                }
                return s == 302 && cell.location.contains("/login") ? null : "expected a redirect to /login";
            }
            return s == 401 ? null : "expected 401";
        }
        if (!roleAllowed) {
            if (endpoint.page()) {
                return s == 404 ? null : "expected the 404 page for a role that may not open it";
            }
            // a role that may never do this: 403; the record being out of scope as well may answer 404 first
            return s == 403 || (!visible && s == 404) ? null : "expected 403";
        }
        if (isList(endpoint.kind())) {
            if (s != 200) {
                return "expected the list";
            }
            boolean named = cell.listed(endpoint, target);
            return named == visible ? null : visible ? "record in scope missing from the list" : "LEAK: out-of-scope record listed";
        }
        if (!visible) {
            int expected = endpoint.kind() == Kind.DISTRICT ? endpoint.outOfScopeStatus() : 404;
            return s == expected ? null : "expected " + expected + " (out of scope)";
        }
        if (endpoint.needsCase() && target.value("case") == null && s == 404) {
            return null;
        }
        if (s == 401 || s == 403 || s == 404) {
            return "in scope, yet refused";
        }
        if (endpoint.page() && s == 302 && cell.location.contains("/login")) {
            return "in scope, yet sent to the login page";
        }
        return null;
    }

    /**
     * Puts a task back with its first assignee after a claim, release or reassignment in scope, so
     * that every cell meets the same task: the helper sees only the tasks assigned to them.
     */
    void restore(Endpoint endpoint, Target target) {
        if (endpoint.kind() != Kind.TASK || endpoint.method().equals("GET")) {
            return;
        }
        var task = taskService.createTaskQuery().taskId(target.id()).singleResult();
        if (task != null && !java.util.Objects.equals(task.getAssignee(), target.value("assignee"))) {
            ApplicationCaller.run(() -> taskService.setAssignee(target.id(), target.value("assignee")));
        }
    }

    // ------------------------------------------------------------------ HTTP

    Cell call(Endpoint endpoint, Target target, Caller caller) {
        return call(endpoint, target, caller, Map.of());
    }

    /** Calls the endpoint as the caller, with the given headers besides (a browser's, say). */
    Cell call(Endpoint endpoint, Target target, Caller caller, Map<String, String> headers) {
        String path = endpoint.pattern().replace("{id}", target.id() == null ? "0" : target.id())
                .replace("{username}", target.id() == null ? "nobody" : target.id())
                .replace("{fileId}", target.value("file") == null ? "0" : target.value("file"))
                .replace("{graduationYear}", String.valueOf(COHORT_YEAR)).replace("{universityCode}", "WYU");
        if (endpoint.pattern().startsWith("/api/cohorts") && !endpoint.method().equals("PUT")) {
            path += "?graduationYear=" + COHORT_YEAR;
        }
        if (endpoint.kind() == Kind.DISTRICT) {
            path += "?district=" + target.id() + (endpoint.pattern().endsWith("quarterly") ? "&quarter=2023Q2" : "")
                    + (endpoint.pattern().endsWith("early-warning") ? "&by=2023-09-30" : "")
                    + (endpoint.pattern().endsWith("progress") ? "&asOf=2023-09-30" : "");
        } else if (isList(endpoint.kind()) && endpoint.kind() != Kind.GRADUATE_LOOKUP) {
            path += "?size=200&q=" + URLEncoder.encode(target.marker(), StandardCharsets.UTF_8);
        }
        Object body = endpoint.body().apply(target);
        HttpResponse<String> response;
        if (endpoint.page()) {
            response = page(caller, endpoint.method(), path, body, headers);
        } else {
            String auth = caller == Caller.ANONYMOUS ? null : basic(caller.username);
            HttpRequest.BodyPublisher publisher;
            String contentType = null;
            if (body instanceof Multipart m) {
                publisher = HttpRequest.BodyPublishers.ofByteArray(m.bytes());
                contentType = m.contentType();
            } else if (body != null) {
                publisher = HttpRequest.BodyPublishers.ofString(write(body));
                contentType = "application/json";
            } else {
                publisher = HttpRequest.BodyPublishers.noBody();
            }
            response = send(endpoint.method(), path, publisher, contentType,
                    endpoint.accept() == null ? "application/json" : endpoint.accept(), auth, headers);
        }
        return new Cell(response.statusCode(), response.headers().firstValue("Location").orElse(""),
                response.body());
    }

    HttpResponse<String> page(Caller caller, String method, String path, Object form, Map<String, String> headers) {
        HttpClient session = sessions.get(caller);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html");
        headers.forEach(request::header);
        if (method.equals("GET")) {
            request.GET();
        } else {
            StringBuilder encoded = new StringBuilder("_csrf=" + csrf(get(session, "/login").body()));
            if (form instanceof Map<?, ?> fields) {
                fields.forEach((k, v) -> encoded.append('&').append(k).append('=')
                        .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
            }
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encoded.toString()));
        }
        return exchange(session, request.build());
    }

    HttpResponse<String> send(Caller ignored, String method, String path, Multipart body, String accept, String auth) {
        return send(method, path, HttpRequest.BodyPublishers.ofByteArray(body.bytes()), body.contentType(), accept, auth,
                Map.of());
    }

    HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String contentType,
            String accept, String auth, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, body).header("Accept", accept);
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return exchange(plain, request.build());
    }

    HttpResponse<String> get(HttpClient client, String path) {
        return exchange(client, HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    static HttpResponse<String> exchange(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(request.method() + " " + request.uri(), e);
        }
    }

    HttpClient signIn(String username) {
        HttpClient session = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).build();
        String form = "username=" + username + "&password=" + DemoUsers.PASSWORD + "&_csrf="
                + csrf(get(session, "/login").body());
        HttpResponse<String> login = exchange(session, HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return session;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + DemoUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("CSRF token on the page").isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

    record Multipart(byte[] bytes, String contentType) {
    }

    static Multipart multipart(String csv) {
        String boundary = "----matrix" + TestGraduates.tag();
        String text = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"list.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return new Multipart(text.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=" + boundary);
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }
}
