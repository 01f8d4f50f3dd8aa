package org.leye.casework.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * A group event and the graduates who took part: {@code positions} (a job fair's only) names, per graduate
 * id, the position they were referred to there.
 */
public record RecordGroupEvent(@NotNull EventKind kind, @NotNull @PastOrPresent LocalDate date,
        @NotBlank @Size(max = 200) String title, @Size(max = 200) String place,
        @NotNull @Size(min = 1, max = GroupEvents.MAX_GRADUATES) List<@NotNull Long> graduateIds,
        Map<Long, @Valid @NotNull NamedPosition> positions) {

    public RecordGroupEvent {
        positions = positions == null ? Map.of() : Map.copyOf(positions);
    }

    /** A position at a registered employer (its id) or a new one (its name). */
    public record NamedPosition(Long employerId, @Size(max = 128) String employer,
            @NotBlank @Size(max = 128) String position) {

        @AssertTrue(message = "{leye.validation.employerRequired}")
        boolean isEmployerId() {
            return employerId != null || (employer != null && !employer.isBlank());
        }
    }
}
