package org.leye.casework.graduates;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * The graduate page's form "登记困难类别": difficulty categories found after registration and their
 * evidence ({@link RecordDifficulties}). Kept across the redirect that shows its refusals, hence
 * serializable.
 */
class DifficultyForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotEmpty
    @Size(max = 5)
    private ArrayList<Difficulty> difficulties = new ArrayList<>();

    @NotBlank
    @Size(max = 1000)
    private String evidence;

    RecordDifficulties command() {
        return new RecordDifficulties(List.copyOf(difficulties), evidence);
    }

    public List<Difficulty> getDifficulties() {
        return difficulties;
    }

    public void setDifficulties(List<Difficulty> difficulties) {
        this.difficulties = difficulties == null ? new ArrayList<>() : new ArrayList<>(difficulties);
    }

    public String getEvidence() {
        return evidence;
    }

    public void setEvidence(String evidence) {
        this.evidence = evidence;
    }
}
