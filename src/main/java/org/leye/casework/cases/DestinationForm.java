package org.leye.casework.cases;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;

import org.leye.casework.shared.CityTime;
import org.leye.casework.web.StrippedForm;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The destination form of a graduate's page: the code, the day (the city's today, proposed), the
 * employer and whether the job is a public-welfare post. Kept across the redirect that shows its refusals, hence serializable.
 */
@StrippedForm
class DestinationForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotBlank(message = "{validation.required}")
    private String code;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;

    private String employer;

    /** The job is a public-welfare post (公益性岗位). */
    private boolean publicWelfare;

    /** An empty form that proposes today. */
    static DestinationForm today(Clock clock) {
        DestinationForm form = new DestinationForm();
        form.setDate(CityTime.today(clock));
        return form;
    }

    RegisterDestination command() {
        return new RegisterDestination(code, date, employer, publicWelfare);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public boolean isPublicWelfare() {
        return publicWelfare;
    }

    public void setPublicWelfare(boolean publicWelfare) {
        this.publicWelfare = publicWelfare;
    }

    public String getEmployer() {
        return employer;
    }

    public void setEmployer(String employer) {
        this.employer = employer;
    }
}
