package org.leye.casework.handover;

import java.util.List;
import java.util.Optional;

/**
 * The columns of a hand-over file, with the headers accepted for each: simplified and traditional
 * Chinese (matched after {@link Cells#key}, so both scripts and full-width forms match) and
 * English aliases. Required columns must be present or the file is refused.
 */
enum HandoverField {
    NAME("name", "姓名", true, "姓名", "学生姓名", "name"),
    ID_NUMBER("idNumber", "身份证号", true, "身份证号", "身份证号码", "身份证", "证件号码", "公民身份号码", "idnumber",
            "id_number", "id"),
    GENDER("gender", "性别", false, "性别", "gender", "sex"),
    PHONE("phone", "联系电话", true, "联系电话", "手机号码", "手机号", "手机", "电话", "联系方式", "phone", "mobile"),
    UNIVERSITY("university", "学校", true, "学校", "毕业学校", "毕业院校", "院校", "学校名称", "university", "school"),
    MAJOR("major", "专业", false, "专业", "所学专业", "专业名称", "major"),
    DEGREE("degree", "学历", true, "学历", "学历层次", "degree", "education"),
    GRADUATION_YEAR("graduationYear", "毕业年份", true, "毕业年份", "毕业年度", "毕业时间", "毕业日期", "graduationyear",
            "graduation_year", "year"),
    DISTRICT("district", "所属区县", true, "所属区县", "区县", "所在区县", "户籍区县", "生源地区县", "district"),
    DIFFICULTIES("difficulties", "困难类别", false, "困难类别", "困难类型", "困难群体类别", "difficulties", "difficulty"),
    WILLING_TO_WORK("willingToWork", "就业意愿", false, "就业意愿", "是否有就业意愿", "willingtowork", "willing_to_work",
            "willing"),
    /** Students in difficulty only ({@link HandoverKind#requires}): the evidence of the difficulty. */
    EVIDENCE("evidence", "困难情况说明", false, "困难情况说明", "困难说明", "困难情况", "证明材料", "认定依据", "情况说明",
            "evidence", "description"),
    /** Students in difficulty only: the day the student leaves school, when not the usual one. */
    LEAVING_SCHOOL_DATE("leavingSchoolDate", "预计离校日期", false, "预计离校日期", "离校日期", "预计离校时间", "离校时间",
            "leavingschooldate", "leaving_school_date", "leavingdate");

    private final String apiName;
    private final String label;
    private final boolean required;
    private final List<String> aliases;

    HandoverField(String apiName, String label, boolean required, String... aliases) {
        this.apiName = apiName;
        this.label = label;
        this.required = required;
        this.aliases = List.of(aliases);
    }

    /**
     * The field's name in the API ({@code POST /api/graduates}, {@code POST /api/assistance} for the
     * students' columns), used in {@code errors[].field}.
     */
    String apiName() {
        return apiName;
    }

    /** The column's header in simplified Chinese, as named in messages. */
    String label() {
        return label;
    }

    /** Required in every kind of file; {@link HandoverKind#requires} adds a kind's own. */
    boolean required() {
        return required;
    }

    /** The field a header names, ignoring script, case, white space, a required-mark {@code *} and a note in brackets. */
    static Optional<HandoverField> ofHeader(String header) {
        String key = Cells.key(header).replace("*", "").replaceAll("\\(.*\\)$", "");
        if (key.isEmpty()) {
            return Optional.empty();
        }
        for (HandoverField field : values()) {
            if (field.aliases.contains(key)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
