package org.leye.casework.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.leye.casework.graduates.Gender;
import org.leye.casework.support.Api;
import org.leye.casework.support.TestGraduates;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Counselors' lists of students in difficulty (POST /api/assistance/uploads) over real HTTP, each
 * row registered as POST /api/assistance registers one; run on H2 and on MySQL.
 */
abstract class StudentUploadContract extends HandoverApiContractSupport {

    static final String UPLOADS = "/api/assistance/uploads";
    static final List<String> HEADER = List.of("姓名", "身份证号", "性别", "联系电话", "学校", "专业", "学历", "毕业年份",
            "所属区县", "困难类别", "困难情况说明", "预计离校日期");
    static final int UNIVERSITY = 4;
    static final int DIFFICULTIES = 9;
    static final int EVIDENCE = 10;
    static final int LEAVING = 11;

    /** A valid row: a 五邑大学 student of 蓬江区 leaving school next year, in a family on subsistence allowance. */
    static List<String> student(String name) {
        return student(name, TestGraduates.idNumber("440703", Gender.MALE));
    }

    static List<String> student(String name, String idNumber) {
        return new ArrayList<>(List.of(name, idNumber, "男", TestGraduates.phone(), "五邑大学", "机械工程", "本科",
                String.valueOf(Year.now().getValue() + 1), "蓬江区", "低保家庭", "低保证明，学院审核", ""));
    }

    static byte[] file(List<List<String>> rows) {
        return HandoverFiles.csv(HEADER, rows, StandardCharsets.UTF_8, true);
    }

    /** Uploads as the user, expects 202 and waits for the rows; the upload with each row's result. */
    JsonNode uploadAndWait(String user, byte[] file) throws Exception {
        ResponseEntity<String> response = upload(UPLOADS, user, file, "困难学生.csv");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
        long id = JSON.readTree(response.getBody()).path("upload").path("id").asLong();
        assertThat(response.getHeaders().getLocation()).hasToString(UPLOADS + "/" + id);
        waitForDone(user, id, Duration.ofSeconds(30));
        return Api.as(rest, user).get(UPLOADS + "/" + id).expect(200).json();
    }

    static List<String> outcomes(JsonNode upload) {
        List<String> out = new ArrayList<>();
        upload.path("rows").forEach(r -> out.add(r.path("row").asInt() + " " + r.path("outcome").asText()));
        return out;
    }

    static List<String> rowErrors(JsonNode upload) {
        List<String> out = new ArrayList<>();
        upload.path("rows").forEach(r -> r.path("errors")
                .forEach(e -> out.add(r.path("row").asInt() + " " + e.path("field").asText())));
        return out;
    }

    List<String> ledgerTypes(long graduateId) {
        List<String> types = new ArrayList<>();
        Api.as(rest, "counselor.wyu").get("/api/graduates/" + graduateId + "/ledger").expect(200).json().path("entries")
                .forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    List<String> openTaskTypes(long graduateId) {
        return jdbc.queryForList("select type from case_task where graduate_id = ? order by type", String.class,
                graduateId);
    }

    @Test
    void eachRowIsRegisteredExactlyAsTheSingleRegistrationRegistersAStudent() throws Exception {
        String marker = "批帮" + TestGraduates.tag();
        var single = map("name", marker + "单", "idNumber", TestGraduates.idNumber("440703", Gender.MALE), "gender",
                "MALE", "phone", TestGraduates.phone(), "university", "五邑大学", "major", "机械工程", "degree",
                "BACHELOR", "graduationYear", Year.now().getValue() + 1, "district", "440703", "difficulties",
                List.of("SUBSISTENCE_ALLOWANCE"), "evidence", "低保证明，学院审核");
        JsonNode byHand = Api.as(rest, "counselor.wyu").post("/api/assistance", single).expect(201).json();
        String leaverId = TestGraduates.idNumber("440703", Gender.MALE);
        List<List<String>> rows = List.of(student(marker + "甲"),
                // the evidence names someone's ID number: masked, as by hand
                HandoverFiles.with(student(marker + "乙"), EVIDENCE, "零就业家庭，父亲 " + leaverId + " 失业"),
                // left school yesterday: handed over at once, with a 131 case and the bureau's assistance
                HandoverFiles.with(HandoverFiles.with(student(marker + "丙", leaverId), LEAVING,
                        LocalDate.now().minusDays(1).toString()), DIFFICULTIES, "零就业、残疾"));

        JsonNode done = uploadAndWait("counselor.wyu", file(rows));

        assertThat(done.path("upload").path("kind").asText()).isEqualTo("STUDENTS_IN_DIFFICULTY");
        assertThat(done.path("upload").path("accepted").asInt()).isEqualTo(3);
        assertThat(outcomes(done)).containsExactly("2 ACCEPTED", "3 ACCEPTED", "4 ACCEPTED");
        JsonNode listed = Api.as(rest, "counselor.wyu")
                .get("/api/assistance/" + done.path("rows").get(0).path("assistanceId").asLong()).expect(200).json();
        JsonNode manual = Api.as(rest, "counselor.wyu").get("/api/assistance/" + byHand.path("id").asLong()).expect(200)
                .json();
        for (String field : List.of("status", "route", "leavingSchoolOn", "difficulties", "evidence", "registeredBy",
                "universityCode", "district", "disability")) {
            assertThat(listed.path(field)).as(field).isEqualTo(manual.path(field));
        }
        assertThat(listed.path("graduateName").asText()).isEqualTo(marker + "甲");
        long listedGraduate = listed.path("graduateId").asLong();
        long manualGraduate = manual.path("graduateId").asLong();
        assertThat(ledgerTypes(listedGraduate)).isEqualTo(ledgerTypes(manualGraduate)).containsExactly("REGISTERED");
        assertThat(openTaskTypes(listedGraduate)).isEqualTo(openTaskTypes(manualGraduate))
                .containsExactly("ASSIGN_HELPER");
        assertThat(jdbc.queryForList("select source from graduate_source where graduate_id = ?", String.class,
                listedGraduate)).containsExactly("ASSISTANCE");

        JsonNode masked = Api.as(rest, "counselor.wyu")
                .get("/api/assistance/" + done.path("rows").get(1).path("assistanceId").asLong()).expect(200).json();
        assertThat(masked.path("evidence").asText()).startsWith("零就业家庭").doesNotContain(leaverId);

        JsonNode leaver = Api.as(rest, "counselor.wyu")
                .get("/api/assistance/" + done.path("rows").get(2).path("assistanceId").asLong()).expect(200).json();
        assertThat(leaver.path("route").asText()).isEqualTo("BUREAU");
        assertThat(leaver.path("disability").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from case_file where graduate_id = ?", Integer.class,
                leaver.path("graduateId").asLong())).isEqualTo(1);
    }

    @Test
    void badRowsAreReturnedByRowAndFieldAndWriteNothingWhileTheRestAreRegistered() throws Exception {
        String marker = "批错" + TestGraduates.tag();
        List<List<String>> rows = List.of(student(marker + "甲"),
                HandoverFiles.with(student(marker + "乙"), DIFFICULTIES, "无"),
                HandoverFiles.with(student(marker + "丙"), LEAVING, "明年夏天"),
                HandoverFiles.with(student(marker + "丁"), EVIDENCE, ""),
                HandoverFiles.with(student(marker + "戊"), UNIVERSITY, "江门职业技术学院"),
                HandoverFiles.with(student(marker + "己"), 1, "4.40703E+17"),
                student(marker + "庚"));

        JsonNode done = uploadAndWait("counselor.wyu", file(rows));

        assertThat(outcomes(done)).containsExactly("2 ACCEPTED", "3 REJECTED", "4 REJECTED", "5 REJECTED",
                "6 REJECTED", "7 REJECTED", "8 ACCEPTED");
        assertThat(rowErrors(done)).containsExactly("3 difficulties", "4 leavingSchoolDate", "5 evidence",
                "6 university", "7 idNumber");
        assertThat(errors(done.path("upload"))).isEqualTo(rowErrors(done));
        assertThat(done.path("rows").get(1).path("errors").get(0).path("message").asText()).contains("困难类别");
        // a row refused by the registration itself (another university) left nothing behind
        assertThat(jdbc.queryForObject("select count(*) from graduate where name like ?", Integer.class, marker + "%"))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from assistance a join graduate g on g.id = a.graduate_id"
                + " where g.name like ?", Integer.class, marker + "%")).isEqualTo(2);

        // in English for an English reader
        HttpHeaders headers = auth("counselor.wyu");
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        JsonNode english = JSON.readTree(rest.exchange(UPLOADS + "/" + done.path("upload").path("id").asLong(),
                HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody());
        assertThat(english.path("rows").get(1).path("errors").get(0).path("message").asText())
                .contains("at least one difficulty");
    }

    @Test
    void studentsInAssistanceAreDuplicatesAndTheSameFileAgainRegistersNobody() throws Exception {
        String marker = "批重" + TestGraduates.tag();
        String inAssistance = TestGraduates.idNumber("440703", Gender.MALE);
        Api.as(rest, "counselor.wyu").post("/api/assistance", map("name", marker + "甲", "idNumber", inAssistance,
                "phone", TestGraduates.phone(), "university", "五邑大学", "degree", "BACHELOR", "graduationYear",
                Year.now().getValue() + 1, "district", "440703", "difficulties", List.of("OTHER"), "evidence", "证明"))
                .expect(201);
        // a graduate of the university registered without difficulty: POST /api/assistance refuses them too
        var graduate = TestGraduates.with(TestGraduates.graduate(marker + "乙", "440703"), "university", "五邑大学");
        Api.as(rest, "cw.pengjiang").post("/api/graduates", graduate).expect(201);
        String twice = TestGraduates.idNumber("440703", Gender.MALE);
        byte[] file = file(List.of(student(marker + "甲", inAssistance),
                student(marker + "乙", (String) graduate.get("idNumber")), student(marker + "丙", twice),
                student(marker + "丙", twice)));

        JsonNode done = uploadAndWait("counselor.wyu", file);

        assertThat(outcomes(done)).containsExactly("2 DUPLICATE", "3 REJECTED", "4 ACCEPTED", "5 DUPLICATE");
        assertThat(rowErrors(done)).containsExactly("3 idNumber");
        assertThat(done.path("rows").get(0).path("assistanceId").asLong()).isPositive();
        assertThat(done.path("rows").get(3).path("assistanceId")).isEqualTo(done.path("rows").get(2).path("assistanceId"));
        int assistances = jdbc.queryForObject("select count(*) from assistance a join graduate g on g.id = a.graduate_id"
                + " where g.name like ?", Integer.class, marker + "%");
        assertThat(assistances).isEqualTo(2);

        ResponseEntity<String> again = upload(UPLOADS, "counselor.wyu", file, "再传一次.csv");
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        JsonNode body = JSON.readTree(again.getBody());
        assertThat(body.path("upload").path("id")).isEqualTo(done.path("upload").path("id"));
        assertThat(outcomes(body)).isEqualTo(outcomes(done));
        assertThat(jdbc.queryForObject("select count(*) from assistance a join graduate g on g.id = a.graduate_id"
                + " where g.name like ?", Integer.class, marker + "%")).isEqualTo(assistances);
        assertThat(jdbc.queryForObject("select count(*) from graduate where name like ?", Integer.class, marker + "%"))
                .isEqualTo(3);
    }

    @Test
    void theSameFileHandedOverAsGraduatesAndAsStudentsIsTwoHandOversOfTheirKinds() throws Exception {
        String marker = "批类" + TestGraduates.tag();
        byte[] file = file(List.of(student(marker + "甲")));
        ResponseEntity<String> asGraduates = upload("/api/handovers", "counselor.wyu", file, "同一文件.csv");
        assertThat(asGraduates.getStatusCode().value()).as(asGraduates.getBody()).isEqualTo(202);
        long graduatesId = JSON.readTree(asGraduates.getBody()).path("id").asLong();
        assertThat(waitForDone("counselor.wyu", graduatesId, Duration.ofSeconds(30)).path("kind").asText())
                .isEqualTo("GRADUATES");

        JsonNode students = uploadAndWait("counselor.wyu", file);

        assertThat(students.path("upload").path("id").asLong()).isNotEqualTo(graduatesId);
        assertThat(get("counselor.wyu", students.path("upload").path("id").asLong()).path("kind").asText())
                .isEqualTo("STUDENTS_IN_DIFFICULTY");
        // the graduate handed over in difficulty has the bureau's assistance already: no second one
        assertThat(outcomes(students)).containsExactly("2 DUPLICATE");
        Api.as(rest, "counselor.wyu").get(UPLOADS + "/" + graduatesId).expect(404);
    }

    @Test
    void onlyCounselorsAndAdministratorsUploadAndOthersSeeNoUploadOfAnotherUniversity() throws Exception {
        String marker = "批权" + TestGraduates.tag();
        byte[] file = file(List.of(student(marker + "甲")));
        for (String refused : List.of("cw.pengjiang", "sup.city", "teacher.wyu", "dpf.pengjiang")) {
            assertThat(upload(UPLOADS, refused, file, "x.csv").getStatusCode().value()).as(refused).isEqualTo(403);
        }
        long id = uploadAndWait("counselor.wyu", file).path("upload").path("id").asLong();
        for (String outsider : List.of("counselor.jmpt", "cw.pengjiang", "teacher.wyu")) {
            Api.as(rest, outsider).get(UPLOADS + "/" + id).expect(404);
        }
        Api.as(rest, "sup.city").get(UPLOADS + "/" + id).expect(200);
        Api.as(rest, "admin").get(UPLOADS + "/" + id).expect(200);
        // the same list from another university's counselor: not theirs to see, nor to register
        assertThat(upload(UPLOADS, "counselor.jmpt", file, "x.csv").getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void aListWithoutTheStudentsColumnsIsRefusedAsAWhole() throws Exception {
        String marker = "批列" + TestGraduates.tag();
        byte[] file = HandoverFiles.csv(HandoverFiles.HEADER_SIMPLIFIED, List.of(HandoverFiles.row(marker + "甲")),
                StandardCharsets.UTF_8, false);
        ResponseEntity<String> refused = upload(UPLOADS, "counselor.wyu", file, "graduates.csv");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("困难情况说明");
        assertThat(jdbc.queryForObject("select count(*) from graduate where name like ?", Integer.class, marker + "%"))
                .isZero();
    }
}
