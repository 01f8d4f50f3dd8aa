package org.leye.casework.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.support.Api.map;
import static org.leye.casework.support.TestGraduates.graduate;
import static org.leye.casework.support.TestGraduates.with;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.leye.casework.graduates.ResidentIds;
import org.leye.casework.support.Api;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** Probable duplicates at registration on realistic typos, merge and undo; on H2 and on MySQL. */
abstract class DuplicatesContract {

    static final Random RANDOM = new Random(TestGraduates.SEED);
    // given-name characters written differently in the two scripts
    static final String TRADITIONAL = "偉華國強麗靜傑濤輝鵬穎鳳潔紅剛勝東慶誠興";
    static final String SIMPLIFIED = "伟华国强丽静杰涛辉鹏颖凤洁红刚胜东庆诚兴";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;

    Api cw() {
        return Api.as(rest, "cw.pengjiang");
    }

    Api sup() {
        return Api.as(rest, "sup.pengjiang");
    }

    /** A unique name per run: surname + three given-name characters, in simplified and traditional script. */
    static String[] name() {
        StringBuilder s = new StringBuilder("陈");
        StringBuilder t = new StringBuilder("陳");
        for (int i = 0; i < 3; i++) {
            int k = RANDOM.nextInt(TRADITIONAL.length());
            s.append(SIMPLIFIED.charAt(k));
            t.append(TRADITIONAL.charAt(k));
        }
        return new String[] { s.toString(), t.toString() };
    }

    /** A valid ID number of 蓬江区 with the given birth date and three-digit sequence (odd: male). */
    static String id(LocalDate birth, String sequence) {
        String first17 = "440703" + birth.toString().replace("-", "") + sequence;
        return first17 + ResidentIds.checkDigit(first17);
    }

    /** A random sequence of three distinct digits. */
    static String seq() {
        List<Character> digits = new ArrayList<>(List.of('1', '2', '3', '4', '5', '6', '7', '8', '9'));
        java.util.Collections.shuffle(digits, RANDOM);
        return "" + digits.get(0) + digits.get(1) + digits.get(2);
    }

    static String swapped(String seq) {
        return "" + seq.charAt(0) + seq.charAt(2) + seq.charAt(1);
    }

    static String oneWrong(String seq) {
        return seq.substring(0, 2) + (char) ('0' + (seq.charAt(2) - '0' + 1) % 10);
    }

    static LocalDate birth() {
        return LocalDate.of(1996 + RANDOM.nextInt(7), 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28));
    }

    long register(String name, String idNumber, String phone) {
        Map<String, Object> body = with(with(with(with(graduate(name, "440703"), "name", name), "idNumber", idNumber),
                "phone", phone), "gender", null);
        return cw().post("/api/graduates", body).expect(201).json().path("id").asLong();
    }

    List<JsonNode> pairsOf(long graduateId, String status) {
        List<JsonNode> pairs = new ArrayList<>();
        sup().get("/api/duplicates?status=" + status + "&graduate=" + graduateId).expect(200).json().path("content")
                .forEach(pairs::add);
        return pairs;
    }

    @Test
    void oneDigitWrongIsFlagged() {
        String[] n = name();
        LocalDate birth = birth();
        String seq = seq();
        long a = register(n[0], id(birth, seq), TestGraduates.phone());
        long b = register(n[0], id(birth, oneWrong(seq)), TestGraduates.phone());
        List<JsonNode> pairs = pairsOf(b, "OPEN");
        assertThat(pairs).hasSize(1);
        assertThat(pairs.get(0).path("graduateIds").get(0).asLong()).isEqualTo(a);
        assertThat(pairs.get(0).path("graduateIds").get(1).asLong()).isEqualTo(b);
        assertThat(pairs.get(0).path("names").get(0).asText()).isEqualTo(n[0]);
        assertThat(pairs.get(0).path("reason").asText()).isEqualTo("NAME_BIRTH_DATE");
    }

    @Test
    void aPairFollowsAGraduateWhoMovesSoTheOldDistrictCanNoLongerActOnIt() {
        String[] n = name();
        LocalDate birth = birth();
        String seq = seq();
        register(n[0], id(birth, seq), TestGraduates.phone());
        long b = register(n[0], id(birth, oneWrong(seq)), TestGraduates.phone());
        long pair = pairsOf(b, "OPEN").get(0).path("id").asLong();

        Api.as(rest, "sup.city").post("/api/graduates/" + b + "/move", Api.map("district", "台山市", "reason", "户籍迁往台山"))
                .expect(200);

        assertThat(pairsOf(b, "OPEN")).isEmpty();
        sup().post("/api/duplicates/" + pair + "/dismiss", null).expect(404);
        JsonNode city = Api.as(rest, "sup.city").get("/api/duplicates?status=OPEN&graduate=" + b).expect(200).json();
        assertThat(city.path("content").get(0).path("id").asLong()).isEqualTo(pair);
    }

    @Test
    void swappedDigitsAndTraditionalNameAreFlagged() {
        String[] n = name();
        LocalDate birth = birth();
        String seq = seq();
        long a = register(n[0], id(birth, seq), TestGraduates.phone());
        long b = register(n[1], id(birth, swapped(seq)), TestGraduates.phone());
        List<JsonNode> pairs = pairsOf(a, "OPEN");
        assertThat(pairs).hasSize(1);
        assertThat(pairs.get(0).path("graduateIds").get(1).asLong()).isEqualTo(b);
        assertThat(pairs.get(0).path("names").get(1).asText()).isEqualTo(n[1]);
    }

    @Test
    void aWrongBirthDateWithTheSamePhoneIsFlagged() {
        String[] n = name();
        LocalDate birth = LocalDate.of(1999, 3, 10 + RANDOM.nextInt(9));
        String phone = TestGraduates.phone();
        String seq = seq();
        long a = register(n[0], id(birth, seq), phone);
        long b = register(n[1], id(birth.plusDays(10), seq), phone); // 199903 1x → 199903 2x: one digit
        List<JsonNode> pairs = pairsOf(b, "OPEN");
        assertThat(pairs).hasSize(1);
        assertThat(pairs.get(0).path("graduateIds").get(0).asLong()).isEqualTo(a);
        assertThat(pairs.get(0).path("reason").asText()).isEqualTo("NAME_PHONE");
    }

    @Test
    void noFalseAlarmOnDifferentPeopleWithTheSameCommonName() {
        String common = "王伟";
        LocalDate birth = birth();
        String seq = seq();
        long a = register(common, id(birth, seq), TestGraduates.phone());
        long b = register(common, id(birth.plusMonths(2), seq), TestGraduates.phone());
        long c = register(common, SyntheticId.other(birth), TestGraduates.phone());
        assertThat(pairsOf(a, "OPEN")).isEmpty();
        assertThat(pairsOf(b, "OPEN")).isEmpty();
        assertThat(pairsOf(c, "OPEN")).isEmpty();
    }

    @Test
    void mergeCombinesLedgersClosesTheDuplicateCaseAndUndoRestoresBoth() {
        String[] n = name();
        LocalDate birth = birth();
        String seq = seq();
        long a = register(n[0], id(birth, seq), TestGraduates.phone());
        JsonNode aLedger = sup().get("/api/graduates/" + a + "/ledger").json();
        String aCase = aLedger.path("graduate").path("caseNumber").asText();
        long b = register(n[1], id(birth, swapped(seq)), TestGraduates.phone());
        String bCase = sup().get("/api/graduates/" + b).json().path("caseNumber").asText();
        long pair = pairsOf(a, "OPEN").get(0).path("id").asLong();

        cw().post("/api/duplicates/" + pair + "/merge", null).expect(403);
        Api.as(rest, "sup.city").get("/api/duplicates/" + pair).expect(200);

        JsonNode merge = sup().post("/api/duplicates/" + pair + "/merge", null).expect(200).json();
        assertThat(merge.path("keptId").asLong()).isEqualTo(a);
        assertThat(merge.path("mergedId").asLong()).isEqualTo(b);
        assertThat(merge.path("closedCase").asBoolean()).isTrue();
        long mergeId = merge.path("id").asLong();

        // the duplicate's case is closed and its process instance has ended
        JsonNode bLedger = sup().get("/api/graduates/" + b + "/ledger").json();
        assertThat(bLedger.path("case").path("status").asText()).isEqualTo("CLOSED");
        assertThat(bLedger.path("case").path("closeReason").asText()).isEqualTo("DUPLICATE");
        assertThat(bLedger.path("graduate").path("mergedInto").asLong()).isEqualTo(a);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(bCase).count()).isZero();
        assertThat(cw().get("/api/tasks?q=" + bCase).json().path("totalElements").asLong()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(aCase).count()).isEqualTo(1);

        // the kept graduate's ledger holds both, in time order, and the merge
        JsonNode combined = sup().get("/api/graduates/" + a + "/ledger").json().path("entries");
        List<String> types = new ArrayList<>();
        List<String> times = new ArrayList<>();
        int fromB = 0;
        for (JsonNode e : combined) {
            types.add(e.path("type").asText());
            times.add(e.path("at").asText());
            if (e.path("mergedFrom").asLong() == b) {
                fromB++;
            }
        }
        assertThat(fromB).isGreaterThanOrEqualTo(2); // b's REGISTERED and CLOSED
        assertThat(types).containsSubsequence("REGISTERED", "REGISTERED", "CLOSED", "MERGED");
        for (int i = 1; i < times.size(); i++) {
            assertThat(java.time.Instant.parse(times.get(i - 1))).isBeforeOrEqualTo(java.time.Instant.parse(times.get(i)));
        }
        assertThat(pairsOf(a, "OPEN")).isEmpty();
        assertThat(pairsOf(a, "MERGED")).hasSize(1);
        sup().post("/api/duplicates/" + pair + "/merge", null).expect(409);

        // undo: both stand alone again, the duplicate's case is open with a running process
        JsonNode undone = sup().post("/api/merges/" + mergeId + "/undo", null).expect(200).json();
        assertThat(undone.path("undoneAt").isMissingNode()).isFalse();
        JsonNode bAgain = sup().get("/api/graduates/" + b + "/ledger").json();
        assertThat(bAgain.path("case").path("status").asText()).isEqualTo("OPEN");
        assertThat(bAgain.path("graduate").has("mergedInto")).isFalse();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(bCase).count()).isEqualTo(1);
        assertThat(cw().get("/api/tasks?q=" + bCase).json().path("totalElements").asLong()).isEqualTo(1);
        JsonNode aAgain = sup().get("/api/graduates/" + a + "/ledger").json().path("entries");
        List<String> aTypes = new ArrayList<>();
        for (JsonNode e : aAgain) {
            assertThat(e.has("mergedFrom")).isFalse();
            aTypes.add(e.path("type").asText());
        }
        assertThat(aTypes).containsSubsequence("REGISTERED", "MERGED", "MERGE_UNDONE");
        assertThat(pairsOf(a, "OPEN")).hasSize(1);
        sup().post("/api/merges/" + mergeId + "/undo", null).expect(409);

        // then dismissed
        assertThat(sup().post("/api/duplicates/" + pair + "/dismiss", null).expect(200).json().path("status").asText())
                .isEqualTo("DISMISSED");
        assertThat(pairsOf(a, "OPEN")).isEmpty();
    }

    @Test
    void anotherDistrictsSupervisorDoesNotSeeThePair() {
        String[] n = name();
        LocalDate birth = birth();
        String seq = seq();
        long a = register(n[0], id(birth, seq), TestGraduates.phone());
        register(n[0], id(birth, swapped(seq)), TestGraduates.phone());
        long pair = pairsOf(a, "OPEN").get(0).path("id").asLong();
        Api.as(rest, "cw.pengjiang").get("/api/duplicates").expect(403);
        Api.as(rest, "sup.city").get("/api/duplicates?status=OPEN").expect(200);
        sup().get("/api/duplicates?status=NOPE").expect(400);
        Api.as(rest, "sup.city").post("/api/duplicates/" + pair + "/merge", map("keep", 1)).expect(400);
    }

    /** A different person's ID number: another area of the city, the same birth date. */
    static final class SyntheticId {
        static String other(LocalDate birth) {
            String first17 = "440781" + birth.toString().replace("-", "") + seq();
            return first17 + ResidentIds.checkDigit(first17);
        }
    }
}
