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

    public static String idNumber(String district, Gender gender) {
        LocalDate birth = LocalDate.of(1998 + RANDOM.nextInt(6), 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28));
        return SyntheticResidentIds.next(RANDOM, district, birth, gender);
    }

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
