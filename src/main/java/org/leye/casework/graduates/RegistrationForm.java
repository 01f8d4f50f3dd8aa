package org.leye.casework.graduates;

import java.time.LocalDate;

import org.leye.casework.security.CurrentUser;
import org.leye.casework.web.StrippedForm;

/** The registration page's form: the graduate's fields and their willingness to work. */
@StrippedForm
class RegistrationForm extends GraduateForm {

    private Boolean willingToWork = Boolean.TRUE;

    /** A new form: this year's graduate, willing to work, of the counselor's university. */
    static RegistrationForm proposed(CurrentUser caller, LocalDate today) {
        RegistrationForm form = new RegistrationForm();
        form.setGraduationYear(today.getYear());
        form.setUniversity(caller.universityCode());
        return form;
    }

    RegisterGraduate command() {
        return new RegisterGraduate(getName(), getIdNumber(), null, getPhone(), getUniversity(), getMajor(), getDegree(),
                getGraduationYear(), getDistrict(), getAddress(), getDifficulties(), null, willingToWork);
    }

    public Boolean getWillingToWork() {
        return willingToWork;
    }

    public void setWillingToWork(Boolean willingToWork) {
        this.willingToWork = willingToWork;
    }
}
