package org.leye.casework.graduates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Properties of the resident ID number checks over many generated inputs (a seeded
 * {@link Random}, so a failure can be replayed): nothing thrown on any input, every valid number
 * accepted, every single-character error and every swap of two adjacent different digits refused
 * (the ISO 7064 MOD 11-2 check character catches both).
 */
class ResidentIdsFuzzTest {

    static final long SEED = 9_2026_11_26L;
    static final int RUNS = 20_000;
    static final String ALPHABET = "0123456789Xx０１２３４５６７８９ｘＸ \t\u3000\u00A0\u200B\uFEFF-./'\"<>%_\\;:é李\u0000\uD83D\uDE00";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    final Random random = new Random(SEED);
    final ResidentIdValidator validator = new ResidentIdValidator();

    String randomText() {
        int length = random.nextInt(4) == 0 ? 18 : random.nextInt(40);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(random.nextInt(5) == 0 ? (char) random.nextInt(0x10000) : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    String validNumber() {
        String area = SyntheticResidentIds.JIANGMEN_AREA_CODES.get(random.nextInt(SyntheticResidentIds.JIANGMEN_AREA_CODES.size()));
        LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(45_000));
        return SyntheticResidentIds.next(random, area, birth, random.nextBoolean() ? Gender.MALE : Gender.FEMALE);
    }

    @Test
    void anyTextIsAnsweredWithoutAnException() {
        int valid = 0;
        for (int i = 0; i < RUNS; i++) {
            String text = randomText();
            String normalized = ResidentIds.normalize(text);
            boolean ok = ResidentIds.isValid(normalized, TODAY);
            assertThat(validator.isValid(text, null)).as("validator agrees for %s", text)
                    .isEqualTo(ResidentIds.isValid(normalized));
            if (ok) {
                valid++;
                assertThat(ResidentIds.birthDate(normalized)).isBeforeOrEqualTo(TODAY);
                assertThat(ResidentIds.gender(normalized)).isNotNull();
                assertThat(ResidentIds.mask(normalized)).hasSize(18).contains("********");
            }
        }
        System.out.printf("HOSTILE INPUT: resident ID checks: %d random texts tried, %d happened to be valid, 0 exceptions%n",
                RUNS, valid);
    }

    @Test
    void everyValidNumberIsAcceptedWrittenAnyWay() {
        for (int i = 0; i < RUNS; i++) {
            String id = validNumber();
            assertThat(ResidentIds.isValid(id, TODAY)).as(id).isTrue();
            String written = " " + toFullWidth(id).replace('X', 'x') + "\u3000";
            assertThat(validator.isValid(written, null)).as(written).isTrue();
            assertThat(ResidentIds.normalize(written)).isEqualTo(id);
        }
    }

    @Test
    void everySingleCharacterErrorAndAdjacentSwapIsRefused() {
        int mutants = 0;
        for (int i = 0; i < RUNS; i++) {
            String id = validNumber();
            int at = random.nextInt(18);
            char original = id.charAt(at);
            char other;
            do {
                other = at == 17 && random.nextInt(11) == 10 ? 'X' : (char) ('0' + random.nextInt(10));
            } while (other == original);
            String typo = id.substring(0, at) + other + id.substring(at + 1);
            assertThat(ResidentIds.isValid(typo, TODAY)).as("%s -> %s", id, typo).isFalse();
            mutants++;
            int swap = random.nextInt(16);
            if (id.charAt(swap) != id.charAt(swap + 1)) {
                String swapped = id.substring(0, swap) + id.charAt(swap + 1) + id.charAt(swap) + id.substring(swap + 2);
                assertThat(ResidentIds.isValid(swapped, TODAY)).as("%s -> %s", id, swapped).isFalse();
                mutants++;
            }
        }
        System.out.printf("HOSTILE INPUT: resident ID checks: %d mistyped numbers tried, all refused%n", mutants);
    }

    static String toFullWidth(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(Character.isDigit(c) ? (char) ('\uFF10' + (c - '0')) : c);
        }
        return out.toString();
    }
}
