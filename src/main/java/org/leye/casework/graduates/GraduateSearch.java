package org.leye.casework.graduates;

/** Filters of {@code GET /api/graduates}; each may be null. */
public record GraduateSearch(String district, GraduateStatus status, Difficulty difficulty, String q,
        String idNumberHash) {

    public GraduateSearch(String district, GraduateStatus status, Difficulty difficulty, String q) {
        this(district, status, difficulty, q, null);
    }
}
