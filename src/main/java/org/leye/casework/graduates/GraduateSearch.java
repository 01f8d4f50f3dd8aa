package org.leye.casework.graduates;

/** Filters of {@code GET /api/graduates}; each may be null. */
public record GraduateSearch(String district, GraduateStatus status, Difficulty difficulty, String q) {
}
