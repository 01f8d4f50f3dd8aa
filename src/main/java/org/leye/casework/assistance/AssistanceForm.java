package org.leye.casework.assistance;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.leye.casework.graduates.Difficulty;
import org.leye.casework.graduates.GraduateForm;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.web.StrippedForm;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The page's registration of a student in difficulty, checked as {@link RegisterAssistance}
 * checks it: the graduate's fields (a district and at least one difficulty required), the
 * evidence, and the day the student leaves school if known.
 */
@StrippedForm
class AssistanceForm extends GraduateForm {

    @NotBlank
    @Size(max = 1000)
    private String evidence;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate leavingSchoolDate;

    /**
     * A new form: a final-year student of the counselor's university, graduating this summer (next
     * summer once this one is past).
     */
    static AssistanceForm proposed(CurrentUser caller, LocalDate today) {
        AssistanceForm form = new AssistanceForm();
        form.setGraduationYear(today.getYear() + (today.getMonthValue() > 6 ? 1 : 0));
        form.setUniversity(caller.universityCode());
        return form;
    }

    RegisterAssistance command() {
        return new RegisterAssistance(getName(), getIdNumber(), null, getPhone(), getUniversity(), getMajor(),
                getDegree(), getGraduationYear(), getDistrict(), getAddress(), getDifficulties(), evidence,
                leavingSchoolDate);
    }

    @Override
    @NotBlank
    public String getDistrict() {
        return super.getDistrict();
    }

    @Override
    @NotEmpty
    public List<Difficulty> getDifficulties() {
        return super.getDifficulties();
    }

    public String getEvidence() {
        return evidence;
    }

    public void setEvidence(String evidence) {
        this.evidence = evidence;
    }

    public LocalDate getLeavingSchoolDate() {
        return leavingSchoolDate;
    }

    public void setLeavingSchoolDate(LocalDate leavingSchoolDate) {
        this.leavingSchoolDate = leavingSchoolDate;
    }
}
