package org.leye.casework.cohorts;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.leye.casework.shared.jpa.BaseEntity;

/**
 * The education department's totals of one university's graduates of one year: all of them, and
 * how many had a destination when they left school. Changed only through {@link #change}, which
 * keeps {@code graduates >= placedAtLeaving >= 0} (checked before, by {@link Cohorts}).
 */
@Entity
@Table(name = "cohort_totals")
class CohortTotal extends BaseEntity {

    private int graduationYear;

    private String universityCode;

    private int graduates;

    private int placedAtLeaving;

    private String updatedBy;

    private Instant updatedAt;

    @Version
    private long version;

    protected CohortTotal() {
    }

    CohortTotal(int graduationYear, String universityCode) {
        this.graduationYear = graduationYear;
        this.universityCode = universityCode;
    }

    /** Answers whether anything changed; an unchanged total keeps who wrote it and when. */
    boolean change(int graduates, int placedAtLeaving, String by, Instant at) {
        if (getId() != null && this.graduates == graduates && this.placedAtLeaving == placedAtLeaving) {
            return false;
        }
        if (placedAtLeaving < 0 || graduates < placedAtLeaving) {
            throw new IllegalArgumentException("graduates >= placedAtLeaving >= 0");
        }
        this.graduates = graduates;
        this.placedAtLeaving = placedAtLeaving;
        this.updatedBy = by;
        this.updatedAt = at;
        return true;
    }

    boolean isNew() {
        return getId() == null;
    }

    int getGraduationYear() {
        return graduationYear;
    }

    String getUniversityCode() {
        return universityCode;
    }

    int getGraduates() {
        return graduates;
    }

    int getPlacedAtLeaving() {
        return placedAtLeaving;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
