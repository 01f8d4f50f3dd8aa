package org.leye.casework.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Over HTTP: every export and download leaves exactly one EXPORT entry saying who, what, over what
 * and how many rows; every read of a record one VIEW_RECORD; the audit filters by action and time,
 * and never holds an ID number, a phone or a name. Run on H2 and on MySQL.
 */
abstract class AuditTrailContract {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String ENPING = "440785";
    /** A cohort of its own: no other test registers graduates of 1995. */
    static final int YEAR = 1995;

    @Autowired
    TestRestTemplate rest;

    static final ObjectMapper JSON = new ObjectMapper();

    final List<String> personalData = new ArrayList<>();

    Api admin() {
        return Api.as(rest, "admin");
    }

    long register(Api api, String name, String district, int year) {
        Map<String, Object> body = TestGraduates.with(TestGraduates.graduate(name, district), "graduationYear", year);
        personalData.add((String) body.get("idNumber"));
        personalData.add((String) body.get("phone"));
        personalData.add(name);
        return api.post("/api/graduates", body).expect(201).json().path("id").asLong();
    }

    /** The id of the newest entry of one actor and action (0 if none): what comes after it is new. */
    long newest(String actor, String action) {
        JsonNode content = admin().get("/api/audit?actor=" + actor + "&action=" + action + "&size=1").expect(200).json()
                .path("content");
        return content.isEmpty() ? 0 : content.get(0).path("id").asLong();
    }

    /**
     * The entries of one actor and action after the entry {@code newest}, by id: MySQL stores the time
     * to the second here (sendFractionalSeconds=false), so an earlier entry may share a later one's time.
     */
    JsonNode since(long newest, String actor, String action) {
        JsonNode content = admin().get("/api/audit?actor=" + actor + "&action=" + action + "&size=50").expect(200).json()
                .path("content");
        var after = JSON.createArrayNode();
        content.forEach(e -> {
            if (e.path("id").asLong() > newest) {
                after.add(e);
            }
        });
        return after;
    }

    byte[] download(String user, String path, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setAccept(List.of(MediaType.parseMediaType(accept)));
        ResponseEntity<byte[]> response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    static int csvDataRows(byte[] body) throws Exception {
        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords().size() - 1;
    }

    static int xlsxDataRows(byte[] body) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            return workbook.getSheetAt(0).getPhysicalNumberOfRows() - 1;
        }
    }

    static void assertOneExport(JsonNode entries, String actor, String target, String scope, int rows) {
        assertThat(entries).as(entries.toString()).hasSize(1);
        JsonNode e = entries.get(0);
        assertThat(e.path("actor").asText()).isEqualTo(actor);
        assertThat(e.path("action").asText()).isEqualTo("EXPORT");
        assertThat(e.path("target").asText()).isEqualTo(target);
        assertThat(e.path("scope").asText()).isEqualTo(scope);
        assertThat(e.path("rows").asInt()).isEqualTo(rows);
        assertThat(e.path("graduateId").isMissingNode() || e.path("graduateId").isNull()).isTrue();
    }

    @Test
    void eachExportAndDownloadLeavesOneEntryWithWhatItWroteAndNoPersonalData() throws Exception {
        Instant start = Instant.now();
        String marker = "审" + TestGraduates.tag();
        Api city = Api.as(rest, "sup.city");
        register(city, marker + "甲", ENPING, YEAR);
        register(city, marker + "乙", ENPING, YEAR);
        String ledger = "/api/reports/ledger?district=" + ENPING + "&graduationYear=" + YEAR;

        long before = newest("sup.city", "EXPORT");
        int csvRows = csvDataRows(download("sup.city", ledger, "text/csv"));
        assertThat(csvRows).isGreaterThanOrEqualTo(2);
        assertOneExport(since(before, "sup.city", "EXPORT"), "sup.city", "ledger",
                "district=" + ENPING + " graduationYear=" + YEAR, csvRows);

        before = newest("sup.city", "EXPORT");
        int xlsxRows = xlsxDataRows(download("sup.city", "/api/reports/ledger?graduationYear=" + YEAR, XLSX));
        assertThat(xlsxRows).isEqualTo(csvRows);
        assertOneExport(since(before, "sup.city", "EXPORT"), "sup.city", "ledger", "city graduationYear=" + YEAR,
                xlsxRows);

        before = newest("sup.pengjiang", "EXPORT");
        byte[] quarterly = download("sup.pengjiang", "/api/reports/quarterly?quarter=" + YEAR + "Q3", "text/csv");
        assertThat(csvDataRows(quarterly)).isEqualTo(2); // 蓬江区 and the total
        assertOneExport(since(before, "sup.pengjiang", "EXPORT"), "sup.pengjiang", "quarterly",
                "district=440703 quarter=" + YEAR + "Q3 graduationYear=" + YEAR, 2);

        before = newest("sup.city", "EXPORT");
        xlsxDataRows(download("sup.city", "/api/reports/quarterly?quarter=" + YEAR + "Q3", XLSX));
        assertOneExport(since(before, "sup.city", "EXPORT"), "sup.city", "quarterly",
                "city quarter=" + YEAR + "Q3 graduationYear=" + YEAR, 8); // seven districts and the total

        // the JSON of a report is no export
        before = newest("sup.city", "EXPORT");
        city.get("/api/reports/quarterly?quarter=" + YEAR + "Q3").expect(200);
        assertThat(since(before, "sup.city", "EXPORT")).isEmpty();

        long handover = rejectedHandover(marker);
        before = newest("counselor.wyu", "EXPORT");
        byte[] rejected = download("counselor.wyu", "/api/handovers/" + handover + "/rejected", "text/csv");
        assertThat(csvDataRows(rejected)).isEqualTo(2);
        assertOneExport(since(before, "counselor.wyu", "EXPORT"), "counselor.wyu", "handover.rejected",
                "handover=" + handover, 2);

        String everything = admin().get("/api/audit?size=200&from=" + start.minusSeconds(1)).expect(200).body();
        assertThat(personalData).isNotEmpty();
        for (String value : personalData) {
            assertThat(everything).as("the audit holds no ID number, phone or name").doesNotContain(value);
        }
    }

    /** A hand-over of two rows, both rejected (a degree of 小学), as counselor.wyu; its id once DONE. */
    long rejectedHandover(String marker) throws Exception {
        StringBuilder csv = new StringBuilder("姓名,身份证号,性别,联系电话,学校,专业,学历,毕业年份,所属区县,困难类别,就业意愿\r\n");
        for (String name : List.of(marker + "丙", marker + "丁")) {
            String id = TestGraduates.idNumber("440703", org.leye.casework.graduates.Gender.FEMALE);
            String phone = TestGraduates.phone();
            personalData.add(id);
            personalData.add(phone);
            csv.append(String.join(",", name, id, "女", phone, "五邑大学", "会计学", "小学", "2023", "蓬江区", "", "是"))
                    .append("\r\n");
        }
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csv.toString().getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "audit.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("counselor.wyu", "demo");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> upload = rest.exchange("/api/handovers", HttpMethod.POST, new HttpEntity<>(parts, headers),
                String.class);
        assertThat(upload.getStatusCode().value()).as(upload.getBody()).isEqualTo(202);
        long id = new Api.Response(202, upload.getHeaders(), upload.getBody()).json().path("id").asLong();
        Api counselor = Api.as(rest, "counselor.wyu");
        for (int i = 0; i < 300; i++) {
            if (!counselor.get("/api/handovers/" + id).expect(200).json().path("status").asText().equals("RUNNING")) {
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("hand-over " + id + " still RUNNING");
    }

    @Test
    void everyReadOfARecordLeavesViewRecord() {
        long id = register(Api.as(rest, "cw.pengjiang"), "读档" + TestGraduates.tag(), "440703", 2023);
        Api cw = Api.as(rest, "cw.pengjiang");

        cw.get("/api/graduates/" + id).expect(200);
        JsonNode reads = admin().get("/api/audit?graduateId=" + id + "&action=VIEW_RECORD").expect(200).json();
        assertThat(reads.path("totalElements").asLong()).isEqualTo(1);
        assertThat(reads.path("content").get(0).path("actor").asText()).isEqualTo("cw.pengjiang");
        assertThat(reads.path("content").get(0).path("graduateId").asLong()).isEqualTo(id);

        cw.get("/api/graduates/" + id + "/ledger").expect(200);
        assertThat(admin().get("/api/audit?graduateId=" + id + "&action=VIEW_RECORD").expect(200).json()
                .path("totalElements").asLong()).isEqualTo(2);

        // a refused read is no read
        Api.as(rest, "cw.taishan").get("/api/graduates/" + id).expect(404);
        Api.as(rest, "cw.taishan").get("/api/graduates/" + id + "/ledger").expect(404);
        assertThat(admin().get("/api/audit?graduateId=" + id).expect(200).json().path("totalElements").asLong())
                .isEqualTo(2);

        // the whole identity stays VIEW_IDENTITY
        cw.get("/api/graduates/" + id + "/identity").expect(200);
        JsonNode identity = admin().get("/api/audit?graduateId=" + id + "&action=view_identity").expect(200).json();
        assertThat(identity.path("totalElements").asLong()).isEqualTo(1);
        assertThat(identity.path("content").get(0).path("action").asText()).isEqualTo("VIEW_IDENTITY");
    }

    @Test
    void auditFiltersByActionAndTimeAndRefusesAnUnknownAction() {
        long id = register(Api.as(rest, "cw.pengjiang"), "筛选" + TestGraduates.tag(), "440703", 2023);
        Api.as(rest, "cw.pengjiang").get("/api/graduates/" + id).expect(200);
        Api.as(rest, "cw.pengjiang").get("/api/graduates/" + id + "/identity").expect(200);

        for (String action : List.of("VIEW_RECORD", "VIEW_IDENTITY")) {
            JsonNode page = admin().get("/api/audit?graduateId=" + id + "&action=" + action).expect(200).json();
            assertThat(page.path("totalElements").asLong()).isEqualTo(1);
            assertThat(page.path("content").get(0).path("action").asText()).isEqualTo(action);
        }
        JsonNode exports = admin().get("/api/audit?action=EXPORT&actor=&graduateId=&from=&to=&size=200").expect(200)
                .json();
        exports.path("content").forEach(e -> assertThat(e.path("action").asText()).isEqualTo("EXPORT"));

        Instant later = Instant.now().plusSeconds(3600);
        assertThat(admin().get("/api/audit?graduateId=" + id + "&from=" + later).expect(200).json()
                .path("totalElements").asLong()).isZero();
        assertThat(admin().get("/api/audit?graduateId=" + id + "&to=" + later).expect(200).json()
                .path("totalElements").asLong()).isEqualTo(2);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        assertThat(admin().get("/api/audit?graduateId=" + id + "&from=" + today + "&to=" + today).expect(200).json()
                .path("totalElements").asLong()).isEqualTo(2);

        JsonNode unknown = admin().get("/api/audit?action=DELETE").expect(400).json();
        assertThat(unknown.path("errors").get(0).path("field").asText()).isEqualTo("action");
        assertThat(unknown.path("errors").get(0).path("message").asText()).contains("VIEW_RECORD");
        JsonNode badDay = admin().get("/api/audit?from=yesterday").expect(400).json();
        assertThat(badDay.path("errors").get(0).path("field").asText()).isEqualTo("from");
        Api.as(rest, "sup.city").get("/api/audit?action=EXPORT").expect(403);
    }
}
