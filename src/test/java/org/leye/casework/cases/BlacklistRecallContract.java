package org.leye.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;
import static org.leye.casework.support.TestGraduates.graduate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 20, item 8, over the real HTTP API: blacklisting an employer finds every graduate referred to it
 * or placed with it (by its id in the ledger, or by the name a destination was registered under before),
 * stops its referrals counting toward the 131 (the graduate's figures, their met131_at that the reports
 * count and their placement span agree) and opens a follow-up for the caseworkers of each graduate's
 * district, their case open or closed. On H2 and on MySQL (Ledger.graduatesWithEmployer, db/V36).
 */
abstract class BlacklistRecallContract {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    Api cw() {
        return Api.as(rest, "cw.pengjiang");
    }

    record Registered(long id, String caseNumber) {
    }

    @Test
    void blacklistingAnEmployerRecountsThe131OfItsGraduatesAndFollowsEachUpInTheirDistrict() {
        long blacklisted = employer("江门市失信科技有限公司" + TestGraduates.tag());
        long other = employer("江门市守信会计师事务所" + TestGraduates.tag());
        Registered referred = register("梁嘉欣");
        complete131(referred, List.of(blacklisted, other, other), List.of("出纳", "会计助理", "审计助理"));
        assertThat(compliance(referred).path("met131").asBoolean()).isTrue();
        assertThat(met131At(referred)).isNotNull();

        Registered placed = register("何俊杰");
        cw().post("/api/graduates/" + placed.id() + "/destination", map("code", "11", "employer",
                name(blacklisted))).expect(200);
        Registered unrelated = register("蔡静怡");
        cw().post("/api/graduates/" + unrelated.id() + "/destination", map("code", "11", "employer",
                name(other))).expect(200);

        Api.as(rest, "sup.city").post("/api/employers/" + blacklisted + "/blacklist",
                map("reason", "虚假招聘", "evidence", "投诉 2026-088 号")).expect(200);

        JsonNode recounted = compliance(referred);
        assertThat(recounted.path("met131").asBoolean()).isFalse();
        assertThat(recounted.path("referrals").asInt()).isEqualTo(2);
        assertThat(recounted.path("referralsRecorded").asInt()).isEqualTo(3);
        assertThat(met131At(referred)).as("graduate.met131_at, which the reports count").isNull();
        assertThat(jdbc.queryForObject("SELECT met131 FROM placement_period WHERE graduate_id = ? AND valid_to IS NULL",
                Boolean.class, referred.id())).isFalse();
        assertThat(jdbc.queryForObject("SELECT met131_at FROM case_file WHERE graduate_id = ?", Object.class,
                referred.id())).isNull();
        assertThat(entryTypes(referred)).contains("EMPLOYER_BLACKLISTED");

        JsonNode followUp = followUp(referred);
        assertThat(followUp.path("type").asText()).isEqualTo("FOLLOW_UP");
        assertThat(followUp.path("candidateGroup").asText()).isEqualTo("caseworkers-440703");
        assertThat(followUp.path("graduateId").asLong()).isEqualTo(referred.id());
        assertThat(followUp(placed).path("caseNumber").asText()).isEqualTo(placed.caseNumber());
        assertThat(caseStatus(placed)).as("placed with the employer: its case closed, followed up all the same")
                .isEqualTo("CLOSED");
        assertThat(followUps(unrelated)).isEmpty();
        assertThat(entryTypes(unrelated)).doesNotContain("EMPLOYER_BLACKLISTED");

        cw().post("/api/tasks/" + followUp.path("id").asText() + "/complete",
                map("reached", true, "willingness", "WANTS_JOB", "note", "已告知该单位列入黑名单")).expect(204);
        assertThat(followUps(referred)).isEmpty();

        Api.as(rest, "sup.city").post("/api/employers/" + blacklisted + "/blacklist", map("reason", "再次核实")).expect(200);
        assertThat(followUps(referred)).as("a new reason for an employer on the list opens nothing").isEmpty();
        assertThat(followUps(placed)).hasSize(1);
    }

    @Test
    void aDestinationRegisteredUnderANameBeforeTheEmployerWasRegisteredIsFoundByThatName() {
        String name = "江门市后登记单位" + TestGraduates.tag();
        Registered placed = register("郑雅婷");
        cw().post("/api/graduates/" + placed.id() + "/destination", map("code", "12", "employer", name)).expect(200);
        long employer = employer(name);

        Api.as(rest, "sup.city").post("/api/employers/" + employer + "/blacklist", map("reason", "拖欠工资")).expect(200);

        assertThat(followUps(placed)).hasSize(1);
        assertThat(entryTypes(placed)).contains("EMPLOYER_BLACKLISTED");
    }

    // ------------------------------------------------------------------ fixtures

    long employer(String name) {
        return cw().post("/api/employers", map("name", name)).expect(201).json().path("id").asLong();
    }

    String name(long employer) {
        return cw().get("/api/employers/" + employer).expect(200).json().path("name").asText();
    }

    Registered register(String name) {
        JsonNode g = cw().post("/api/graduates", graduate(name + TestGraduates.hanzi(), "440703")).expect(201).json();
        return new Registered(g.path("id").asLong(), g.path("caseNumber").asText());
    }

    /** Contact (wants a job), guidance, the three referrals to these employers and positions, an internship. */
    void complete131(Registered g, List<Long> employers, List<String> positions) {
        cw().post("/api/tasks/" + task(g, "FIRST_CONTACT") + "/complete",
                map("reached", true, "willingness", "WANTS_JOB")).expect(204);
        cw().post("/api/tasks/" + task(g, "GUIDANCE") + "/complete",
                map("date", LocalDate.now().toString(), "topic", "求职规划")).expect(204);
        cw().post("/api/tasks/" + task(g, "TRAINING_OR_INTERNSHIP") + "/complete", map("kind", "INTERNSHIP",
                "provider", "江门市就业见习基地", "program", "会计见习岗", "startDate", LocalDate.now().toString())).expect(204);
        for (int i = 0; i < employers.size(); i++) {
            cw().post("/api/tasks/" + task(g, "REFERRAL") + "/complete", map("employerId", employers.get(i),
                    "position", positions.get(i), "outcome", "INTERVIEW")).expect(204);
        }
    }

    List<JsonNode> tasks(Registered g) {
        List<JsonNode> tasks = new ArrayList<>();
        cw().get("/api/tasks?scope=all&size=200&q=" + g.caseNumber()).expect(200).json().path("content")
                .forEach(tasks::add);
        return tasks;
    }

    String task(Registered g, String type) {
        return tasks(g).stream().filter(t -> t.path("type").asText().equals(type)).findFirst().orElseThrow()
                .path("id").asText();
    }

    List<JsonNode> followUps(Registered g) {
        return tasks(g).stream().filter(t -> t.path("name").asText().equals("黑名单单位回访")).toList();
    }

    JsonNode followUp(Registered g) {
        List<JsonNode> followUps = followUps(g);
        assertThat(followUps).as("follow-ups of %s", g.caseNumber()).hasSize(1);
        return followUps.get(0);
    }

    JsonNode ledger(Registered g) {
        return cw().get("/api/graduates/" + g.id() + "/ledger").expect(200).json();
    }

    JsonNode compliance(Registered g) {
        return ledger(g).path("compliance");
    }

    String caseStatus(Registered g) {
        return ledger(g).path("case").path("status").asText();
    }

    List<String> entryTypes(Registered g) {
        List<String> types = new ArrayList<>();
        ledger(g).path("entries").forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    Object met131At(Registered g) {
        return jdbc.queryForObject("SELECT met131_at FROM graduate WHERE id = ?", Object.class, g.id());
    }
}
