package org.leye.casework.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.leye.casework.handover.HandoverFiles.HEADER_SIMPLIFIED;
import static org.leye.casework.handover.HandoverFiles.inlineRow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leye.casework.assistance.AssistanceService;
import org.leye.casework.audit.AuditLog;
import org.leye.casework.graduates.Gender;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.leye.casework.shared.crypto.PersonalDataCipher;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * No hand-over file sits on disk in clear: the copy of an upload being checked, the copy of a stored
 * file being processed, the parts of an .xlsx package and its shared strings are all encrypted with
 * keys that live only in memory, and deleted afterwards; the multipart upload is never spooled.
 */
@IntegrationTest
class HandoverTempFilesTest {

    @TempDir
    Path dir;

    @Autowired
    AssistanceService assistance;

    @Autowired
    Handovers handovers;

    @Autowired
    HandoverStore store;

    @Autowired
    GraduateRegistry registry;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    EntityManager entities;

    @Autowired
    Clock clock;

    @Autowired
    MessageSource messages;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MultipartProperties multipart;

    final CurrentUser counselor = new CurrentUser("counselor.wyu", "五邑大学辅导员", Role.COUNSELOR, null, "WYU");

    /** The hand-over's temporary files in a directory of the test's, each one's bytes on disk kept as it is deleted. */
    static final class Recording extends HandoverTempFiles {
        final Map<Path, byte[]> deleted = new LinkedHashMap<>();

        Recording(Path directory) {
            super(directory);
        }

        @Override
        void delete(Path file) {
            try {
                deleted.put(file, Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            super.delete(file);
        }
    }

    static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int k = 0; k < n.length; k++) {
                if (haystack[i + k] != n[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void uploadAndRunCopyTheFileOnlyEncryptedAndDeleteTheCopies() throws Exception {
        String name = "密" + TestGraduates.tag();
        String idNumber = TestGraduates.idNumber("440703", Gender.FEMALE);
        byte[] csv = HandoverFiles.csv(HEADER_SIMPLIFIED, List.of(HandoverFiles.row(name, idNumber)),
                StandardCharsets.UTF_8, true);
        assertThat(contains(csv, idNumber) && contains(csv, name)).as("the upload holds them in clear").isTrue();
        Recording files = new Recording(dir);
        HandoverExecutors executors = new HandoverExecutors();
        ThreadPoolTaskExecutor executor = executors.handoverExecutor(1);
        ThreadPoolTaskExecutor laneExecutor = executors.handoverLaneExecutor(1, 1);
        executor.initialize();
        laneExecutor.initialize();
        HandoverRunner runner = new HandoverRunner(handovers, store, registry, cipher, transactions, entities, clock,
                executor, laneExecutor, 1, files, assistance);
        HandoverService service = new HandoverService(handovers, store, runner, cipher, messages, transactions, clock,
                audit, files, assistance);
        try {
            long id = service.store("密.csv", new ByteArrayInputStream(csv), counselor).id();
            runner.run(id, Integer.MAX_VALUE);
        } finally {
            runner.stop();
            executor.destroy();
            laneExecutor.destroy();
        }

        assertThat(jdbc.queryForObject("select count(*) from graduate where name = ?", Integer.class, name))
                .as("the encrypted copies read back whole").isEqualTo(1);
        assertThat(files.deleted).as("the upload's copy and the run's").hasSize(2);
        files.deleted.forEach((file, bytes) -> {
            assertThat(file.getFileName().toString()).startsWith("handover-");
            assertThat(bytes).as("AES-CTR: as long as the file").hasSize(csv.length);
            assertThat(contains(bytes, idNumber)).as("ID number in clear in " + file).isFalse();
            assertThat(contains(bytes, name)).as("name in clear in " + file).isFalse();
        });
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void xlsxPartsAndSharedStringsAreEncryptedWhileTheFileIsReadAndDeletedAfterwards() throws Exception {
        String name = "密" + TestGraduates.tag();
        String idNumber = TestGraduates.idNumber("440703", Gender.FEMALE);
        List<String> row = HandoverFiles.row(name, idNumber);
        byte[] sharedStrings = HandoverFiles.xlsx(null, HEADER_SIMPLIFIED, List.of(row), false, false);
        byte[] inlineStrings = HandoverFiles.xlsxSheet(inlineRow(1, HEADER_SIMPLIFIED) + inlineRow(2, row), "");

        for (byte[] xlsx : List.of(sharedStrings, inlineStrings)) {
            assertThat(inflatedPartsHold(xlsx, idNumber)).as("a part of the package holds it in clear").isTrue();
            Map<Path, byte[]> whileReading = new LinkedHashMap<>();
            List<List<String>> rows = new ArrayList<>();
            try (EncryptedTempFile file = new HandoverTempFiles(dir).create("handover-")) {
                try (OutputStream out = file.output()) {
                    out.write(xlsx);
                }
                try (InputStream in = file.input()) {
                    new XlsxSheetReader(dir).read(in, (n, cells) -> {
                        if (whileReading.isEmpty()) {
                            try {
                                for (Path p : filesIn(dir)) {
                                    whileReading.put(p, Files.readAllBytes(p));
                                }
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                        rows.add(cells);
                        return true;
                    });
                }
            }

            assertThat(rows.get(1).subList(0, 2)).containsExactly(name, idNumber);
            List<String> names = whileReading.keySet().stream().map(p -> dir.relativize(p).toString()).toList();
            assertThat(names).anyMatch(n -> n.startsWith("handover-") && n.endsWith(".enc"));
            assertThat(names).as("the package's parts").anyMatch(n -> n.startsWith("leye-xlsx-"));
            assertThat(names).as("the shared strings").anyMatch(n -> n.startsWith("leye-sst"));
            whileReading.forEach((file, bytes) -> {
                assertThat(contains(bytes, idNumber)).as("ID number in clear in " + file).isFalse();
                assertThat(contains(bytes, name)).as("name in clear in " + file).isFalse();
            });
            assertThat(filesIn(dir)).isEmpty();
        }
    }

    @Test
    void xlsxRefusedHalfWayThroughLeavesNoTemporaryFileBehind() throws Exception {
        byte[] bomb = HandoverFiles.zipBomb();
        assertThatThrownBy(() -> new XlsxSheetReader(dir).read(new ByteArrayInputStream(bomb), (n, cells) -> true))
                .isInstanceOf(HandoverFileException.class).hasMessage("problem.handover.zipBomb");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void uploadsAreKeptInMemoryUpToTheLimitRatherThanSpooledToDiskInClear() {
        assertThat(multipart.getFileSizeThreshold()).isEqualTo(multipart.getMaxFileSize());
    }

    static boolean inflatedPartsHold(byte[] xlsx, String text) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (contains(zip.readAllBytes(), text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
