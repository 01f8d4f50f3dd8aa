package org.leye.casework.graduates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * The body of {@code PATCH /api/graduates/{id}}, a JSON merge patch (RFC 7396) of the correctable
 * fields: a member present is a correction (null clears it), a member absent leaves the field as it
 * is. Any other member, the name and the ID number included, is refused by name.
 */
class GraduatePatch {

    private final Set<String> sent = new LinkedHashSet<>();
    private final List<String> notCorrectable = new ArrayList<>();

    @Phone
    private String phone;

    @Size(max = 255)
    private String address;

    @Size(max = 64)
    private String major;

    private Degree degree;

    @Size(max = 5)
    private List<@NotNull Difficulty> difficulties;

    private Boolean willingToWork;

    CorrectGraduate command(Long expectedVersion) {
        return new CorrectGraduate(sent, phone, address, major, degree, difficulties, willingToWork, expectedVersion);
    }

    /** The members that are no correctable field, in the order sent. */
    List<String> notCorrectable() {
        return notCorrectable;
    }

    @JsonAnySetter
    void other(String member, Object value) {
        notCorrectable.add(member);
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
        sent.add("phone");
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
        sent.add("address");
    }

    public String getMajor() {
        return major;
    }

    public void setMajor(String major) {
        this.major = major;
        sent.add("major");
    }

    public Degree getDegree() {
        return degree;
    }

    public void setDegree(Degree degree) {
        this.degree = degree;
        sent.add("degree");
    }

    public List<Difficulty> getDifficulties() {
        return difficulties;
    }

    public void setDifficulties(List<Difficulty> difficulties) {
        this.difficulties = difficulties;
        sent.add("difficulties");
    }

    public Boolean getWillingToWork() {
        return willingToWork;
    }

    public void setWillingToWork(Boolean willingToWork) {
        this.willingToWork = willingToWork;
        sent.add("willingToWork");
    }
}
