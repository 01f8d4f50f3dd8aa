package org.leye.casework.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** A supervisor reopens a closed case, saying why. The body of {@code POST /api/graduates/{id}/case/reopen}. */
@Schema(name = "Reopen")
public record ReopenCase(@NotBlank @Size(max = 500) String reason) {
}
