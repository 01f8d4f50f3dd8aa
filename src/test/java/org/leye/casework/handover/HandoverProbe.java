package org.leye.casework.handover;

import java.io.BufferedWriter;
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
import org.springframework.context.ApplicationContext;

/** For the benchmark: one hand-over file of n fresh rows through the service, timed until DONE. */
public final class HandoverProbe {

    private HandoverProbe() {
    }

    /** Rows per second, registration and case start included. */
    public static double rowsPerSecond(ApplicationContext context, int rows, CurrentUser uploader) throws Exception {
        HandoverService service = context.getBean(HandoverService.class);
        Path file = Files.createTempFile("handover-bench", ".csv");
        Random random = new Random(System.nanoTime());
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
}
