package org.leye.casework.graduates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Corrections of a graduate's record ({@code PATCH /api/graduates/{id}}, issue 20 item 2) over the real
 * HTTP API, on H2 and on MySQL: every change is one GRADUATE_CORRECTED ledger entry with what changed
 * (the phone masked), a correction that changes nothing writes nothing, a new difficulty starts what a
 * graduate found in difficulty gets, and the scope, the roles and the version are kept.
 */
abstract class GraduateCorrectionsContract {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    Api as(String user) {
        return Api.as(rest, user);
    }

    long registered(String user, Map<String, Object> body) {
        return as(user).post("/api/graduates", body).expect(201).json().path("id").asLong();
    }

    long registered(String name) {
        return registered("cw.pengjiang", TestGraduates.graduate(name, "440703"));
    }

    JsonNode graduate(long id) {
        return as("sup.city").get("/api/graduates/" + id).expect(200).json();
    }

    JsonNode ledger(long id) {
        return as("sup.city").get("/api/graduates/" + id + "/ledger").expect(200).json();
    }

    List<JsonNode> entries(long id, String type) {
        List<JsonNode> found = new ArrayList<>();
        ledger(id).path("entries").forEach(e -> {
            if (type.equals(e.path("type").asText())) {
                found.add(e);
            }
        });
        return found;
    }

    List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    List<JsonNode> tasks(String user, long graduateId, String type) {
        List<JsonNode> found = new ArrayList<>();
        as(user).get("/api/tasks?size=200&sort=created&scope=all&type=" + type).expect(200).json().path("content")
                .forEach(t -> {
                    if (t.path("graduateId").asLong() == graduateId) {
                        found.add(t);
                    }
                });
        return found;
    }

    // ------------------------------------------------------------------ each field, one entry

    @Test
    void eachCorrectableFieldChangesWithOneLedgerEntryThatMasksThePhone() {
        Map<String, Object> body = TestGraduates.graduate("更正甲", "440703");
        String oldPhone = (String) body.get("phone");
        long id = registered("cw.pengjiang", body);
        long version = graduate(id).path("version").asLong();
        String newPhone = TestGraduates.phone();

        JsonNode answer = as("cw.pengjiang").patch("/api/graduates/" + id, map("phone", "+86 " + newPhone,
                "address", "  江门市蓬江区建设路 1 号  ", "major", "财务管理", "degree", "ASSOCIATE"), null).expect(200).json();
        assertThat(answer.path("phone").asText()).isEqualTo(Phones.mask(newPhone));
        assertThat(answer.path("address").asText()).isEqualTo("江门市蓬江区建设路 1 号");
        assertThat(answer.path("major").asText()).isEqualTo("财务管理");
        assertThat(answer.path("degree").asText()).isEqualTo("ASSOCIATE");
        assertThat(answer.path("version").asLong()).isEqualTo(version + 1);
        assertThat(answer.toString()).doesNotContain(newPhone);
        assertThat(as("cw.pengjiang").get("/api/graduates/" + id + "/identity").expect(200).json().path("phone")
                .asText()).isEqualTo(newPhone);

        List<JsonNode> corrected = entries(id, "GRADUATE_CORRECTED");
        assertThat(corrected).hasSize(1);
        JsonNode entry = corrected.get(0);
        assertThat(entry.path("actor").asText()).isEqualTo("cw.pengjiang");
        assertThat(entry.path("details").path("changes").toString()).isEqualTo("["
                + "{\"field\":\"phone\",\"from\":\"" + Phones.mask(oldPhone) + "\",\"to\":\"" + Phones.mask(newPhone) + "\"},"
                + "{\"field\":\"address\",\"to\":\"江门市蓬江区建设路 1 号\"}," // none before: no "from"
                + "{\"field\":\"major\",\"from\":\"会计学\",\"to\":\"财务管理\"},"
                + "{\"field\":\"degree\",\"from\":\"BACHELOR\",\"to\":\"ASSOCIATE\"}]");
        assertThat(entry.path("details").has("willingToWork")).isFalse();
        assertThat(ledger(id).toString()).doesNotContain(oldPhone).doesNotContain(newPhone);
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_log WHERE action = 'RECORD_CORRECTED'"
                + " AND graduate_id = ? AND actor = 'cw.pengjiang'", String.class, id))
                .isEqualTo("fields=phone,address,major,degree");

        // a merge patch: what it leaves out stays, null clears what may be empty
        as("cw.pengjiang").patch("/api/graduates/" + id, map("address", null), null).expect(200);
        JsonNode after = graduate(id);
        assertThat(after.hasNonNull("address")).isFalse();
        assertThat(after.path("major").asText()).isEqualTo("财务管理");
        assertThat(entries(id, "GRADUATE_CORRECTED")).hasSize(2);
    }

    @Test
    void aCorrectionThatChangesNothingWritesNothing() {
        Map<String, Object> body = TestGraduates.graduate("更正乙", "440703");
        String phone = (String) body.get("phone");
        long id = registered("cw.pengjiang", body);
        JsonNode before = graduate(id);

        String samePhone = "0086-" + phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
        JsonNode answer = as("cw.pengjiang2").patch("/api/graduates/" + id, map("phone", samePhone, "major", "会计学",
                "degree", "BACHELOR", "difficulties", List.of(), "willingToWork", true, "address", ""), null)
                .expect(200).json();
        assertThat(answer.path("version").asLong()).isEqualTo(before.path("version").asLong());
        as("cw.pengjiang2").patch("/api/graduates/" + id, map(), null).expect(200);
        assertThat(entries(id, "GRADUATE_CORRECTED")).isEmpty();
        assertThat(graduate(id).path("version").asLong()).isEqualTo(before.path("version").asLong());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'RECORD_CORRECTED'"
                + " AND graduate_id = ?", Long.class, id)).isZero();
    }

    // ------------------------------------------------------------------ refused by name

    @Test
    void fieldsThatAreNotCorrectableAndInvalidValuesAreRefusedByName() {
        long id = registered("更正丙");
        String path = "/api/graduates/" + id;
        JsonNode identity = as("cw.pengjiang").patch(path, map("name", "别人", "idNumber", "440703200001010011",
                "major", "法学"), null).expect(400).json();
        assertThat(errorFields(identity)).containsExactly("name", "idNumber");
        assertThat(identity.toString()).doesNotContain("440703200001010011");

        assertThat(errorFields(as("cw.pengjiang").patch(path, map("phone", "12345"), null).expect(400).json()))
                .containsExactly("phone");
        assertThat(errorFields(as("cw.pengjiang").patch(path, map("phone", null, "degree", null,
                "willingToWork", null), null).expect(400).json()))
                .containsExactlyInAnyOrder("phone", "degree", "willingToWork");
        assertThat(errorFields(as("cw.pengjiang").patch(path, map("degree", "EMPEROR"), null).expect(400).json()))
                .containsExactly("degree");
        assertThat(errorFields(as("cw.pengjiang").patch(path, map("address", "路".repeat(256)), null).expect(400).json()))
                .containsExactly("address");
        assertThat(errorFields(as("cw.pengjiang").patch(path, map("difficulties", List.of("A", "B")), null)
                .expect(400).json())).containsExactly("difficulties[0]");
        assertThat(errorFields(as("cw.pengjiang").patch(path, map("major", "法学"), "\"v1\"").expect(400).json()))
                .containsExactly("If-Match");

        assertThat(graduate(id).path("major").asText()).isEqualTo("会计学");
        assertThat(entries(id, "GRADUATE_CORRECTED")).isEmpty();
    }

    @Test
    void aCorrectionOnAVersionChangedMeanwhileIsAConflict() {
        long id = registered("更正丁");
        long version = graduate(id).path("version").asLong();
        as("cw.pengjiang").patch("/api/graduates/" + id, map("major", "审计学"), "\"" + version + "\"").expect(200);

        JsonNode stale = as("cw.pengjiang2").patch("/api/graduates/" + id, map("major", "税务"), "\"" + version + "\"")
                .expect(409).json();
        assertThat(stale.path("version").asLong()).isEqualTo(version + 1);
        assertThat(graduate(id).path("major").asText()).isEqualTo("审计学");
        as("cw.pengjiang2").patch("/api/graduates/" + id, map("major", "税务"), "W/\"" + (version + 1) + "\"")
                .expect(200);
        assertThat(entries(id, "GRADUATE_CORRECTED")).hasSize(2);
    }

    // ------------------------------------------------------------------ scope and roles

    @Test
    void outsideTheCallersScopeAGraduateIsNotFoundAndOtherRolesAreRefused() {
        long id = registered("更正戊");
        String path = "/api/graduates/" + id;
        as("cw.taishan").patch(path, map("major", "法学"), null).expect(404);
        as("counselor.jmpt").patch(path, map("major", "法学"), null).expect(404);
        as("teacher.wyu").patch(path, map("major", "法学"), null).expect(403);
        as("dpf.pengjiang").patch(path, map("major", "法学"), null).expect(403);
        as("cw.pengjiang").patch("/api/graduates/999999999", map("major", "法学"), null).expect(404);
        assertThat(entries(id, "GRADUATE_CORRECTED")).isEmpty();

        as("sup.pengjiang").patch(path, map("major", "法学"), null).expect(200);
        as("sup.city").patch(path, map("major", "经济学"), null).expect(200);
        assertThat(entries(id, "GRADUATE_CORRECTED")).extracting(e -> e.path("actor").asText())
                .containsExactly("sup.pengjiang", "sup.city");
    }

    @Test
    void aCounselorCorrectsTheirUniversitysStudentAndSeesNoWholePhone() {
        Map<String, Object> body = TestGraduates.with(TestGraduates.graduate("更正己", "440703"), "source", "HANDOVER");
        long id = registered("counselor.wyu", TestGraduates.with(body, "willingToWork", null));
        String newPhone = TestGraduates.phone();

        JsonNode answer = as("counselor.wyu").patch("/api/graduates/" + id, map("phone", newPhone, "major", "会计学（ACCA）"),
                null).expect(200).json();
        assertThat(answer.path("phone").asText()).isEqualTo(Phones.mask(newPhone));
        assertThat(answer.toString()).doesNotContain(newPhone);
        as("counselor.wyu").get("/api/graduates/" + id + "/identity").expect(403);
        JsonNode own = as("counselor.wyu").get("/api/graduates/" + id + "/ledger").expect(200).json();
        assertThat(own.toString()).contains("GRADUATE_CORRECTED").doesNotContain(newPhone);
    }

    // ------------------------------------------------------------------ difficulties

    @Test
    void aNewDifficultyStartsTheBureausAssistanceAndFlagsTheCaseWithOneEntry() {
        long id = registered("更正庚");
        JsonNode answer = as("cw.pengjiang").patch("/api/graduates/" + id, map("difficulties", List.of("ZERO_EMPLOYMENT")),
                null).expect(200).json();
        assertThat(answer.path("difficulties").toString()).isEqualTo("[\"ZERO_EMPLOYMENT\"]");

        assertThat(tasks("cw.pengjiang2", id, "ASSIGN_HELPER")).hasSize(1);
        assertThat(tasks("cw.pengjiang", id, "FIRST_CONTACT")).singleElement()
                .satisfies(t -> assertThat(t.path("priority").asInt()).isEqualTo(80));
        assertThat(entries(id, "DIFFICULTY_RECORDED")).as("the correction's entry records them").isEmpty();
        List<JsonNode> corrected = entries(id, "GRADUATE_CORRECTED");
        assertThat(corrected).hasSize(1);
        assertThat(corrected.get(0).path("details").path("changes").toString())
                .isEqualTo("[{\"field\":\"difficulties\",\"from\":[],\"to\":[\"ZERO_EMPLOYMENT\"]}]");
        assertThat(inDifficulty(id)).isTrue();
        assertThat(jdbc.queryForObject("SELECT in_difficulty_since FROM graduate WHERE id = ?", java.sql.Timestamp.class,
                id)).isNotNull();

        // another category added, then all removed: recorded each time, nothing started twice
        as("cw.pengjiang").patch("/api/graduates/" + id, map("difficulties", List.of("DISABILITY", "ZERO_EMPLOYMENT")),
                null).expect(200);
        as("cw.pengjiang").patch("/api/graduates/" + id, map("difficulties", null), null).expect(200);
        corrected = entries(id, "GRADUATE_CORRECTED");
        assertThat(corrected).hasSize(3);
        assertThat(corrected.get(2).path("details").path("changes").toString())
                .isEqualTo("[{\"field\":\"difficulties\",\"from\":[\"ZERO_EMPLOYMENT\",\"DISABILITY\"],\"to\":[]}]");
        assertThat(graduate(id).path("difficulties").toString()).isEqualTo("[]");
        assertThat(inDifficulty(id)).isFalse();
        assertThat(tasks("cw.pengjiang2", id, "ASSIGN_HELPER")).hasSize(1);
    }

    private boolean inDifficulty(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT in_difficulty FROM graduate WHERE id = ?", Boolean.class, id));
    }

    @Test
    void aPlacedGraduateGetsNoNewDifficultyButOtherCorrections() {
        long id = registered("更正辛");
        as("cw.pengjiang").post("/api/graduates/" + id + "/destination",
                map("code", "11", "date", LocalDate.now().toString(), "employer", "江门市某公司")).expect(200);
        as("cw.pengjiang").patch("/api/graduates/" + id, map("difficulties", List.of("OTHER")), null).expect(409);
        assertThat(graduate(id).path("difficulties").toString()).isEqualTo("[]");
        as("cw.pengjiang").patch("/api/graduates/" + id, map("address", "江门市江海区"), null).expect(200);
        assertThat(entries(id, "GRADUATE_CORRECTED")).hasSize(1);
    }

    // ------------------------------------------------------------------ willingness

    @Test
    void theWillingnessOfAGraduateInAnOpenCaseIsTheCasesToEstablish() {
        long id = registered("更正壬");
        JsonNode refused = as("cw.pengjiang").patch("/api/graduates/" + id, map("willingToWork", false, "major", "法学"),
                null).expect(422).json();
        assertThat(refused.path("field").asText()).isEqualTo("willingToWork");
        assertThat(graduate(id).path("willingToWork").asBoolean()).isTrue();
        assertThat(graduate(id).path("major").asText()).isEqualTo("会计学");
        assertThat(entries(id, "GRADUATE_CORRECTED")).isEmpty();
    }

    @Test
    void theWillingnessOfAGraduateWhoseCaseIsClosedIsCorrectedAndTheLedgersFiguresFollow() {
        long id = registered("更正癸");
        as("sup.pengjiang").post("/api/graduates/" + id + "/case/close", map("reason", "MOVED_AWAY", "note", "迁往外省"))
                .expect(200);
        assertThat(ledger(id).path("compliance").path("standing").asText()).isEqualTo("NOT_YET_MET");

        JsonNode answer = as("cw.pengjiang").patch("/api/graduates/" + id, map("willingToWork", false), null).expect(200)
                .json();
        assertThat(answer.path("willingToWork").asBoolean()).isFalse();
        JsonNode entry = entries(id, "GRADUATE_CORRECTED").get(0);
        assertThat(entry.path("details").path("willingToWork").asBoolean()).isFalse();
        assertThat(entry.path("details").path("changes").toString())
                .isEqualTo("[{\"field\":\"willingToWork\",\"from\":true,\"to\":false}]");
        JsonNode compliance = ledger(id).path("compliance");
        assertThat(compliance.path("willing").asBoolean()).isFalse();
        assertThat(compliance.path("standing").asText()).isEqualTo("NOT_WILLING");

        // a later correction of another field leaves the willingness as corrected
        as("cw.pengjiang").patch("/api/graduates/" + id, map("major", "法学"), null).expect(200);
        assertThat(ledger(id).path("compliance").path("standing").asText()).isEqualTo("NOT_WILLING");
    }
}
