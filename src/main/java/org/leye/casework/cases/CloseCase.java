package org.leye.casework.cases;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** A supervisor closes a case: the reason and a note. The body of {@code POST /api/graduates/{id}/case/close}. */
@Schema(name = "Close")
public record CloseCase(@NotNull CloseReason reason, @Size(max = 500) String note) {
}
