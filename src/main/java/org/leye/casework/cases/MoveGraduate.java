package org.leye.casework.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A graduate moves to another district (its code or name), and why. The body of
 * {@code POST /api/graduates/{id}/move}.
 */
@Schema(name = "Move")
public record MoveGraduate(@NotBlank @Size(max = 32) String district, @NotBlank @Size(max = 500) String reason) {
}
