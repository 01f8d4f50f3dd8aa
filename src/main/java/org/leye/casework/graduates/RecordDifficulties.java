package org.leye.casework.graduates;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/graduates/{id}/difficulties}: the difficulty categories found for a
 * graduate already registered (at least one, added to those on the record), and the evidence of
 * them, as a counselor's registration for one-to-one assistance gives it (an ID number in it is
 * masked).
 */
public record RecordDifficulties(
        @NotEmpty @Size(max = 5) List<@NotNull Difficulty> difficulties,
        @NotBlank @Size(max = 1000) String evidence) {
}
