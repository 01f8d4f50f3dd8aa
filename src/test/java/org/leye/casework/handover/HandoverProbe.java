package org.leye.casework.handover;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

import org.leye.casework.graduates.Gender;
import org.leye.casework.graduates.SyntheticResidentIds;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.support.TestGraduates;
import org.springframework.context.ApplicationContext;

/** For the benchmark: one hand-over file of n fresh rows through the service, timed until DONE. */
public final class HandoverProbe {

    private HandoverProbe() {
    }

    /** Rows per second, registration and case start included. */
    public static double rowsPerSecond(ApplicationContext context, int rows, CurrentUser uploader) throws Exception {
        HandoverService service = context.getBean(HandoverService.class);
        Path file = Files.createTempFile("handover-bench", ".csv");
        Random random = new Random(TestGraduates.SEED);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("姓名,身份证号,性别,联系电话,学校,专业,学历,毕业年份,所属区县,困难类别,就业意愿\n");
            for (int i = 0; i < rows; i++) {
                Gender gender = i % 2 == 0 ? Gender.MALE : Gender.FEMALE;
                LocalDate birth = LocalDate.of(1999 + random.nextInt(5), 1 + random.nextInt(12), 1 + random.nextInt(28));
                String id = SyntheticResidentIds.next(random, "440703", birth, gender);
                out.write("移交" + i + "," + id + "," + (gender == Gender.MALE ? "男" : "女") + ",138"
                        + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000)) + ",五邑大学,会计学,本科,2023,440703,"
                        + (i % 6 == 0 ? "低保家庭" : "") + ",是\n");
            }
        }
        long start = System.nanoTime();
        HandoverService.Received received;
        try (InputStream in = Files.newInputStream(file)) {
            received = service.receive("bench.csv", in, uploader);
        }
        HandoverService.HandoverView view;
        do {
            Thread.sleep(50);
            view = service.view(received.id(), uploader, Locale.SIMPLIFIED_CHINESE);
        } while (view.status() == HandoverStatus.RUNNING);
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.deleteIfExists(file);
        if (view.accepted() + view.duplicates() != rows) {
            throw new IllegalStateException("hand-over accepted " + view.accepted() + " and rejected " + view.rejected()
                    + " of " + rows + ": " + view.errors());
        }
        return rows / seconds;
    }

    /**
     * For the benchmark: writes an .xlsx hand-over file of {@code rows} rows (strings in a shared-strings
     * table, as Excel writes them) and reads it with {@link XlsxSheetReader}, forcing a collection
     * every tenth of the way to sample the heap still in use. Returns {live heap MiB at most over the
     * samples, minus before reading; seconds to read once more without the samples; file size MiB}.
     */
    public static double[] xlsxReadHeap(int rows) throws Exception {
        Path plain = Files.createTempFile("handover-bench", ".xlsx");
        // read as the hand-over reads it: from an encrypted temporary copy, decrypted as it is read
        try (EncryptedTempFile file = new HandoverTempFiles().create("handover-bench-")) {
            writeXlsx(plain, rows);
            try (java.io.OutputStream out = file.output()) {
                Files.copy(plain, out);
            }
            java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            long[] peak = { 0 };
            int every = Math.max(1, rows / 10);
            int[] seen = { 0 };
            long start = System.nanoTime();
            try (InputStream in = file.input()) {
                new XlsxSheetReader().read(in, (n, cells) -> true);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (InputStream in = file.input()) {
                new XlsxSheetReader().read(in, (n, cells) -> {
                    if (++seen[0] % every == 0) {
                        System.gc();
                        peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
                    }
                    return true;
                });
            }
            if (seen[0] < rows) {
                throw new IllegalStateException("read " + seen[0] + " rows of " + rows);
            }
            return new double[] { Math.max(0, peak[0] - before) / (1024.0 * 1024), seconds,
                    Files.size(plain) / (1024.0 * 1024) };
        } finally {
            Files.deleteIfExists(plain);
        }
    }

    private static void writeXlsx(Path file, int rows) throws IOException {
        Random random = new Random(rows);
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(), 200, true, true);
                var out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("名单");
            String[] header = { "姓名", "身份证号", "性别", "联系电话", "学校", "专业", "学历", "毕业年份", "所属区县", "困难类别", "就业意愿" };
            var h = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            for (int i = 0; i < rows; i++) {
                Gender gender = i % 2 == 0 ? Gender.MALE : Gender.FEMALE;
                LocalDate birth = LocalDate.of(1999 + random.nextInt(5), 1 + random.nextInt(12), 1 + random.nextInt(28));
                String[] cells = { "移交" + i, SyntheticResidentIds.next(random, "440703", birth, gender),
                        gender == Gender.MALE ? "男" : "女",
                        "138" + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000)), "五邑大学", "会计学",
                        "本科", "2023", "440703", i % 6 == 0 ? "低保家庭" : "", "是" };
                var r = sheet.createRow(i + 1);
                for (int c = 0; c < cells.length; c++) {
                    r.createCell(c).setCellValue(cells[c]);
                }
            }
            wb.write(out);
            wb.dispose();
        }
    }
}
