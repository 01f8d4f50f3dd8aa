package org.leye.casework.employers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;
import static org.leye.casework.support.TestGraduates.graduate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 20, item 8, over HTTP: the blacklist keeps its history, the credit code's check character is
 * checked, and referrals, destinations and public-welfare posts find an employer by its code.
 */
@IntegrationTest
class BlacklistMemoryTest {

    @Autowired
    TestRestTemplate rest;

    Api cw() {
        return Api.as(rest, "cw.pengjiang");
    }

    Api sup() {
        return Api.as(rest, "sup.city");
    }

    long employer(String name, String code) {
        return cw().post("/api/employers", map("name", name, "creditCode", code)).expect(201).json().path("id").asLong();
    }

    @Test
    void aCreditCodeWithAWrongCheckCharacterIs400NamingTheField() {
        String code = CreditCodesTest.unique(TestGraduates.tag());
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        JsonNode problem = cw().post("/api/employers", map("name", "校验码单位" + TestGraduates.tag(),
                "creditCode", code.substring(0, 17) + wrong)).expect(400).json();
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("creditCode");

        JsonNode registered = cw().post("/api/employers", map("name", "校验码单位" + TestGraduates.tag(),
                "creditCode", code)).expect(201).json();
        assertThat(registered.path("creditCode").asText()).isEqualTo(code);
    }

    @Test
    void liftingKeepsTheBlacklistingAndAddsItsOwnRecord() {
        long id = employer("记忆单位" + TestGraduates.tag(), null);
        sup().post("/api/employers/" + id + "/blacklist", map("reason", "虚假招聘", "evidence", "投诉 2026-031 号"))
                .expect(200);
        JsonNode lifted = sup().post("/api/employers/" + id + "/lift", map("reason", "核查不实", "evidence", "复核意见书"))
                .expect(200).json();
        assertThat(lifted.path("blacklisted").asBoolean()).isFalse();
        assertThat(lifted.hasNonNull("blacklistReason")).isFalse();
        assertThat(lifted.hasNonNull("blacklistedBy")).isFalse();

        JsonNode history = cw().get("/api/employers/" + id + "/blacklist-history").expect(200).json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("action").asText()).isEqualTo("BLACKLISTED");
        assertThat(history.get(0).path("reason").asText()).isEqualTo("虚假招聘");
        assertThat(history.get(0).path("evidence").asText()).isEqualTo("投诉 2026-031 号");
        assertThat(history.get(0).path("by").asText()).isEqualTo("sup.city");
        assertThat(history.get(0).path("at").asText()).isNotBlank();
        assertThat(history.get(1).path("action").asText()).isEqualTo("LIFTED");
        assertThat(history.get(1).path("reason").asText()).isEqualTo("核查不实");
        assertThat(history.get(1).path("evidence").asText()).isEqualTo("复核意见书");

        JsonNode again = sup().post("/api/employers/" + id + "/lift", map("reason", "再次移出")).expect(409).json();
        assertThat(again.path("employerId").asLong()).isEqualTo(id);
        JsonNode noReason = sup().post("/api/employers/" + id + "/lift", map("reason", " ")).expect(400).json();
        assertThat(noReason.path("errors").get(0).path("field").asText()).isEqualTo("reason");
        cw().post("/api/employers/" + id + "/lift", map("reason", "x")).expect(403);
        assertThat(cw().get("/api/employers/" + id + "/blacklist-history").expect(200).json()).hasSize(2);
        cw().get("/api/employers/99999999/blacklist-history").expect(404);
    }

    @Test
    void aReferralByCreditCodeCatchesABlacklistedEmployerWhateverItIsNowCalled() {
        String code = CreditCodesTest.unique(TestGraduates.tag());
        long id = employer("江门市旧名有限公司" + TestGraduates.tag(), code);
        sup().post("/api/employers/" + id + "/blacklist", map("reason", "拖欠工资")).expect(200);
        String referral = referralTask(register("黄嘉怡"));

        JsonNode refused = cw().post("/api/tasks/" + referral + "/complete",
                map("employer", code, "position", "文员", "outcome", "PENDING")).expect(422).json();
        assertThat(refused.path("employerId").asLong()).isEqualTo(id);
        String unknown = CreditCodesTest.unique(TestGraduates.tag());
        JsonNode unregistered = cw().post("/api/tasks/" + referral + "/complete",
                map("employer", unknown, "position", "文员", "outcome", "PENDING")).expect(400).json();
        assertThat(unregistered.path("errors").get(0).path("field").asText()).isEqualTo("employer");
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        JsonNode badCheck = cw().post("/api/tasks/" + referral + "/complete",
                map("employer", code.substring(0, 17) + wrong, "position", "文员", "outcome", "PENDING")).expect(400)
                .json();
        assertThat(badCheck.path("errors").get(0).path("field").asText()).isEqualTo("employer");
    }

    @Test
    void aReferralAndADestinationByCreditCodeRecordTheRegisteredEmployer() {
        String code = CreditCodesTest.unique(TestGraduates.tag());
        String name = "江门市代码单位有限公司" + TestGraduates.tag();
        long id = employer(name, code);
        JsonNode g = register("罗子轩");
        cw().post("/api/tasks/" + referralTask(g) + "/complete",
                map("employer", code, "position", "技术员", "outcome", "INTERVIEW")).expect(204);
        cw().post("/api/graduates/" + g.path("id").asLong() + "/destination",
                map("code", "11", "employer", code)).expect(200);

        JsonNode ledger = cw().get("/api/graduates/" + g.path("id").asLong() + "/ledger").expect(200).json();
        assertThat(ledger.path("graduate").path("destination").path("employer").asText()).isEqualTo(name);
        List<JsonNode> withEmployer = new ArrayList<>();
        ledger.path("entries").forEach(e -> {
            if (e.path("details").path("employerId").asLong() == id) {
                withEmployer.add(e);
            }
        });
        assertThat(withEmployer).extracting(e -> e.path("type").asText()).containsExactly("REFERRAL", "DESTINATION");
    }

    @Test
    void aPublicWelfarePostWithABlacklistedEmployerIsRefusedAndAnyOtherDestinationRecorded() {
        String code = CreditCodesTest.unique(TestGraduates.tag());
        long id = employer("江门市公益岗单位" + TestGraduates.tag(), code);
        sup().post("/api/employers/" + id + "/blacklist", map("reason", "骗取补贴")).expect(200);
        JsonNode g = register("谢思琪");
        JsonNode refused = cw().post("/api/graduates/" + g.path("id").asLong() + "/destination",
                map("code", "11", "employer", code, "publicWelfare", true)).expect(422).json();
        assertThat(refused.path("employerId").asLong()).isEqualTo(id);
        cw().post("/api/graduates/" + g.path("id").asLong() + "/destination", map("code", "11", "employer", code))
                .expect(200);
    }

    JsonNode register(String name) {
        return cw().post("/api/graduates", graduate(name + TestGraduates.hanzi(), "440703")).expect(201).json();
    }

    /** Reaches the graduate (wants a job), records the guidance and answers their first open referral task. */
    String referralTask(JsonNode graduate) {
        String caseNumber = graduate.path("caseNumber").asText();
        cw().post("/api/tasks/" + task(caseNumber, "FIRST_CONTACT") + "/complete",
                map("reached", true, "willingness", "WANTS_JOB", "note", "电话联系上")).expect(204);
        cw().post("/api/tasks/" + task(caseNumber, "GUIDANCE") + "/complete",
                map("date", LocalDate.now().toString(), "topic", "职业测评")).expect(204);
        return task(caseNumber, "REFERRAL");
    }

    String task(String caseNumber, String type) {
        for (JsonNode t : cw().get("/api/tasks?scope=all&size=200&q=" + caseNumber).expect(200).json().path("content")) {
            if (t.path("type").asText().equals(type)) {
                return t.path("id").asText();
            }
        }
        throw new AssertionError("no open " + type + " task of " + caseNumber);
    }
}
