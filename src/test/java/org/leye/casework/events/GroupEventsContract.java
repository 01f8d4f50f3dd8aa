package org.leye.casework.events;

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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Group events over the real HTTP API, each kind, what is listed back, and all or nothing; run on H2 and on
 * MySQL (the open tasks of the named graduates are read by a query of their own).
 */
abstract class GroupEventsContract {

    @Autowired
    TestRestTemplate rest;

    Api cw() {
        return Api.as(rest, "cw.pengjiang");
    }

    record Registered(long id, String caseNumber) {
    }

    Registered register(String name, Api as, String district) {
        JsonNode g = as.post("/api/graduates", graduate(name, district)).expect(201).json();
        return new Registered(g.path("id").asLong(), g.path("caseNumber").asText());
    }

    /** Registered in Pengjiang and reached, wanting a job: their GUIDANCE task is open. */
    Registered wantsJob(String name) {
        Registered g = register(name, cw(), "440703");
        cw().post("/api/tasks/" + openTasks(g, "FIRST_CONTACT").get(0) + "/complete",
                map("reached", true, "willingness", "WANTS_JOB")).expect(204);
        return g;
    }

    List<String> openTasks(Registered g, String type) {
        List<String> ids = new ArrayList<>();
        cw().get("/api/tasks?scope=all&size=200&q=" + g.caseNumber()).expect(200).json().path("content")
                .forEach(t -> {
                    if (t.path("type").asText().equals(type)) {
                        ids.add(t.path("id").asText());
                    }
                });
        return ids;
    }

    JsonNode ledger(Registered g) {
        return cw().get("/api/graduates/" + g.id() + "/ledger").expect(200).json();
    }

    List<String> entryTypes(Registered g) {
        List<String> types = new ArrayList<>();
        ledger(g).path("entries").forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    JsonNode lastEntry(Registered g, String type) {
        JsonNode found = null;
        for (JsonNode e : ledger(g).path("entries")) {
            if (e.path("type").asText().equals(type)) {
                found = e;
            }
        }
        return found;
    }

    static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asLong()));
        return ids;
    }

    static String today() {
        return LocalDate.now().toString();
    }

    @Test
    void guidanceSessionCompletesEachGraduatesGuidanceAndCountsToward131() {
        Registered a = wantsJob("欧阳晓" + TestGraduates.hanzi());
        Registered b = wantsJob("欧阳明" + TestGraduates.hanzi());
        Registered notReached = register("欧阳亮" + TestGraduates.hanzi(), cw(), "440703");
        String guidanceOfA = openTasks(a, "GUIDANCE").get(0);

        JsonNode result = cw().post("/api/events", map("kind", "GUIDANCE", "date", today(), "title", "求职简历工作坊",
                "place", "蓬江区人力资源市场", "graduateIds", List.of(a.id(), b.id(), notReached.id()))).expect(200).json();

        assertThat(result.path("event").path("kind").asText()).isEqualTo("GUIDANCE");
        assertThat(result.path("completed")).hasSize(2);
        assertThat(result.path("completed").get(0).path("graduateId").asLong()).isEqualTo(a.id());
        assertThat(result.path("completed").get(0).path("taskId").asText()).isEqualTo(guidanceOfA);
        assertThat(result.path("completed").get(0).path("ledgerEntryId").asLong()).isPositive();
        assertThat(ids(result.path("withoutTask"))).containsExactly(notReached.id());
        assertThat(ids(result.path("unknown"))).isEmpty();
        for (Registered g : List.of(a, b)) {
            assertThat(openTasks(g, "GUIDANCE")).isEmpty();
            assertThat(openTasks(g, "REFERRAL")).hasSize(3); // the process moved on as after a one-to-one session
            JsonNode entry = lastEntry(g, "GUIDANCE");
            assertThat(entry.path("details").path("topic").asText()).isEqualTo("求职简历工作坊");
            assertThat(entry.path("details").path("note").asText()).isEqualTo("蓬江区人力资源市场");
            assertThat(entry.path("actor").asText()).isEqualTo("cw.pengjiang");
            assertThat(ledger(g).path("compliance").path("guidance").asInt()).isEqualTo(1);
        }
        assertThat(entryTypes(notReached)).containsExactly("REGISTERED");
    }

    @Test
    void trainingSessionCompletesTheTrainingTaskAsATraining() {
        Registered a = wantsJob("司马兰" + TestGraduates.hanzi());
        cw().post("/api/events", map("kind", "GUIDANCE", "date", today(), "title", "职业规划讲座",
                "graduateIds", List.of(a.id()))).expect(200);

        JsonNode result = cw().post("/api/events", map("kind", "TRAINING_SESSION", "date", today(),
                "title", "电子商务运营培训班", "place", "江门市职业训练中心", "graduateIds", List.of(a.id()))).expect(200)
                .json();

        assertThat(result.path("completed")).hasSize(1);
        assertThat(openTasks(a, "TRAINING_OR_INTERNSHIP")).isEmpty();
        JsonNode entry = lastEntry(a, "TRAINING");
        assertThat(entry.path("details").path("program").asText()).isEqualTo("电子商务运营培训班");
        assertThat(entry.path("details").path("provider").asText()).isEqualTo("江门市职业训练中心");
        assertThat(ledger(a).path("compliance").path("trainingOrInternship").asInt()).isEqualTo(1);
    }

    @Test
    void jobFairRecordsAttendanceAndReferralsOnlyWhereAPositionIsNamed() {
        Registered referred = wantsJob("诸葛芳" + TestGraduates.hanzi());
        Registered attended = wantsJob("诸葛强" + TestGraduates.hanzi());
        cw().post("/api/events", map("kind", "GUIDANCE", "date", today(), "title", "面试技巧",
                "graduateIds", List.of(referred.id(), attended.id()))).expect(200);
        String employer = "江门市蓬江区示范电子厂" + TestGraduates.tag();

        JsonNode result = cw().post("/api/events", map("kind", "JOB_FAIR", "date", today(), "title", "春季招聘会",
                "place", "江门体育馆", "graduateIds", List.of(referred.id(), attended.id()),
                "positions", map(String.valueOf(referred.id()), map("employer", employer, "position", "质检员"))))
                .expect(200).json();

        assertThat(result.path("recorded")).hasSize(2);
        assertThat(result.path("completed")).hasSize(1);
        assertThat(result.path("completed").get(0).path("graduateId").asLong()).isEqualTo(referred.id());
        assertThat(ids(result.path("withoutTask"))).isEmpty();
        JsonNode referral = lastEntry(referred, "REFERRAL");
        assertThat(referral.path("details").path("position").asText()).isEqualTo("质检员");
        assertThat(referral.path("details").path("outcome").asText()).isEqualTo("PENDING");
        assertThat(openTasks(referred, "REFERRAL")).hasSize(2);
        assertThat(openTasks(attended, "REFERRAL")).hasSize(3);
        for (Registered g : List.of(referred, attended)) {
            JsonNode fair = lastEntry(g, "JOB_FAIR_ATTENDED");
            assertThat(fair.path("details").path("topic").asText()).isEqualTo("春季招聘会");
            assertThat(fair.path("details").path("note").asText()).isEqualTo("江门体育馆");
        }
        // attendance is not a service of the 131; the referral made there is
        assertThat(ledger(referred).path("compliance").path("referrals").asInt()).isEqualTo(1);
        assertThat(ledger(attended).path("compliance").path("referrals").asInt()).isZero();
    }

    @Test
    void unknownAndOutOfScopeIdsAreAnsweredAlikeAndGetNothing() {
        Registered ours = wantsJob("上官雪" + TestGraduates.hanzi());
        Registered taishan = register("上官云" + TestGraduates.hanzi(), Api.as(rest, "cw.taishan"), "440781");
        long none = 999_999_999L;

        JsonNode result = cw().post("/api/events", map("kind", "GUIDANCE", "date", today(), "title", "政策宣讲",
                "graduateIds", List.of(taishan.id(), ours.id(), none))).expect(200).json();

        assertThat(ids(result.path("unknown"))).containsExactly(taishan.id(), none);
        assertThat(ids(result.path("withoutTask"))).isEmpty();
        assertThat(result.path("completed")).hasSize(1);
        assertThat(Api.as(rest, "cw.taishan").get("/api/graduates/" + taishan.id() + "/ledger").expect(200).json()
                .path("entries")).hasSize(1);
    }

    @Test
    void oneRefusedCompletionLeavesEveryGraduateAsTheyWere() {
        Registered first = wantsJob("东方红" + TestGraduates.hanzi());
        Registered second = wantsJob("东方白" + TestGraduates.hanzi());
        cw().post("/api/events", map("kind", "GUIDANCE", "date", today(), "title", "求职心态",
                "graduateIds", List.of(first.id(), second.id()))).expect(200);
        long bad = cw().post("/api/employers", map("name", "拖欠工资的工厂" + TestGraduates.tag())).expect(201).json()
                .path("id").asLong();
        Api.as(rest, "sup.pengjiang").post("/api/employers/" + bad + "/blacklist", map("reason", "拖欠工资"))
                .expect(200);
        List<String> firstBefore = entryTypes(first);
        List<String> referralsBefore = openTasks(first, "REFERRAL");

        JsonNode problem = cw().post("/api/events", map("kind", "JOB_FAIR", "date", today(), "title", "秋季招聘会",
                "graduateIds", List.of(first.id(), second.id()),
                "positions", map(String.valueOf(first.id()), map("employer", "好单位" + TestGraduates.tag(),
                        "position", "文员"), String.valueOf(second.id()), map("employerId", bad, "position", "普工"))))
                .expect(422).json();

        assertThat(problem.path("graduateId").asLong()).isEqualTo(second.id());
        assertThat(entryTypes(first)).isEqualTo(firstBefore);
        assertThat(entryTypes(second)).doesNotContain("JOB_FAIR_ATTENDED", "REFERRAL");
        assertThat(openTasks(first, "REFERRAL")).isEqualTo(referralsBefore);
    }

    @Test
    void aTaskClaimedByAnotherCaseworkerIsLeftToThem() {
        Registered g = wantsJob("慕容秋" + TestGraduates.hanzi());
        String guidance = openTasks(g, "GUIDANCE").get(0);
        Api.as(rest, "cw.pengjiang2").post("/api/tasks/" + guidance + "/claim", null).expect(204);

        JsonNode result = cw().post("/api/events", map("kind", "GUIDANCE", "date", today(), "title", "团体辅导",
                "graduateIds", List.of(g.id()))).expect(200).json();

        assertThat(ids(result.path("claimedByOther"))).containsExactly(g.id());
        assertThat(result.path("completed")).isEmpty();
        assertThat(openTasks(g, "GUIDANCE")).containsExactly(guidance);
    }

    @Test
    void refusesAFutureDateRepeatedIdsAndPositionsOutsideAJobFair() {
        Registered g = wantsJob("皇甫亮" + TestGraduates.hanzi());
        cw().post("/api/events", map("kind", "GUIDANCE", "date", LocalDate.now().plusDays(2).toString(),
                "title", "讲座", "graduateIds", List.of(g.id()))).expect(400);
        JsonNode repeated = cw().post("/api/events", map("kind", "GUIDANCE", "date", today(), "title", "讲座",
                "graduateIds", List.of(g.id(), g.id()))).expect(400).json();
        assertThat(repeated.path("errors").get(0).path("field").asText()).isEqualTo("graduateIds");
        cw().post("/api/events", map("kind", "GUIDANCE", "date", today(), "title", "讲座", "graduateIds",
                List.of(g.id()), "positions", map(String.valueOf(g.id()), map("employer", "某厂", "position", "普工"))))
                .expect(400);
        cw().post("/api/events", map("kind", "GUIDANCE", "date", today(), "title", "讲座", "graduateIds", List.of()))
                .expect(400);
        Api.as(rest, "counselor.wyu").post("/api/events", map("kind", "GUIDANCE", "date", today(), "title", "讲座",
                "graduateIds", List.of(g.id()))).expect(403);
        assertThat(openTasks(g, "GUIDANCE")).hasSize(1);
    }
}
