package org.leye.casework.employers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/employers}; the credit code, optional, has its check character right. */
public record RegisterEmployer(
        @NotBlank @Size(max = 128) String name,
        @CreditCode String creditCode,
        @Size(max = 6) String district,
        @Size(max = 64) String contact) {
}
