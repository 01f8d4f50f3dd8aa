package org.leye.casework.employers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/employers/{id}/blacklist}: why the employer may not be referred to. */
public record BlacklistEmployer(@NotBlank @Size(max = 500) String reason) {
}
