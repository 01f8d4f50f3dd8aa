package org.leye.casework.graduates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.TestGraduates.graduate;
import static org.leye.casework.support.TestGraduates.with;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/** The graduate registry over real HTTP, per role; run on H2 and on MySQL. */
abstract class GraduateApiContract {

    @Autowired
    TestRestTemplate rest;

    Api caseworker() {
        return Api.as(rest, "cw.pengjiang");
    }

    @Test
    void caseworkerRegistersGraduateWithCaseAndMaskedIdentifiers() {
        Map<String, Object> body = graduate("陈晓彤", "440703");
        JsonNode created = caseworker().post("/api/graduates", body).expect(201).json();

        String idNumber = (String) body.get("idNumber");
        String phone = (String) body.get("phone");
        assertThat(created.path("id").asLong()).isPositive();
        assertThat(created.path("caseNumber").asText()).matches("JM-2023-\\d{6,}"); // six digits at least: a seventh after case 999,999
        assertThat(created.path("idNumber").asText())
                .isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
        assertThat(created.path("phone").asText()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(created.toString()).doesNotContain(idNumber).doesNotContain(phone);
        assertThat(created.path("status").asText()).isEqualTo("IN_SERVICE");
        assertThat(created.path("universityCode").asText()).isEqualTo("WYU");

        JsonNode read = caseworker().get("/api/graduates/" + created.path("id").asLong()).expect(200).json();
        assertThat(read.path("name").asText()).isEqualTo("陈晓彤");
        assertThat(read.path("district").asText()).isEqualTo("440703");
    }

    /**
     * The masked ID number hides the birth date (characters 7 to 14): nothing shown beside it, in
     * any answer, page or export, gives it back in any form; the age stands in for it.
     */
    @Test
    void noAnswerPageOrExportShowsTheBirthDateBesideTheMaskedIdNumber() {
        Map<String, Object> body = graduate("生日测试" + TestGraduates.hanzi(), "440703");
        String idNumber = (String) body.get("idNumber");
        LocalDate birth = ResidentIds.birthDate(idNumber);
        JsonNode created = caseworker().post("/api/graduates", body).expect(201).json();
        long id = created.path("id").asLong();

        assertThat(created.has("birthDate")).isFalse();
        assertThat(created.path("age").asInt()).isEqualTo(
                java.time.Period.between(birth, org.leye.casework.shared.CityTime.today(java.time.Clock.systemUTC()))
                        .getYears());
        List<String> shown = new ArrayList<>();
        shown.add(created.toString());
        shown.add(caseworker().get("/api/graduates/" + id).expect(200).body());
        shown.add(caseworker().get("/api/graduates?q=" + body.get("name")).expect(200).body());
        shown.add(caseworker().get("/api/graduates/" + id + "/ledger").expect(200).body());
        shown.add(Api.as(rest, "counselor.wyu").get("/api/graduates/" + id).expect(200).body());
        shown.add(Api.as(rest, "sup.pengjiang").get("/api/graduates/" + id).expect(200).body());
        shown.add(caseworker().get("/graduates/" + id, MediaType.TEXT_HTML).expect(200).body());
        shown.add(Api.as(rest, "sup.pengjiang").get("/api/reports/ledger?district=440703&graduationYear=2023",
                MediaType.parseMediaType("text/csv")).expect(200).body());
        for (String answer : shown) {
            assertThat(answer).contains(created.path("idNumber").asText().substring(0, 6));
            for (String form : birthDateForms(birth)) {
                assertThat(answer).as("the birth date as %s", form).doesNotContain(form);
            }
        }
    }

    /** A day as people write it: 20030525, 2003-05-25, 2003/05/25, 2003.05.25, 2003年5月25日, 2003年05月25日. */
    static List<String> birthDateForms(LocalDate day) {
        String y = String.valueOf(day.getYear());
        String m = String.format("%02d", day.getMonthValue());
        String d = String.format("%02d", day.getDayOfMonth());
        return List.of(y + m + d, y + "-" + m + "-" + d, y + "/" + m + "/" + d, y + "." + m + "." + d,
                y + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日", y + "年" + m + "月" + d + "日");
    }

    /** Issue 19: not willing to work is followed up in a case (Service131FlowContract), no longer left without one. */
    @Test
    void graduateNotWillingToWorkIsRegisteredWithCase() {
        JsonNode created = caseworker().post("/api/graduates",
                with(graduate("周明辉", "440703"), "willingToWork", false)).expect(201).json();
        assertThat(created.path("caseNumber").asText()).matches("JM-2023-\\d{6,}");
        assertThat(created.path("status").asText()).isEqualTo("IN_SERVICE");
        assertThat(created.path("willingToWork").asBoolean(true)).isFalse();
    }

    @Test
    void duplicateIdNumberIsConflictWithExistingId() {
        Map<String, Object> body = graduate("林海燕", "440703");
        long id = caseworker().post("/api/graduates", body).expect(201).json().path("id").asLong();

        Api.Response again = caseworker().post("/api/graduates", with(body, "name", "林海燕二"));
        again.expect(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().path("existingId").asLong()).isEqualTo(id);
    }

    @Test
    void anIdNumberRegisteredInAnotherDistrictIsANeutralConflictAuditedAndToldToThatDistrict() {
        Map<String, Object> body = graduate("外区登记" + TestGraduates.hanzi(), "440703");
        long id = caseworker().post("/api/graduates", body).expect(201).json().path("id").asLong();

        Api.Response again = Api.as(rest, "cw.taishan").post("/api/graduates",
                with(with(body, "district", "440781"), "name", "外区再登记"));

        again.expect(409);
        JsonNode problem = again.json();
        assertThat(problem.has("existingId")).isFalse();
        assertThat(problem.path("detail").asText()).contains("其他区县");
        assertThat(again.body()).doesNotContain(String.valueOf(body.get("name"))).doesNotContain("440703")
                .doesNotContain("蓬江").doesNotContain("\"" + id + "\"").doesNotContain("编号 " + id);
        JsonNode audit = Api.as(rest, "admin").get("/api/audit?graduateId=" + id).expect(200).json();
        assertThat(audit.path("content").findValuesAsText("action")).contains("REGISTERED_ELSEWHERE");
        assertThat(audit.path("content").findValuesAsText("actor")).contains("cw.taishan");
        JsonNode notices = Api.as(rest, "sup.pengjiang").get("/api/notifications?size=200").expect(200).json();
        List<String> links = notices.path("content").findValuesAsText("link");
        assertThat(links).contains("/graduates/" + id);

        // a counselor of another university is answered the same way
        Api.as(rest, "counselor.jmpt").post("/api/graduates", with(with(body, "university", "江门职业技术学院"),
                "district", "440703")).expect(409).json().has("existingId");
        assertThat(Api.as(rest, "counselor.jmpt").post("/api/graduates", with(with(body, "university",
                "江门职业技术学院"), "district", "440703")).json().has("existingId")).isFalse();
    }

    @Test
    void anotherDistrictsGraduateIsNotFoundForCaseworker() {
        long taishan = Api.as(rest, "cw.taishan").post("/api/graduates", graduate("甄国栋", "440781")).expect(201)
                .json().path("id").asLong();

        caseworker().get("/api/graduates/" + taishan).expect(404);
        Api.as(rest, "cw.taishan").get("/api/graduates/" + taishan).expect(200);
        Api.as(rest, "sup.city").get("/api/graduates/" + taishan).expect(200);
        Api.as(rest, "admin").get("/api/graduates/" + taishan).expect(200);
        JsonNode list = caseworker().get("/api/graduates?q=甄国栋&size=200").expect(200).json();
        for (JsonNode g : list.path("content")) {
            assertThat(g.path("district").asText()).isEqualTo("440703");
        }
    }

    @Test
    void caseworkerCannotRegisterIntoAnotherDistrict() {
        JsonNode problem = caseworker().post("/api/graduates", graduate("黄志强", "440781")).expect(400).json();
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("district");
    }

    @Test
    void counselorSeesOnlyOwnUniversity() {
        long wyu = caseworker().post("/api/graduates", graduate("吴诗琪", "440703")).expect(201).json().path("id")
                .asLong();
        long other = caseworker().post("/api/graduates", with(graduate("吴俊杰", "440703"), "university", "江门职业技术学院"))
                .expect(201).json().path("id").asLong();

        Api counselor = Api.as(rest, "counselor.wyu");
        counselor.get("/api/graduates/" + wyu).expect(200);
        counselor.get("/api/graduates/" + other).expect(404);
        JsonNode page = counselor.get("/api/graduates?size=200").expect(200).json();
        for (JsonNode g : page.path("content")) {
            assertThat(g.path("universityCode").asText()).isEqualTo("WYU");
        }
        counselor.post("/api/graduates", with(graduate("何佩珊", "440705"), "university", "江门职业技术学院")).expect(400);
    }

    @Test
    void searchFindsByNameAndByCaseNumberAndPages() {
        String marker = "欧阳" + TestGraduates.hanzi();
        List<Long> ids = new ArrayList<>();
        for (String given : List.of("子轩", "雨桐", "婉婷")) {
            ids.add(caseworker().post("/api/graduates", graduate(marker + given, "440703")).expect(201).json()
                    .path("id").asLong());
        }
        JsonNode byName = caseworker().get("/api/graduates?q=" + marker + "&size=2&page=0").expect(200).json();
        assertThat(byName.path("totalElements").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(byName.path("content").size()).isEqualTo(2);
        assertThat(byName.path("size").asInt()).isEqualTo(2);

        String caseNumber = caseworker().get("/api/graduates/" + ids.get(1)).json().path("caseNumber").asText();
        JsonNode byCase = caseworker().get("/api/graduates?q=" + caseNumber.toLowerCase()).expect(200).json();
        assertThat(byCase.path("totalElements").asLong()).isEqualTo(1);
        assertThat(byCase.path("content").get(0).path("id").asLong()).isEqualTo(ids.get(1));
    }

    @Test
    void graduateIsFoundByExactIdNumberInAnyForm() {
        Map<String, Object> body = graduate("冯雨桐", "440703");
        long id = caseworker().post("/api/graduates", body).expect(201).json().path("id").asLong();
        String idNumber = (String) body.get("idNumber");
        String fullWidth = idNumber.chars().mapToObj(c -> Character.isDigit(c) ? String.valueOf((char) (c - '0' + '０'))
                : String.valueOf((char) c)).reduce("", String::concat);
        for (String form : List.of(idNumber, " " + fullWidth + " ")) {
            JsonNode page = caseworker().get("/api/graduates?idNumber=" + form).expect(200).json();
            assertThat(page.path("totalElements").asLong()).isEqualTo(1);
            assertThat(page.path("content").get(0).path("id").asLong()).isEqualTo(id);
        }
        assertThat(Api.as(rest, "cw.taishan").get("/api/graduates?idNumber=" + idNumber).json().path("totalElements")
                .asLong()).isZero();
    }

    @Test
    void graduateIsLookedUpByIdNumberInTheBodyNotTheUrl() {
        Map<String, Object> body = graduate("冯雨涵", "440703");
        long id = caseworker().post("/api/graduates", body).expect(201).json().path("id").asLong();
        String idNumber = (String) body.get("idNumber");

        JsonNode found = caseworker().post("/api/graduates/lookup", Api.map("idNumber", " " + idNumber.toLowerCase() + " "))
                .expect(200).json();

        assertThat(found.path("totalElements").asLong()).isEqualTo(1);
        assertThat(found.path("content").get(0).path("id").asLong()).isEqualTo(id);
        assertThat(found.toString()).doesNotContain(idNumber);
        assertThat(Api.as(rest, "cw.taishan").post("/api/graduates/lookup", Api.map("idNumber", idNumber)).expect(200)
                .json().path("totalElements").asLong()).isZero();
        JsonNode problem = caseworker().post("/api/graduates/lookup", Api.map("idNumber", " ")).expect(400).json();
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("idNumber");
    }

    @Test
    void chineseNamesSortInPinyinOrder() {
        String tag = "蔡" + TestGraduates.hanzi();
        // pinyin order an < bian < zhang differs from code point order (安 U+5B89 < 张 U+5F20 < 边 U+8FB9)
        for (String given : List.of("张", "安", "边")) {
            caseworker().post("/api/graduates", graduate(tag + given, "440703")).expect(201);
        }
        JsonNode page = caseworker().get("/api/graduates?q=" + tag + "&sort=name").expect(200).json();
        List<String> names = new ArrayList<>();
        page.path("content").forEach(g -> names.add(g.path("name").asText()));
        assertThat(names).containsExactly(tag + "安", tag + "边", tag + "张");
    }

    @Test
    void searchStringWithWildcardsMatchesLiterally() {
        JsonNode page = caseworker().get("/api/graduates?q=%25_%27%20OR%201=1").expect(200).json();
        assertThat(page.path("totalElements").asLong()).isZero();
    }

    @Test
    void invalidFieldsAreNamedInProblem() {
        Map<String, Object> body = graduate("李文博", "440703");
        String id = (String) body.get("idNumber");
        String wrongCheck = id.substring(0, 17) + (id.charAt(17) == '0' ? "1" : "0");
        Api.Response response = caseworker().post("/api/graduates",
                with(with(with(body, "idNumber", wrongCheck), "phone", "12345"), "degree", "BACHELOR"));
        response.expect(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").asText()).isNotBlank();
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).contains("idNumber", "phone");
        assertThat(response.body()).doesNotContain(wrongCheck);
    }

    @Test
    void genderThatDisagreesWithIdIsRefused() {
        Map<String, Object> body = graduate("梁慧敏", "440703"); // a female ID number
        JsonNode problem = caseworker().post("/api/graduates", with(body, "gender", "MALE")).expect(400).json();
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("gender");
    }

    @Test
    void unknownEnumValueNamesTheField() {
        JsonNode problem = caseworker().post("/api/graduates", with(graduate("谢振宇", "440703"), "degree", "PHD"))
                .expect(400).json();
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("degree");
    }

    @Test
    void malformedJsonAndWrongContentTypeAreRefused() {
        caseworker().postRaw("/api/graduates", "{\"name\": ", MediaType.APPLICATION_JSON).expect(400);
        Api.Response text = caseworker().postRaw("/api/graduates", "name=x", MediaType.TEXT_PLAIN);
        text.expect(415);
        assertThat(text.contentType()).startsWith("application/problem+json");
    }

    @Test
    void helperMayNotRegisterGraduates() {
        Api.as(rest, "teacher.wyu").post("/api/graduates", graduate("钟晓彤", "440703")).expect(403);
    }

    @Test
    void apiLanguageFollowsAcceptLanguageAndIgnoresLangParameter() {
        JsonNode problem = caseworker().get("/api/graduates/99999998?lang=en").expect(404).json();
        assertThat(problem.path("title").asText()).isEqualTo("未找到");
    }

    @Test
    void unknownGraduateIsNotFound() {
        caseworker().get("/api/graduates/99999999").expect(404);
    }

    @Test
    void withoutCredentialsIsUnauthorized() {
        Api.anonymous(rest).get("/api/graduates").expect(401);
    }

    @Test
    void fullIdentityOnlyForServingRoles() {
        Map<String, Object> body = graduate("邓锦华", "440703");
        long id = caseworker().post("/api/graduates", body).expect(201).json().path("id").asLong();
        JsonNode identity = caseworker().get("/api/graduates/" + id + "/identity").expect(200).json();
        assertThat(identity.path("idNumber").asText()).isEqualTo(body.get("idNumber"));
        assertThat(identity.path("phone").asText()).isEqualTo(body.get("phone"));
        Api.as(rest, "counselor.wyu").get("/api/graduates/" + id + "/identity").expect(403);
        Api.as(rest, "cw.taishan").get("/api/graduates/" + id + "/identity").expect(404);

        JsonNode audit = Api.as(rest, "admin").get("/api/audit?graduateId=" + id).expect(200).json();
        assertThat(audit.path("totalElements").asLong()).isEqualTo(1);
        assertThat(audit.path("content").get(0).path("actor").asText()).isEqualTo("cw.pengjiang");
        assertThat(audit.path("content").get(0).path("action").asText()).isEqualTo("VIEW_IDENTITY");
        Api.as(rest, "sup.city").get("/api/audit?graduateId=" + id).expect(403);
    }

    @Test
    void pageSizeAboveLimitIsRefused() {
        caseworker().get("/api/graduates?size=500").expect(400);
    }
}
