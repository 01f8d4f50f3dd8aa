package org.leye.casework.duplicates;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.leye.casework.shared.jpa.BaseEntity;
import org.leye.casework.shared.problem.ConflictException;

/** One graduate merged into another; kept so that the merge can be undone. */
@Entity
@Table(name = "graduate_merge")
class GraduateMerge extends BaseEntity {

    private Long candidateId;

    private Long keptId;

    private Long mergedId;

    /** Whether the merge closed the merged graduate's case (so that the undo reopens it). */
    private boolean closedCase;

    private Instant mergedAt;

    private String mergedBy;

    private Instant undoneAt;

    private String undoneBy;

    @Version
    private long version;

    protected GraduateMerge() {
    }

    GraduateMerge(Long candidateId, Long keptId, Long mergedId, boolean closedCase, String by, Instant at) {
        this.candidateId = candidateId;
        this.keptId = keptId;
        this.mergedId = mergedId;
        this.closedCase = closedCase;
        this.mergedBy = by;
        this.mergedAt = at;
    }

    void undo(String by, Instant at) {
        if (undoneAt != null) {
            throw new ConflictException("problem.mergeUndone", Map.of(), getId());
        }
        undoneBy = by;
        undoneAt = at;
    }

    Long getCandidateId() {
        return candidateId;
    }

    Long getKeptId() {
        return keptId;
    }

    Long getMergedId() {
        return mergedId;
    }

    boolean isClosedCase() {
        return closedCase;
    }

    Instant getMergedAt() {
        return mergedAt;
    }

    Instant getUndoneAt() {
        return undoneAt;
    }
}
