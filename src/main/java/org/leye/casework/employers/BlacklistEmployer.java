package org.leye.casework.employers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/employers/{id}/blacklist} and {@code POST /api/employers/{id}/lift}: why
 * the employer is put on the blacklist or taken off it, and on what evidence (a complaint's number, an
 * inspection's finding, a court ruling).
 */
public record BlacklistEmployer(@NotBlank @Size(max = 500) String reason, @Size(max = 1000) String evidence) {
}
