package org.leye.casework.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.handover.HandoverFiles.with;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.leye.casework.assistance.RegisterAssistance;
import org.leye.casework.graduates.Degree;
import org.leye.casework.graduates.Difficulty;
import org.leye.casework.graduates.Gender;
import org.leye.casework.handover.HandoverRowParser.ParsedRow;
import org.leye.casework.support.TestGraduates;

/** The rows of a students' list: the same command as POST /api/assistance, or each problem by its field. */
class StudentRowParsingTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = VALIDATION.getValidator();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    static final List<String> ENGLISH = List.of("name", "idNumber", "gender", "phone", "university", "major", "degree",
            "graduationYear", "district", "difficulties", "evidence", "leavingSchoolDate");
    static final List<String> TRADITIONAL = List.of("姓名", "身份證號", "性別", "聯繫電話", "學校", "專業", "學歷", "畢業年份",
            "所屬區縣", "困難類別", "困難情況說明", "預計離校日期");

    static ParsedRow parse(List<String> headerCells, List<String> cells) {
        HandoverHeader header = HandoverHeader.recognise(1, headerCells).orElseThrow();
        return HandoverRowParser.parse(2, cells, header, HandoverKind.STUDENTS_IN_DIFFICULTY);
    }

    static List<String> fields(ParsedRow row) {
        return row.errors().stream().map(HandoverRowParser.RowError::field).toList();
    }

    @Test
    void aRowBecomesTheSingleRegistrationsCommandWhichItsConstraintsAccept() {
        String id = TestGraduates.idNumber("440703", Gender.MALE);
        ParsedRow row = parse(TRADITIONAL,
                with(with(StudentUploadContract.student("黃家豪", id), 9, "低保、殘疾"), 11, "2027年7月15日"));

        assertThat(row.errors()).isEmpty();
        RegisterAssistance command = row.student();
        assertThat(command.idNumber()).isEqualTo(id);
        assertThat(command.degree()).isEqualTo(Degree.BACHELOR);
        assertThat(command.difficulties()).containsExactly(Difficulty.SUBSISTENCE_ALLOWANCE, Difficulty.DISABILITY);
        assertThat(command.evidence()).isEqualTo("低保证明，学院审核");
        assertThat(command.leavingSchoolDate()).isEqualTo(LocalDate.of(2027, 7, 15));
        assertThat(VALIDATOR.validate(command)).isEmpty();
        // the lanes' keys: the graduate the registration makes
        assertThat(row.command().idNumber()).isEqualTo(id);
    }

    @Test
    void theLeavingSchoolDateIsReadAsWrittenOrAsAnExcelDateAndEmptyIsTheUsualDay() {
        List<String> base = StudentUploadContract.student("林子轩");
        for (String written : List.of("2027-07-15", "2027/7/15", "2027.7.15", "20270715", "2027-07-15 00:00:00",
                "46583")) {
            assertThat(parse(ENGLISH, with(base, 11, written)).student().leavingSchoolDate()).as(written)
                    .isEqualTo(LocalDate.of(2027, 7, 15));
        }
        assertThat(parse(ENGLISH, base).student().leavingSchoolDate()).isNull();
        for (String wrong : List.of("2027-02-30", "七月", "15/07/2027")) {
            assertThat(fields(parse(ENGLISH, with(base, 11, wrong)))).as(wrong).containsExactly("leavingSchoolDate");
        }
    }

    @Test
    void aStudentNeedsADifficultyEvidenceAndADistrict() {
        List<String> base = StudentUploadContract.student("周雨桐");
        ParsedRow row = parse(ENGLISH, with(with(with(base, 9, "无"), 10, " "), 8, ""));
        assertThat(fields(row)).containsExactlyInAnyOrder("difficulties", "evidence", "district");
        assertThat(row.student()).isNull();
        assertThat(fields(parse(ENGLISH, with(base, 10, "证".repeat(1001))))).containsExactly("evidence");
        assertThat(fields(parse(ENGLISH, with(base, 9, "贫困生")))).containsExactly("difficulties");
    }

    @Test
    void aStudentsListRequiresTheDifficultyAndEvidenceColumnsAGraduatesListDoesNot() {
        HandoverHeader header = HandoverHeader.recognise(1, HandoverFiles.HEADER_SIMPLIFIED).orElseThrow();
        assertThat(header.missing(HandoverKind.GRADUATES)).isEmpty();
        assertThat(header.missing(HandoverKind.STUDENTS_IN_DIFFICULTY)).containsExactly("困难情况说明");
        HandoverHeader students = HandoverHeader.recognise(1, ENGLISH.subList(0, 9)).orElseThrow();
        assertThat(students.missing(HandoverKind.STUDENTS_IN_DIFFICULTY)).containsExactly("困难类别", "困难情况说明");
    }
}
