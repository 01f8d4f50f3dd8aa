package org.leye.casework.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.leye.casework.graduates.Gender;
import org.leye.casework.graduates.SyntheticResidentIds;

/** Registration bodies with fresh, valid, fictitious ID numbers: tests share one database. */
public final class TestGraduates {

    private static final Random RANDOM = new Random(System.nanoTime());
    private static final AtomicLong PHONE = new AtomicLong(100_000_00L + RANDOM.nextInt(50_000_000));

    private TestGraduates() {
    }

    /**
     * A fresh valid ID number. The area code is drawn from the whole country, not the district:
     * the shared test database holds thousands of graduates, and one area code with a few years of
     * birth dates leaves too few numbers to draw without repeats.
     */
    public static String idNumber(String district, Gender gender) {
        LocalDate birth = LocalDate.of(1990 + RANDOM.nextInt(15), 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28));
        String area = PROVINCES[RANDOM.nextInt(PROVINCES.length)] + String.format("%04d", 100 + RANDOM.nextInt(9800));
        return SyntheticResidentIds.next(RANDOM, area, birth, gender);
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
