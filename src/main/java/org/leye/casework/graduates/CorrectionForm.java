package org.leye.casework.graduates;

import java.util.List;

import org.leye.casework.shared.Text;

/**
 * The edit page's form ({@code /graduates/{id}/edit}): the API's correction ({@link GraduatePatch}) as
 * a page posts it. The address, major, degree and difficulties are always posted (no box ticked: no
 * difficulty); the phone, which nobody sees whole here, only when typed (left empty, it stays), and
 * the willingness only when chosen (a graduate whose willingness nobody has established keeps it so).
 * The version the page was shown on goes back with it, so that a change made meanwhile is not
 * overwritten.
 */
class CorrectionForm extends GraduatePatch {

    private Long version;

    CorrectionForm() {
        setDifficulties(List.of());
    }

    static CorrectionForm of(GraduateView graduate) {
        CorrectionForm form = new CorrectionForm();
        form.setAddress(graduate.address());
        form.setMajor(graduate.major());
        form.setDegree(graduate.degree());
        form.setDifficulties(graduate.difficulties());
        if (graduate.willingToWork() != null) {
            form.setWillingToWork(graduate.willingToWork());
        }
        form.version = graduate.version();
        return form;
    }

    CorrectGraduate command() {
        return command(version);
    }

    @Override
    public void setPhone(String phone) {
        if (Text.blankToNull(phone) != null) {
            super.setPhone(phone);
        }
    }

    @Override
    public void setDifficulties(List<Difficulty> difficulties) {
        super.setDifficulties(difficulties == null ? List.of() : difficulties);
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
