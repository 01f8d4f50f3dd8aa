package org.leye.casework.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.TestGraduates;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 两个百分百, the third route: a graduate registered earlier and found in difficulty later
 * ({@code POST /api/graduates/{id}/difficulties}) gets what a graduate in difficulty gets, a named
 * helper at the bureau and a flagged 131 case, and counts in the compliance figures; and a counselor
 * registering a student who has left school already hands them over that way (issue 20). Over the
 * real HTTP API, on H2 and on MySQL.
 */
abstract class FoundInDifficultyContract extends AssistanceApiSupport {

    /** An ID number as a caseworker might paste it into the evidence: never echoed whole. */
    static final String PASTED_ID = "440703199001011234";

    static Map<String, Object> found(String... difficulties) {
        return map("difficulties", List.of(difficulties), "evidence", "零就业家庭认定，身份证 " + PASTED_ID);
    }

    long registered(String caseworker, String name, String district) {
        return as(caseworker).post("/api/graduates", TestGraduates.graduate(name, district)).expect(201).json()
                .path("id").asLong();
    }

    String difficulties(long graduateId) {
        return as("sup.city").get("/api/graduates/" + graduateId).expect(200).json().path("difficulties").toString();
    }

    List<JsonNode> entries(long graduateId, String type) {
        List<JsonNode> found = new ArrayList<>();
        as("sup.city").get("/api/graduates/" + graduateId + "/ledger").expect(200).json().path("entries")
                .forEach(e -> {
                    if (type.equals(e.path("type").asText())) {
                        found.add(e);
                    }
                });
        return found;
    }

    List<JsonNode> assistancesOf(long graduateId) {
        return as("sup.city").get("/api/assistance?size=200").expect(200).json().path("content")
                .findParents("graduateId").stream().filter(a -> a.path("graduateId").asLong() == graduateId).toList();
    }

    String caseNumber(long graduateId) {
        return as("sup.city").get("/api/graduates/" + graduateId).expect(200).json().path("caseNumber").asText();
    }

    // ------------------------------------------------------------------ the bureau's helper

    @Test
    void aGraduateWithA131CaseFoundInDifficultyGetsTheBureausHelperStepAndAFlaggedCase() {
        long gid = registered("cw.pengjiang", "时雨桐", "440703");
        assertThat(tasks("cw.pengjiang", "scope=all&type=ASSIGN_HELPER"))
                .noneMatch(t -> t.path("graduateId").asLong() == gid);

        JsonNode answer = as("cw.pengjiang").post("/api/graduates/" + gid + "/difficulties",
                found("ZERO_EMPLOYMENT")).expect(200).json();
        assertThat(answer.path("difficulties").toString()).contains("ZERO_EMPLOYMENT");
        assertThat(answer.toString()).doesNotContain(PASTED_ID);

        // the district's caseworkers name the helper, as for a graduate registered in difficulty
        String task = taskOf("cw.pengjiang2", gid, "ASSIGN_HELPER");
        assertThat(tasks("cw.taishan", "scope=all&type=ASSIGN_HELPER"))
                .noneMatch(t -> t.path("graduateId").asLong() == gid);
        List<JsonNode> assistance = assistancesOf(gid);
        assertThat(assistance).hasSize(1);
        JsonNode view = as("cw.pengjiang").get("/api/assistance/" + assistance.get(0).path("id").asLong()).expect(200)
                .json();
        assertThat(view.path("route").asText()).isEqualTo("BUREAU");
        assertThat(view.path("evidence").asText()).contains("零就业家庭认定").doesNotContain(PASTED_ID);
        assertThat(view.path("registeredBy").asText()).isEqualTo("cw.pengjiang");
        as("cw.pengjiang2").post("/api/tasks/" + task + "/complete",
                map("helper", "cw.pengjiang2", "helperKind", "CASEWORKER")).expect(204);
        plan("cw.pengjiang2", gid);

        // the 131 case: its open task is a graduate in difficulty's, and its process knows it
        JsonNode firstContact = tasks("cw.pengjiang", "scope=all&type=FIRST_CONTACT").stream()
                .filter(t -> t.path("graduateId").asLong() == gid).findFirst().orElseThrow();
        assertThat(firstContact.path("priority").asInt()).isEqualTo(80);
        String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber(gid)).singleResult()
                .getId();
        assertThat(runtime.getVariable(pid, "inDifficulty")).isEqualTo(true);

        List<JsonNode> recorded = entries(gid, "DIFFICULTY_RECORDED");
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).path("actor").asText()).isEqualTo("cw.pengjiang");
        assertThat(recorded.get(0).path("details").path("difficulties").toString()).contains("ZERO_EMPLOYMENT");
        assertThat(recorded.get(0).toString()).doesNotContain(PASTED_ID);
    }

    /**
     * The 131's public-welfare offer (公益性岗位托底) is for a willing graduate in difficulty: a
     * graduate found in difficulty after their case opened gets it when the period runs out.
     */
    @Test
    void theCaseOfAGraduateFoundInDifficultyOffersThePublicWelfarePost() {
        long gid = registered("cw.pengjiang", "晏思远", "440703");
        as("cw.pengjiang").post("/api/tasks/" + taskOf("cw.pengjiang", gid, "FIRST_CONTACT") + "/complete",
                map("reached", true, "willingness", "WANTS_JOB")).expect(204);
        as("cw.pengjiang").post("/api/graduates/" + gid + "/difficulties", found("SUBSISTENCE_ALLOWANCE"))
                .expect(200);

        fireTimer(caseNumber(gid), "publicWelfareDue");
        assertThat(taskOf("cw.pengjiang", gid, "PUBLIC_WELFARE_PLACEMENT")).isNotBlank();
    }

    @Test
    void theComplianceFiguresCountTheGraduateFoundInDifficultyAndTheirHelper() {
        JsonNode before = compliance();
        long gid = registered("cw.pengjiang", "管静怡", "440703");
        as("cw.pengjiang").post("/api/graduates/" + gid + "/difficulties", found("POVERTY_ALLEVIATED")).expect(200);
        JsonNode found = compliance();
        assertThat(found.path("inDifficulty").asLong()).isEqualTo(before.path("inDifficulty").asLong() + 1);
        assertThat(found.path("inDifficultyWithoutHelper").asLong())
                .isEqualTo(before.path("inDifficultyWithoutHelper").asLong() + 1);

        as("cw.pengjiang2").post("/api/tasks/" + taskOf("cw.pengjiang2", gid, "ASSIGN_HELPER") + "/complete",
                map("helper", "cw.pengjiang2", "helperKind", "CASEWORKER")).expect(204);
        JsonNode helped = compliance();
        assertThat(helped.path("inDifficultyWithHelper").asLong())
                .isEqualTo(before.path("inDifficultyWithHelper").asLong() + 1);
        assertThat(helped.path("inDifficultyWithoutHelper").asLong())
                .isEqualTo(before.path("inDifficultyWithoutHelper").asLong());
    }

    /** The district's row of the compliance report for the cohort of TestGraduates.graduate. */
    private JsonNode compliance() {
        return as("sup.pengjiang").get("/api/reports/compliance?graduationYear=2023").expect(200).json()
                .path("total");
    }

    // ------------------------------------------------------------------ nothing twice

    @Test
    void theSameCategoriesAgainChangeNothingAndMoreStartNoSecondAssistance() {
        long gid = registered("cw.pengjiang", "仇嘉欣", "440703");
        as("cw.pengjiang").post("/api/graduates/" + gid + "/difficulties", found("OTHER")).expect(200);
        java.sql.Timestamp since = inDifficultySince(gid);
        assertThat(since).as("when the graduate became one in difficulty (the progress report's as-of)").isNotNull();
        as("cw.pengjiang2").post("/api/graduates/" + gid + "/difficulties", found("OTHER")).expect(200);
        assertThat(entries(gid, "DIFFICULTY_RECORDED")).hasSize(1);

        as("cw.pengjiang").post("/api/graduates/" + gid + "/difficulties", found("OTHER", "DISABILITY")).expect(200);
        List<JsonNode> recorded = entries(gid, "DIFFICULTY_RECORDED");
        assertThat(recorded).hasSize(2);
        assertThat(recorded.get(1).path("details").path("difficulties").toString()).isEqualTo("[\"DISABILITY\"]");
        assertThat(difficulties(gid)).contains("OTHER", "DISABILITY");
        assertThat(assistancesOf(gid)).hasSize(1);
        assertThat(tasks("cw.pengjiang", "scope=all&type=ASSIGN_HELPER"))
                .filteredOn(t -> t.path("graduateId").asLong() == gid).hasSize(1);
        assertThat(inDifficultySince(gid)).as("more categories later do not move it").isEqualTo(since);
    }

    /**
     * A disability found while the graduate's assistance runs (the helper named or not) puts them on
     * the disability track at once: the federation officers of the district get its first task, once.
     */
    @Test
    void aDisabilityFoundDuringTheAssistanceStartsTheDisabilityTrackOnce() {
        long gid = registered("cw.pengjiang", "鲍雨萱", "440703");
        as("cw.pengjiang").post("/api/graduates/" + gid + "/difficulties", found("ZERO_EMPLOYMENT")).expect(200);
        assertThat(tasks("dpf.pengjiang", "scope=candidate&type=DPF_FILE"))
                .noneMatch(t -> t.path("graduateId").asLong() == gid);

        as("cw.pengjiang").post("/api/graduates/" + gid + "/difficulties", found("DISABILITY")).expect(200);
        assertThat(tasks("dpf.pengjiang", "scope=candidate&type=DPF_FILE"))
                .filteredOn(t -> t.path("graduateId").asLong() == gid).hasSize(1);
        assertThat(tasks("dpf.taishan", "scope=candidate&type=DPF_FILE"))
                .noneMatch(t -> t.path("graduateId").asLong() == gid);

        // recorded again, or the helper step worked after it: still one track
        as("cw.pengjiang2").post("/api/graduates/" + gid + "/difficulties", found("DISABILITY")).expect(200);
        as("cw.pengjiang2").post("/api/tasks/" + taskOf("cw.pengjiang2", gid, "ASSIGN_HELPER") + "/complete",
                map("helper", "cw.pengjiang2", "helperKind", "CASEWORKER")).expect(204);
        long assistanceId = assistancesOf(gid).get(0).path("id").asLong();
        assertThat(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.format("CL-%06d", assistanceId)).count()).isEqualTo(1);
        assertThat(tasks("dpf.pengjiang", "scope=candidate&type=DPF_FILE"))
                .filteredOn(t -> t.path("graduateId").asLong() == gid).hasSize(1);
    }

    private java.sql.Timestamp inDifficultySince(long graduateId) {
        return jdbc.queryForObject("SELECT in_difficulty_since FROM graduate WHERE id = ?", java.sql.Timestamp.class,
                graduateId);
    }

    @Test
    void aStudentAtSchoolKeepsTheirSchoolAssistanceWhenMoreDifficultiesAreFound() {
        JsonNode a = register("宁嘉怡", "440703", "SUBSISTENCE_ALLOWANCE");
        long gid = a.path("graduateId").asLong();
        as("counselor.wyu").post("/api/graduates/" + gid + "/difficulties", found("ZERO_EMPLOYMENT")).expect(200);
        // the district does not see a student at school; nothing starts at the bureau
        as("cw.pengjiang").post("/api/graduates/" + gid + "/difficulties", found("OTHER")).expect(404);
        List<JsonNode> assistance = assistancesOf(gid);
        assertThat(assistance).hasSize(1);
        assertThat(assistance.get(0).path("id").asLong()).isEqualTo(a.path("id").asLong());
        assertThat(difficulties(gid)).contains("SUBSISTENCE_ALLOWANCE", "ZERO_EMPLOYMENT");
        assertThat(entries(gid, "DIFFICULTY_RECORDED")).hasSize(1);
        assertThat(inDifficultySince(gid)).as("in difficulty since registration").isNull();
    }

    @Test
    void aPlacedGraduateIsRefusedWithAConflict() {
        long gid = registered("cw.pengjiang", "龚子涵", "440703");
        as("cw.pengjiang").post("/api/graduates/" + gid + "/destination",
                map("code", "11", "date", LocalDate.now().toString(), "employer", "江门市某公司")).expect(200);
        JsonNode problem = as("cw.pengjiang").post("/api/graduates/" + gid + "/difficulties", found("OTHER"))
                .expect(409).json();
        assertThat(problem.toString()).doesNotContain(PASTED_ID);
        assertThat(difficulties(gid)).isEqualTo("[]");
        assertThat(assistancesOf(gid)).isEmpty();
    }

    // ------------------------------------------------------------------ scope, roles, input

    @Test
    void onlyCallersWhoMaySeeTheGraduateRecordTheirDifficulties() {
        long gid = registered("cw.pengjiang", "单雨欣", "440703");
        as("cw.taishan").post("/api/graduates/" + gid + "/difficulties", found("OTHER")).expect(404);
        as("counselor.jmpt").post("/api/graduates/" + gid + "/difficulties", found("OTHER")).expect(404);
        as("teacher.wyu").post("/api/graduates/" + gid + "/difficulties", found("OTHER")).expect(403);
        assertThat(difficulties(gid)).isEqualTo("[]");
        // the graduate's university's counselor may: the graduate is theirs
        as("counselor.wyu").post("/api/graduates/" + gid + "/difficulties", found("OTHER")).expect(200);
        assertThat(taskOf("cw.pengjiang", gid, "ASSIGN_HELPER")).isNotBlank();
    }

    @Test
    void badInputIsA400NamingTheField() {
        long gid = registered("cw.pengjiang", "邰子轩", "440703");
        String url = "/api/graduates/" + gid + "/difficulties";
        JsonNode empty = as("cw.pengjiang").post(url, map("difficulties", List.of(), "evidence", "说明")).expect(400)
                .json();
        assertThat(empty.path("errors").findValuesAsText("field")).containsExactly("difficulties");
        JsonNode unknown = as("cw.pengjiang").post(url, map("difficulties", List.of("POOR"), "evidence", "说明"))
                .expect(400).json();
        assertThat(unknown.path("errors").findValuesAsText("field")).singleElement().asString()
                .startsWith("difficulties");
        JsonNode noEvidence = as("cw.pengjiang").post(url, map("difficulties", List.of("OTHER"), "evidence", " "))
                .expect(400).json();
        assertThat(noEvidence.path("errors").findValuesAsText("field")).containsExactly("evidence");
        assertThat(difficulties(gid)).isEqualTo("[]");
    }

    // ------------------------------------------------------------------ issue 20: a leaver registered by the counselor

    @Test
    void aCounselorRegisteringAStudentWhoHasLeftSchoolHandsThemOverWithTheBureausHelperStep() {
        Map<String, Object> body = TestGraduates.with(student("屈梓涵", "440703", List.of("DISABILITY")),
                "leavingSchoolDate", "2020-06-30");
        JsonNode a = as("counselor.wyu").post("/api/assistance", body).expect(201).json();
        long gid = a.path("graduateId").asLong();
        assertThat(a.path("route").asText()).isEqualTo("BUREAU");
        assertThat(a.path("evidence").asText()).startsWith("低保证明");
        assertThat(caseNumber(gid)).startsWith("JM-");
        assertThat(taskOf("cw.pengjiang", gid, "ASSIGN_HELPER")).isNotBlank();
        assertThat(taskOf("cw.pengjiang", gid, "FIRST_CONTACT")).isNotBlank();
        assertThat(as("cw.pengjiang").get("/api/graduates/" + gid).expect(200).json().path("sources").toString())
                .contains("HANDOVER");
    }
}
