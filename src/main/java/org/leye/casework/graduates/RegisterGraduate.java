package org.leye.casework.graduates;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/graduates}: one graduate to register. */
public record RegisterGraduate(
        @NotBlank @Size(max = 64) String name,
        @NotBlank @ResidentId String idNumber,
        Gender gender,
        @NotBlank @Phone String phone,
        @NotBlank @Size(max = 64) String university,
        @Size(max = 64) String major,
        @NotNull Degree degree,
        @NotNull @Min(1990) @Max(2100) Integer graduationYear,
        @Size(max = 32) String district,
        @Size(max = 255) String address,
        @Size(max = 5) List<@NotNull Difficulty> difficulties,
        Source source,
        Boolean willingToWork) {
}
