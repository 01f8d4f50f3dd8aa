package org.leye.casework.assistance;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.leye.casework.graduates.Degree;
import org.leye.casework.graduates.Difficulty;
import org.leye.casework.graduates.Gender;
import org.leye.casework.graduates.Phone;
import org.leye.casework.graduates.RegisterGraduate;
import org.leye.casework.graduates.ResidentId;
import org.leye.casework.graduates.Source;

/**
 * The body of {@code POST /api/assistance}: a final-year student in difficulty (the graduate's
 * fields, at least one difficulty), the evidence of it, and optionally the day the student leaves
 * school (default {@code leye.assistance.leaving-school-day} of the graduation year).
 */
public record RegisterAssistance(
        @NotBlank @Size(max = 64) String name,
        @NotBlank @ResidentId String idNumber,
        Gender gender,
        @NotBlank @Phone String phone,
        @NotBlank @Size(max = 64) String university,
        @Size(max = 64) String major,
        @NotNull Degree degree,
        @NotNull @Min(1990) @Max(2100) Integer graduationYear,
        @NotBlank @Size(max = 32) String district,
        @Size(max = 255) String address,
        @NotEmpty @Size(max = 5) List<@NotNull Difficulty> difficulties,
        @NotBlank @Size(max = 1000) String evidence,
        LocalDate leavingSchoolDate) {

    /** The student still at school, registered for the school's one-to-one assistance. */
    RegisterGraduate graduate() {
        return graduate(Source.ASSISTANCE);
    }

    /**
     * The student as a leaver whom their university hands over (issue 20): registered after leaving
     * school, they get the 131 case, and the bureau's assistance, at once.
     */
    RegisterGraduate leaver() {
        return graduate(Source.HANDOVER);
    }

    private RegisterGraduate graduate(Source source) {
        return new RegisterGraduate(name, idNumber, gender, phone, university, major, degree, graduationYear, district,
                address, difficulties, source, true);
    }
}
