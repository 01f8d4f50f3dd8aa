package org.leye.casework.handover;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.leye.casework.assistance.RegisterAssistance;
import org.leye.casework.graduates.Degree;
import org.leye.casework.graduates.Difficulty;
import org.leye.casework.graduates.Gender;
import org.leye.casework.graduates.Phones;
import org.leye.casework.graduates.RegisterGraduate;
import org.leye.casework.graduates.ResidentIds;
import org.leye.casework.graduates.Source;

/**
 * Turns the cells of one data row into the same command as {@code POST /api/graduates} (a
 * {@linkplain HandoverKind#STUDENTS_IN_DIFFICULTY students' file}: as {@code POST /api/assistance},
 * with the same constraints), or into the reasons it cannot be (field and message key per problem).
 * Checks here what the file's cells can get wrong; the registry then checks what needs the
 * database (district, scope).
 */
final class HandoverRowParser {

    /** An ID number that Excel stored as a number and shows as {@code 4.40703E+17}. */
    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9](\\.[0-9]+)?[eE][+]?[0-9]+");
    private static final Pattern YEAR = Pattern.compile("(19|20)[0-9]{2}");
    private static final Pattern DATE_PREFIX = Pattern.compile("((?:19|20)[0-9]{2})\\s*(?:[-/.年]\\s*[0-9]{1,2}.*|[0-9]{2,4})");
    private static final Pattern SERIAL = Pattern.compile("[0-9]{5}(\\.[0-9]+)?");
    /** A day written out: 2026-07-15, 2026/7/15, 2026.7.15, 2026年7月15日, optionally with a time after it. */
    private static final Pattern DAY = Pattern.compile(
            "((?:19|20)[0-9]{2})\\s*[-/.年]\\s*([0-9]{1,2})\\s*[-/.月]\\s*([0-9]{1,2})\\s*日?(?:[\\sT][0-9:.]+)?");
    private static final Pattern COMPACT_DAY = Pattern.compile("((?:19|20)[0-9]{2})([0-9]{2})([0-9]{2})");
    /** The sizes of {@link RegisterAssistance}'s fields that a graduate's row does not have. */
    private static final int MAX_DISTRICT = 32;
    private static final int MAX_EVIDENCE = 1000;
    private static final Pattern SEPARATORS = Pattern.compile("[、,;\\s/|]+");
    /** Day 0 of Excel's 1900 date system (with its leap-year quirk, serials after February 1900). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private static final Map<String, Degree> DEGREES = Map.ofEntries(
            Map.entry("博士", Degree.DOCTORATE), Map.entry("博士研究生", Degree.DOCTORATE), Map.entry("doctorate", Degree.DOCTORATE),
            Map.entry("硕士", Degree.MASTER), Map.entry("硕士研究生", Degree.MASTER), Map.entry("研究生", Degree.MASTER),
            Map.entry("master", Degree.MASTER),
            Map.entry("本科", Degree.BACHELOR), Map.entry("大学本科", Degree.BACHELOR), Map.entry("学士", Degree.BACHELOR),
            Map.entry("bachelor", Degree.BACHELOR),
            Map.entry("专科", Degree.ASSOCIATE), Map.entry("大专", Degree.ASSOCIATE), Map.entry("高职", Degree.ASSOCIATE),
            Map.entry("高职专科", Degree.ASSOCIATE), Map.entry("associate", Degree.ASSOCIATE));

    private static final Map<String, Difficulty> DIFFICULTIES = Map.ofEntries(
            Map.entry("脱贫家庭", Difficulty.POVERTY_ALLEVIATED), Map.entry("脱贫", Difficulty.POVERTY_ALLEVIATED),
            Map.entry("脱贫户", Difficulty.POVERTY_ALLEVIATED), Map.entry("poverty_alleviated", Difficulty.POVERTY_ALLEVIATED),
            Map.entry("低保家庭", Difficulty.SUBSISTENCE_ALLOWANCE), Map.entry("低保", Difficulty.SUBSISTENCE_ALLOWANCE),
            Map.entry("低保户", Difficulty.SUBSISTENCE_ALLOWANCE),
            Map.entry("subsistence_allowance", Difficulty.SUBSISTENCE_ALLOWANCE),
            Map.entry("零就业家庭", Difficulty.ZERO_EMPLOYMENT), Map.entry("零就业", Difficulty.ZERO_EMPLOYMENT),
            Map.entry("zero_employment", Difficulty.ZERO_EMPLOYMENT),
            Map.entry("残疾", Difficulty.DISABILITY), Map.entry("残疾人", Difficulty.DISABILITY),
            Map.entry("残疾学生", Difficulty.DISABILITY), Map.entry("disability", Difficulty.DISABILITY),
            Map.entry("其他", Difficulty.OTHER), Map.entry("其它", Difficulty.OTHER), Map.entry("other", Difficulty.OTHER));

    private static final Set<String> NO_DIFFICULTY = Set.of("无", "否", "/", "-", "none");
    private static final Set<String> YES = Set.of("是", "有", "y", "yes", "true", "1", "愿意");
    private static final Set<String> NO = Set.of("否", "无", "n", "no", "false", "0", "不愿意");

    private HandoverRowParser() {
    }

    /** One problem with a row: the API field, a message key and its arguments. */
    record RowError(String field, String messageKey, List<String> args) {
        static RowError of(HandoverField field, String key, Object... args) {
            List<String> texts = new ArrayList<>();
            for (Object a : args) {
                texts.add(String.valueOf(a));
            }
            return new RowError(field.apiName(), key, List.copyOf(texts));
        }
    }

    /**
     * A data row read: the command when it could be built (the graduate, also for a student's row:
     * it gives the {@linkplain Lanes lanes} their keys), a student's registration in a students'
     * file, the normalised ID number when it is valid (for the duplicate check), and the problems
     * found.
     */
    record ParsedRow(int rowNumber, List<String> cells, RegisterGraduate command, RegisterAssistance student,
            String idNumber, List<RowError> errors) {

        ParsedRow(int rowNumber, List<String> cells, RegisterGraduate command, String idNumber, List<RowError> errors) {
            this(rowNumber, cells, command, null, idNumber, errors);
        }

        boolean valid() {
            return errors.isEmpty();
        }
    }

    /** Whether every cell of the row is blank: blank rows are skipped and get no result. */
    static boolean blank(List<String> cells) {
        for (String c : cells) {
            if (!Cells.clean(c).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** A row of a graduates' hand-over. */
    static ParsedRow parse(int rowNumber, List<String> cells, HandoverHeader header) {
        return parse(rowNumber, cells, header, HandoverKind.GRADUATES);
    }

    static ParsedRow parse(int rowNumber, List<String> cells, HandoverHeader header, HandoverKind kind) {
        boolean students = kind == HandoverKind.STUDENTS_IN_DIFFICULTY;
        List<RowError> errors = new ArrayList<>();

        String name = header.cell(cells, HandoverField.NAME);
        if (name.isEmpty()) {
            errors.add(RowError.of(HandoverField.NAME, "validation.required"));
        } else if (name.length() > 64) {
            errors.add(RowError.of(HandoverField.NAME, "validation.handover.tooLong", 64));
        }

        String idNumber = idNumber(header.cell(cells, HandoverField.ID_NUMBER), errors);

        Gender gender = null;
        String genderCell = Cells.key(header.cell(cells, HandoverField.GENDER));
        switch (genderCell) {
            case "" -> { }
            case "男", "m", "male" -> gender = Gender.MALE;
            case "女", "f", "female" -> gender = Gender.FEMALE;
            default -> errors.add(RowError.of(HandoverField.GENDER, "validation.handover.gender"));
        }

        String phone = Phones.normalize(header.cell(cells, HandoverField.PHONE));
        if (phone.isEmpty()) {
            errors.add(RowError.of(HandoverField.PHONE, "validation.required"));
        } else if (!Phones.isValid(phone)) {
            errors.add(RowError.of(HandoverField.PHONE, "validation.handover.phone"));
        }

        String university = header.cell(cells, HandoverField.UNIVERSITY);
        if (university.isEmpty()) {
            errors.add(RowError.of(HandoverField.UNIVERSITY, "validation.required"));
        } else if (university.length() > 64) {
            errors.add(RowError.of(HandoverField.UNIVERSITY, "validation.handover.tooLong", 64));
        }

        String major = header.cell(cells, HandoverField.MAJOR);
        if (major.length() > 64) {
            errors.add(RowError.of(HandoverField.MAJOR, "validation.handover.tooLong", 64));
        }

        Degree degree = null;
        String degreeCell = Cells.key(header.cell(cells, HandoverField.DEGREE));
        if (degreeCell.isEmpty()) {
            errors.add(RowError.of(HandoverField.DEGREE, "validation.required"));
        } else {
            degree = DEGREES.get(degreeCell);
            if (degree == null) {
                errors.add(RowError.of(HandoverField.DEGREE, "validation.handover.degree"));
            }
        }

        Integer year = graduationYear(header.cell(cells, HandoverField.GRADUATION_YEAR), errors);

        String district = header.cell(cells, HandoverField.DISTRICT);
        if (students && district.isEmpty()) {
            errors.add(RowError.of(HandoverField.DISTRICT, "validation.required"));
        } else if (students && district.length() > MAX_DISTRICT) {
            errors.add(RowError.of(HandoverField.DISTRICT, "validation.handover.tooLong", MAX_DISTRICT));
        }

        Set<Difficulty> difficulties = new LinkedHashSet<>();
        String difficultyCell = Cells.key(header.cell(cells, HandoverField.DIFFICULTIES).replace('，', ',').replace('；', ';'));
        if (!difficultyCell.isEmpty() && !NO_DIFFICULTY.contains(difficultyCell)) {
            for (String part : SEPARATORS.split(Cells.clean(header.cell(cells, HandoverField.DIFFICULTIES)))) {
                String k = Cells.key(part);
                if (k.isEmpty()) {
                    continue;
                }
                Difficulty d = DIFFICULTIES.get(k);
                if (d == null) {
                    errors.add(RowError.of(HandoverField.DIFFICULTIES, "validation.handover.difficulty", part));
                } else {
                    difficulties.add(d);
                }
            }
        }

        if (students && difficulties.isEmpty() && errors.stream().noneMatch(
                e -> e.field().equals(HandoverField.DIFFICULTIES.apiName()))) {
            errors.add(RowError.of(HandoverField.DIFFICULTIES, "validation.handover.difficultyRequired"));
        }
        if (students) {
            String evidence = header.text(cells, HandoverField.EVIDENCE);
            if (evidence.isEmpty()) {
                errors.add(RowError.of(HandoverField.EVIDENCE, "validation.required"));
            } else if (evidence.length() > MAX_EVIDENCE) {
                errors.add(RowError.of(HandoverField.EVIDENCE, "validation.handover.tooLong", MAX_EVIDENCE));
            }
            LocalDate leaving = leavingSchoolDate(header.cell(cells, HandoverField.LEAVING_SCHOOL_DATE), errors);
            if (!errors.isEmpty()) {
                return new ParsedRow(rowNumber, cells, null, null, idNumber, List.copyOf(errors));
            }
            RegisterAssistance student = new RegisterAssistance(name, idNumber, gender, phone, university,
                    major.isEmpty() ? null : major, degree, year, district, null, List.copyOf(difficulties), evidence,
                    leaving);
            // the graduate the registration makes, as the lanes need it (willing: a student in assistance wants a job)
            RegisterGraduate graduate = new RegisterGraduate(name, idNumber, gender, phone, university,
                    student.major(), degree, year, district, null, student.difficulties(), Source.ASSISTANCE, true);
            return new ParsedRow(rowNumber, cells, graduate, student, idNumber, List.of());
        }

        Boolean willing = null;
        String willingCell = Cells.key(header.cell(cells, HandoverField.WILLING_TO_WORK));
        if (willingCell.isEmpty()) {
            willing = null; // unconfirmed: only an explicit yes is willing; first contact establishes it
        } else if (YES.contains(willingCell)) {
            willing = Boolean.TRUE;
        } else if (NO.contains(willingCell)) {
            willing = Boolean.FALSE;
        } else {
            errors.add(RowError.of(HandoverField.WILLING_TO_WORK, "validation.handover.willing"));
        }

        RegisterGraduate command = errors.isEmpty()
                ? new RegisterGraduate(name, idNumber, gender, phone, university, major.isEmpty() ? null : major, degree,
                        year, district.isEmpty() ? null : district, null, List.copyOf(difficulties), Source.HANDOVER,
                        willing)
                : null;
        return new ParsedRow(rowNumber, cells, command, idNumber, List.copyOf(errors));
    }

    /**
     * The day the student leaves school: empty is the usual day of the graduation year; a day
     * written out (2026-07-15, 2026/7/15, 2026年7月15日, 20260715) or an Excel serial date (a date
     * cell exported as a number); anything else is the row's error.
     */
    private static LocalDate leavingSchoolDate(String cell, List<RowError> errors) {
        String c = cell.strip();
        if (c.isEmpty()) {
            return null;
        }
        try {
            Matcher day = DAY.matcher(c);
            Matcher compact = COMPACT_DAY.matcher(c);
            if (day.matches()) {
                return LocalDate.of(Integer.parseInt(day.group(1)), Integer.parseInt(day.group(2)),
                        Integer.parseInt(day.group(3)));
            }
            if (compact.matches()) {
                return LocalDate.of(Integer.parseInt(compact.group(1)), Integer.parseInt(compact.group(2)),
                        Integer.parseInt(compact.group(3)));
            }
            if (SERIAL.matcher(c).matches()) {
                return EXCEL_EPOCH.plusDays((long) Double.parseDouble(c));
            }
        } catch (DateTimeException notADay) {
            // 2026-02-30 and the like: said below
        }
        errors.add(RowError.of(HandoverField.LEAVING_SCHOOL_DATE, "validation.handover.date"));
        return null;
    }

    /** The normalised ID number, or null with the reason added. */
    private static String idNumber(String cell, List<RowError> errors) {
        if (cell.isEmpty()) {
            errors.add(RowError.of(HandoverField.ID_NUMBER, "validation.required"));
            return null;
        }
        if (SCIENTIFIC.matcher(cell).matches()) {
            errors.add(RowError.of(HandoverField.ID_NUMBER, "validation.handover.idNumberAsNumber"));
            return null;
        }
        String normalized = ResidentIds.normalize(cell);
        if (normalized.length() == 18 && normalized.endsWith("000") && normalized.chars().allMatch(Character::isDigit)
                && !ResidentIds.isValid(normalized)) {
            // Excel kept 15 significant digits and padded with zeros
            errors.add(RowError.of(HandoverField.ID_NUMBER, "validation.handover.idNumberAsNumber"));
            return null;
        }
        if (!ResidentIds.isValid(normalized)) {
            errors.add(RowError.of(HandoverField.ID_NUMBER, "validation.handover.idNumber"));
            return null;
        }
        return normalized;
    }

    /**
     * A year (2023), a date written out (2023-06-30, 2023/6/30, 2023年6月, 202306) or an Excel
     * serial date (45107, a date cell exported as a number) gives its year.
     */
    private static Integer graduationYear(String cell, List<RowError> errors) {
        String c = cell.strip();
        if (c.isEmpty()) {
            errors.add(RowError.of(HandoverField.GRADUATION_YEAR, "validation.required"));
            return null;
        }
        if (c.endsWith(".0")) {
            c = c.substring(0, c.length() - 2);
        }
        if (c.endsWith("年") || c.endsWith("届")) {
            c = c.substring(0, c.length() - 1).strip();
        }
        Integer year = null;
        Matcher date = DATE_PREFIX.matcher(c);
        if (YEAR.matcher(c).matches()) {
            year = Integer.valueOf(c);
        } else if (date.matches()) {
            year = Integer.valueOf(date.group(1));
        } else if (SERIAL.matcher(c).matches()) {
            year = EXCEL_EPOCH.plusDays((long) Double.parseDouble(c)).getYear();
        }
        if (year != null && year >= 1990 && year <= 2100) {
            return year;
        }
        errors.add(RowError.of(HandoverField.GRADUATION_YEAR, "validation.handover.graduationYear"));
        return null;
    }
}
