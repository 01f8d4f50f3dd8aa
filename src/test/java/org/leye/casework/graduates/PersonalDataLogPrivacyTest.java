package org.leye.casework.graduates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the application writes to its log (console, every thread: the hand-over runs in the
 * background) while it handles known personal data names ids, never an ID number or a phone: a
 * registration and its duplicate, a hand-over with a good, a bad and a repeated row, a one-to-one
 * assistance with its helper, plan and follow-up (free text quoting the phone), searches and the
 * identity read, and the error paths that might echo a rejected value: validation failures, an
 * ID number in an enum field, malformed JSON, a wrong password typed as the user name.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLogPrivacyTest {

    @Autowired
    TestRestTemplate rest;

    final List<String> secrets = new ArrayList<>();

    Api as(String user) {
        return Api.as(rest, user);
    }

    /** An ID number and phone to look for: whole, the birth date inside the number, and the phone's digits. */
    String[] personal(String district) {
        String id = TestGraduates.idNumber(district, Gender.FEMALE);
        String phone = TestGraduates.phone();
        secrets.add(id);
        secrets.add(id.substring(6, 14) + id.substring(14, 17));
        secrets.add(phone);
        return new String[] { id, phone };
    }

    @Test
    void noIdNumberOrPhoneReachesTheLogOnAnyPath(CapturedOutput output) throws Exception {
        // registration, its duplicate, the identity read, searches by ID number and by phone
        String[] g = personal("440703");
        String name = "隐私测试" + TestGraduates.tag();
        Map<String, Object> body = TestGraduates.with(TestGraduates.with(TestGraduates.with(TestGraduates.graduate(name,
                "440703"), "name", name), "idNumber", g[0]), "phone", g[1]);
        long id = as("cw.pengjiang").post("/api/graduates", body).expect(201).json().path("id").asLong();
        as("cw.pengjiang").post("/api/graduates", body).expect(409);
        as("cw.pengjiang").get("/api/graduates/" + id + "/identity").expect(200);
        as("cw.pengjiang").get("/api/graduates?idNumber=" + g[0]).expect(200);
        as("cw.pengjiang").get("/api/graduates?q=" + g[1]).expect(200);

        // validation failures that might echo the rejected value
        String[] bad = personal("440703");
        String wrongCheck = bad[0].substring(0, 17) + (bad[0].charAt(17) == '0' ? "1" : "0");
        secrets.add(wrongCheck);
        for (Map<String, Object> refused : List.of(
                TestGraduates.with(TestGraduates.with(body, "idNumber", wrongCheck), "phone", "1" + bad[1]),
                TestGraduates.with(TestGraduates.with(body, "idNumber", bad[0]), "degree", bad[0]),
                TestGraduates.with(TestGraduates.with(body, "idNumber", bad[0]), "gender", "MALE"),
                TestGraduates.with(TestGraduates.with(body, "idNumber", bad[0]), "district", bad[1]),
                TestGraduates.with(TestGraduates.with(body, "idNumber", bad[0]), "graduationYear", bad[1]))) {
            Api.Response response = as("cw.pengjiang").post("/api/graduates", refused);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).doesNotContain(bad[0]).doesNotContain(bad[1]).doesNotContain(wrongCheck);
        }
        as("cw.pengjiang").postRaw("/api/graduates", "{\"idNumber\": \"" + bad[0] + "\", \"phone\": " + bad[1] + ",",
                MediaType.APPLICATION_JSON).expect(400);
        as("cw.taishan").post("/api/graduates", TestGraduates.with(TestGraduates.with(body, "idNumber", bad[0]),
                "district", "440703")).expect(400);

        // a wrong password with an ID number typed as the user name
        rest.exchange("/api/me", org.springframework.http.HttpMethod.GET, new HttpEntity<>(basic(bad[0], bad[1])),
                String.class);

        // a hand-over: one good row, one with a wrong check character and a bad phone, one repeating the
        // first, and two ID numbers that Excel turned into numbers: padded with zeros after 15 significant
        // digits, and in scientific form, each of which still holds most of the number
        String[] h = personal("440703");
        String[] hb = personal("440703");
        String hbWrong = hb[0].substring(0, 17) + (hb[0].charAt(17) == '0' ? "1" : "0");
        secrets.add(hbWrong);
        String[] hp = personal("440703");
        String padded = hp[0].substring(0, 15) + "000";
        if (ResidentIds.isValid(padded)) {
            padded = hp[0].substring(0, 14) + (hp[0].charAt(14) == '9' ? "8" : "9") + "000";
        }
        secrets.add(padded);
        secrets.add(padded.substring(6, 15));
        String[] hs = personal("440703");
        String scientific = hs[0].charAt(0) + "." + hs[0].substring(1, 15) + "E+17";
        secrets.add(scientific);
        secrets.add(hs[0].substring(1, 15));
        String csv = "姓名,身份证号,性别,联系电话,学校,专业,学历,毕业年份,所属区县,困难类别,就业意愿\n"
                + "移交隐私甲," + h[0] + ",女," + h[1] + ",五邑大学,会计学,本科,2023,蓬江区,低保家庭,是\n"
                + "移交隐私乙," + hbWrong + ",女,0" + hb[1] + ",五邑大学,会计学,本科,2023,蓬江区,,是\n"
                + "移交隐私丙," + h[0] + ",女," + h[1] + ",五邑大学,会计学,本科,2023,蓬江区,,是\n"
                + "移交隐私丁," + padded + ",女," + hp[1] + ",五邑大学,会计学,本科,2023,蓬江区,,是\n"
                + "移交隐私戊," + scientific + ",女," + hs[1] + ",五邑大学,会计学,本科,2023,蓬江区,,是\n";
        JsonNode handover = uploadAndWait("cw.pengjiang", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(handover.path("accepted").asInt()).isEqualTo(1);
        assertThat(handover.path("rejected").asInt()).isEqualTo(3);
        assertThat(handover.path("duplicates").asInt()).isEqualTo(1);
        for (String secret : secrets) {
            assertThat(handover.toString()).as("the hand-over's errors repeat no ID number").doesNotContain(secret);
        }

        // one-to-one assistance: registration, its duplicate and a refusal, the helper, plan and follow-up
        String[] a = personal("440703");
        String studentName = "帮扶隐私" + TestGraduates.tag();
        Map<String, Object> student = map("name", studentName, "idNumber", a[0], "gender", "FEMALE", "phone", a[1],
                "university", "五邑大学", "major", "会计学", "degree", "BACHELOR", "graduationYear",
                Year.now().getValue() + 1, "district", "440703", "difficulties", List.of("DISABILITY"),
                "evidence", "残疾证，联系电话 " + a[1]);
        JsonNode assistance = as("counselor.wyu").post("/api/assistance", student).expect(201).json();
        as("counselor.wyu").post("/api/assistance", student).expect(409);
        as("counselor.wyu").post("/api/assistance", TestGraduates.with(student, "difficulties", List.of())).expect(400);
        long graduateId = assistance.path("graduateId").asLong();
        String assign = taskOf("counselor.wyu", graduateId, "ASSIGN_HELPER", studentName);
        as("counselor.wyu").post("/api/tasks/" + assign + "/complete",
                map("helper", "teacher.wyu", "helperKind", "CLASS_TEACHER")).expect(204);
        String plan = taskOf("teacher.wyu", graduateId, "ASSISTANCE_PLAN", studentName);
        as("teacher.wyu").post("/api/tasks/" + plan + "/complete", map("needs", "身份证 " + a[0]))
                .expect(400);
        as("teacher.wyu").post("/api/tasks/" + plan + "/complete",
                map("needs", "身份证 " + a[0], "targetJobs", "会计", "actions", "电话 " + a[1])).expect(204);
        as("teacher.wyu").post("/api/tasks/" + plan + "/complete", map()).expect(409);

        // a 131 task completed with a note quoting the phone, and a refused form quoting the ID number
        String task = taskOf("cw.pengjiang", id, "FIRST_CONTACT", name);
        as("cw.pengjiang").post("/api/tasks/" + task + "/complete", map("reached", true, "willingness", g[0]))
                .expect(400);
        as("cw.pengjiang").post("/api/tasks/" + task + "/complete", map("reached", true, "willingness", "WANTS_JOB",
                "note", "已电话联系 " + g[1] + "，身份证 " + g[0])).expect(204);
        String ledger = as("cw.pengjiang").get("/api/graduates/" + id + "/ledger").expect(200).body();
        assertThat(ledger).as("a note keeps its text, the ID number in it masked").doesNotContain(g[0])
                .contains("身份证 " + ResidentIds.mask(g[0]));
        as("cw.pengjiang").post("/api/graduates/" + id + "/destination", map("code", g[0], "date",
                LocalDate.now().toString())).expect(400);

        String log = output.getAll();
        assertThat(log).contains("Registered graduate " + id).contains("Hand-over " + handover.path("id").asLong());
        for (String secret : secrets) {
            assertThat(log).as("the log names no ID number or phone").doesNotContain(secret);
        }
        System.out.printf("LOG PRIVACY: %d ID numbers and phones looked for in %d characters of log, none found%n",
                secrets.size(), log.length());
    }

    /** The open task of a type of a graduate, found by the graduate's unique name among thousands of tasks. */
    String taskOf(String user, long graduateId, String type, String name) {
        // TestRestTemplate encodes the query itself
        for (JsonNode t : as(user).get("/api/tasks?scope=all&size=200&type=" + type + "&q=" + name).expect(200).json()
                .path("content")) {
            if (t.path("graduateId").asLong() == graduateId) {
                return t.path("id").asText();
            }
        }
        return "none";
    }

    static HttpHeaders basic(String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        return headers;
    }

    JsonNode uploadAndWait(String user, byte[] file) throws Exception {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "名单.csv";
            }
        });
        HttpHeaders headers = basic(user, "demo");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> response = rest.postForEntity("/api/handovers", new HttpEntity<>(parts, headers),
                String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
        long id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.getBody()).path("id").asLong();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            JsonNode status = as(user).get("/api/handovers/" + id).expect(200).json();
            if (!status.path("status").asText().equals("RUNNING")) {
                return status;
            }
            assertThat(System.nanoTime()).as("hand-over %d still running", id).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
