package org.leye.casework.cohorts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.leye.casework.web.StrippedForm;

/**
 * The cohorts page's correction of one university's totals of a year, in the page's messages; that
 * placed at leaving is at most the graduates, and that the university is known, {@link Cohorts} checks.
 */
@StrippedForm
class CohortForm {

    @NotNull(message = "{web.cohorts.yearRange}")
    @Min(value = Cohorts.MIN_YEAR, message = "{web.cohorts.yearRange}")
    @Max(value = Cohorts.MAX_YEAR, message = "{web.cohorts.yearRange}")
    private Integer graduationYear;

    @NotBlank(message = "{validation.required}")
    private String universityCode;

    @NotNull(message = "{validation.required}")
    @Min(value = 0, message = "{web.cohorts.countRange}")
    @Max(value = Cohorts.MAX_GRADUATES, message = "{web.cohorts.countRange}")
    private Integer graduates;

    @NotNull(message = "{validation.required}")
    @Min(value = 0, message = "{web.cohorts.countRange}")
    @Max(value = Cohorts.MAX_GRADUATES, message = "{web.cohorts.countRange}")
    private Integer placedAtLeaving;

    /** The form of a year, for the university given (its figures as loaded, if any). */
    static CohortForm of(int graduationYear, CohortTotalView loaded, String universityCode) {
        CohortForm form = new CohortForm();
        form.graduationYear = graduationYear;
        form.universityCode = universityCode;
        if (loaded != null) {
            form.graduates = loaded.graduates();
            form.placedAtLeaving = loaded.placedAtLeaving();
        }
        return form;
    }

    public Integer getGraduationYear() {
        return graduationYear;
    }

    public void setGraduationYear(Integer graduationYear) {
        this.graduationYear = graduationYear;
    }

    public String getUniversityCode() {
        return universityCode;
    }

    public void setUniversityCode(String universityCode) {
        this.universityCode = universityCode;
    }

    public Integer getGraduates() {
        return graduates;
    }

    public void setGraduates(Integer graduates) {
        this.graduates = graduates;
    }

    public Integer getPlacedAtLeaving() {
        return placedAtLeaving;
    }

    public void setPlacedAtLeaving(Integer placedAtLeaving) {
        this.placedAtLeaving = placedAtLeaving;
    }
}
