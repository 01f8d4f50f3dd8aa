package org.leye.casework.handover;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.leye.casework.graduates.Gender;
import org.leye.casework.support.TestGraduates;

/** Realistic hand-over files, generated: the kinds that universities send. */
final class HandoverFiles {

    static final List<String> HEADER_SIMPLIFIED = List.of("姓名", "身份证号", "性别", "联系电话", "学校", "专业", "学历",
            "毕业年份", "所属区县", "困难类别", "就业意愿");
    static final List<String> HEADER_TRADITIONAL = List.of("姓名", "身份證號", "性別", "聯繫電話", "學校", "專業", "學歷",
            "畢業年份", "所屬區縣", "困難類別", "就業意願");

    private HandoverFiles() {
    }

    /** Reads a file as the hand-over does: its format from its first bytes, then its rows from its start. */
    static void read(java.nio.file.Path file, SheetReader.RowSink sink) throws IOException {
        HandoverFormat format;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            format = HandoverFormat.detect(in);
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            format.reader().read(in, sink);
        }
    }

    /** A valid row of a 五邑大学 graduate living in 蓬江区 (female, so that the ID agrees). */
    static List<String> row(String name) {
        return row(name, TestGraduates.idNumber("440703", Gender.FEMALE));
    }

    static List<String> row(String name, String idNumber) {
        return new ArrayList<>(List.of(name, idNumber, "女", TestGraduates.phone(), "五邑大学", "会计学", "本科", "2023",
                "蓬江区", "", "是"));
    }

    static List<String> with(List<String> row, int column, String value) {
        List<String> copy = new ArrayList<>(row);
        copy.set(column, value);
        return copy;
    }

    static byte[] csv(List<String> header, List<List<String>> rows, Charset charset, boolean bom) {
        StringBuilder sb = new StringBuilder();
        sb.append(line(header));
        for (List<String> r : rows) {
            sb.append(line(r));
        }
        byte[] body = sb.toString().getBytes(charset);
        if (!bom) {
            return body;
        }
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    private static String line(List<String> cells) {
        List<String> quoted = new ArrayList<>();
        for (String c : cells) {
            quoted.add(c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return String.join(",", quoted) + "\r\n";
    }

    /**
     * An .xlsx as a university sends it: a title row merged across the sheet above the header,
     * the school merged down over all data rows, and the graduation year as a date cell.
     * A cell of {@code null} is left empty; a row of nulls is a blank row.
     */
    static byte[] xlsx(String title, List<String> header, List<List<String>> rows, boolean schoolMerged,
            boolean yearAsDate) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("移交名单");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            int r = 0;
            if (title != null) {
                sheet.createRow(r++).createCell(0).setCellValue(title);
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, header.size() - 1));
            }
            Row h = sheet.createRow(r++);
            for (int c = 0; c < header.size(); c++) {
                h.createCell(c).setCellValue(header.get(c));
            }
            int firstData = r;
            int schoolColumn = header.indexOf("学校") >= 0 ? header.indexOf("学校") : header.indexOf("學校");
            int yearColumn = header.indexOf("毕业年份") >= 0 ? header.indexOf("毕业年份") : header.indexOf("畢業年份");
            for (List<String> data : rows) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < data.size(); c++) {
                    String v = data.get(c);
                    if (v == null || (schoolMerged && c == schoolColumn && r > firstData)) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (yearAsDate && c == yearColumn && v.matches("\\d{4}")) {
                        cell.setCellValue(LocalDate.of(Integer.parseInt(v), 6, 30));
                        cell.setCellStyle(date);
                    } else if (v.matches("\\d\\.\\d+E\\+\\d+")) {
                        cell.setCellValue(Double.parseDouble(v));
                    } else {
                        cell.setCellValue(v);
                    }
                }
                r++;
            }
            if (schoolMerged && rows.size() > 1) {
                sheet.addMergedRegion(new CellRangeAddress(firstData, r - 1, schoolColumn, schoolColumn));
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /**
     * An .xlsx whose worksheet is written by hand: {@code sheetData} the rows' XML (cells as inline
     * strings, see {@link #inlineRow}) and {@code mergeCells} the {@code <mergeCell ref=.../>} elements.
     */
    static byte[] xlsxSheet(CharSequence sheetData, CharSequence mergeCells) throws IOException {
        return rewriteSheet(xlsx(null, HEADER_SIMPLIFIED, List.of(row("占位")), false, false), xml -> {
            int from = xml.indexOf("<sheetData");
            int to = xml.indexOf("</sheetData>") + "</sheetData>".length();
            String merged = mergeCells.isEmpty() ? "" : "<mergeCells>" + mergeCells + "</mergeCells>";
            return xml.substring(0, from) + "<sheetData>" + sheetData + "</sheetData>" + merged + xml.substring(to);
        });
    }

    /** A row of inline-string cells from column A, for {@link #xlsxSheet}; null cells are left out. */
    static String inlineRow(int rowNumber, List<String> cells) {
        StringBuilder xml = new StringBuilder("<row r=\"").append(rowNumber).append("\">");
        for (int c = 0; c < cells.size(); c++) {
            if (cells.get(c) != null) {
                xml.append("<c r=\"").append(org.apache.poi.ss.util.CellReference.convertNumToColString(c))
                        .append(rowNumber).append("\" t=\"inlineStr\"><is><t>").append(cells.get(c))
                        .append("</t></is></c>");
            }
        }
        return xml.append("</row>").toString();
    }

    /** The same package with its first worksheet's XML changed. */
    static byte[] rewriteSheet(byte[] xlsx, java.util.function.UnaryOperator<String> edit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    data = edit.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setLastModifiedTime(java.nio.file.attribute.FileTime.from(java.time.LocalDateTime.of(2023, 7, 1, 0, 0)
                        .toInstant(ZoneOffset.UTC)));
                zip.putNextEntry(copy);
                zip.write(data);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A valid .xlsx whose worksheet is padded with megabytes of white space: it inflates over 100 times. */
    static byte[] zipBomb() throws IOException {
        byte[] valid = xlsx(null, HEADER_SIMPLIFIED, List.of(row("炸弹")), false, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(valid));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData");
                    xml = xml.substring(0, at) + " ".repeat(30 * 1024 * 1024) + xml.substring(at);
                    data = xml.getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setLastModifiedTime(java.nio.file.attribute.FileTime.from(java.time.LocalDateTime.of(2023, 7, 1, 0, 0)
                        .toInstant(ZoneOffset.UTC)));
                zip.putNextEntry(copy);
                zip.write(data);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
