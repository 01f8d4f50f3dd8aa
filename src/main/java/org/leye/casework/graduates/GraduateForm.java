package org.leye.casework.graduates;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The graduate's fields of a page's form (templates/fragments/graduate.html), checked as
 * {@link RegisterGraduate} checks them: the registration of a graduate ({@link RegistrationForm})
 * and of a student in difficulty (assistance) add their own fields to these.
 */
public class GraduateForm {

    @NotBlank
    @Size(max = 64)
    private String name;

    @NotBlank
    @ResidentId
    private String idNumber;

    @NotBlank
    @Phone
    private String phone;

    @NotBlank
    @Size(max = 64)
    private String university;

    @Size(max = 64)
    private String major;

    @NotNull
    private Degree degree;

    @NotNull
    @Min(1990)
    @Max(2100)
    private Integer graduationYear;

    @Size(max = 32)
    private String district;

    @Size(max = 255)
    private String address;

    @Size(max = 5)
    private List<@NotNull Difficulty> difficulties = new ArrayList<>();

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getUniversity() {
        return university;
    }

    public void setUniversity(String university) {
        this.university = university;
    }

    public String getMajor() {
        return major;
    }

    public void setMajor(String major) {
        this.major = major;
    }

    public Degree getDegree() {
        return degree;
    }

    public void setDegree(Degree degree) {
        this.degree = degree;
    }

    public Integer getGraduationYear() {
        return graduationYear;
    }

    public void setGraduationYear(Integer graduationYear) {
        this.graduationYear = graduationYear;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public List<Difficulty> getDifficulties() {
        return difficulties;
    }

    public void setDifficulties(List<Difficulty> difficulties) {
        this.difficulties = difficulties;
    }
}
