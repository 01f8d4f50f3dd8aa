package org.leye.casework.support;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.leye.casework.graduates.Gender;
import org.leye.casework.graduates.SyntheticResidentIds;

/**
 * Registration bodies with fresh, valid, fictitious ID numbers: tests share one database. The data
 * come from a fixed seed, so a run draws the same numbers as the last one (a failure repeats); the
 * MySQL database is made afresh for each run ({@link MySqlAvailable}), and within a run no ID
 * number is drawn twice.
 */
public final class TestGraduates {

    /** The seed of every run's test graduates. */
    public static final long SEED = 20261204L;

    private static final Random RANDOM = new Random(SEED);
    private static final AtomicLong PHONE = new AtomicLong(100_000_00L + RANDOM.nextInt(50_000_000));
    private static final AtomicLong TAG = new AtomicLong(36L * 36 * 36);
    private static final Set<String> DRAWN = new HashSet<>();

    private TestGraduates() {
    }

    /**
     * A fresh valid ID number. The area code is drawn from the whole country, not the district:
     * the shared test database holds thousands of graduates, and one area code with a few years of
     * birth dates leaves too few numbers to draw without repeats.
     */
    public static synchronized String idNumber(String district, Gender gender) {
        while (true) {
            LocalDate birth = LocalDate.of(1990 + RANDOM.nextInt(15), 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28));
            String area = PROVINCES[RANDOM.nextInt(PROVINCES.length)] + String.format("%04d", 100 + RANDOM.nextInt(9800));
            String idNumber = SyntheticResidentIds.next(RANDOM, area, birth, gender);
            if (DRAWN.add(idNumber)) {
                return idNumber;
            }
        }
    }

    /**
     * A short text unique in this run, for names that tests look their records up by among those of
     * other tests: the same sequence in every run.
     */
    public static String tag() {
        return Long.toString(TAG.incrementAndGet(), 36);
    }

    /** Like {@link #tag()}, in Chinese numerals: for names that must be all Chinese characters. */
    public static String hanzi() {
        StringBuilder text = new StringBuilder();
        for (char digit : Long.toString(TAG.incrementAndGet()).toCharArray()) {
            text.append("零一二三四五六七八九".charAt(digit - '0'));
        }
        return text.toString();
    }

    private static final String[] PROVINCES = { "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
            "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
            "65" };

    public static String phone() {
        return "139" + String.format("%08d", PHONE.incrementAndGet() % 100_000_000L);
    }

    /** A willing graduate of 五邑大学 in the given district, not in difficulty. */
    public static Map<String, Object> graduate(String name, String district) {
        return Api.map("name", name, "idNumber", idNumber(district, Gender.FEMALE), "gender", "FEMALE",
                "phone", phone(), "university", "五邑大学", "major", "会计学", "degree", "BACHELOR",
                "graduationYear", 2023, "district", district, "difficulties", List.of(),
                "source", "JOB_SEEKING_REGISTRATION", "willingToWork", true);
    }

    public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }
}
