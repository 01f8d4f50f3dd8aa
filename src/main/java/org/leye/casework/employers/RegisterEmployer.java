package org.leye.casework.employers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/employers}. */
public record RegisterEmployer(
        @NotBlank @Size(max = 128) String name,
        @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}", message = "{leye.validation.creditCode}") String creditCode,
        @Size(max = 6) String district,
        @Size(max = 64) String contact) {
}
