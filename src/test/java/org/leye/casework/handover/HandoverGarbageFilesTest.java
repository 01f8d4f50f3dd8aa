package org.leye.casework.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readers and the row parser on garbage: random bytes, binary files of other kinds, broken
 * zips and spreadsheets, CSV with stray quotes, a valid header over random cells. Each file is
 * either read (rows with errors where cells are wrong) or refused as a whole with a
 * {@link HandoverFileException} (400 with a message); nothing else may escape, since anything else
 * would be a server error at upload. A seeded {@link Random}, so a failure can be replayed.
 */
class HandoverGarbageFilesTest {

    static final long SEED = 5_2026_11_26L;

    @TempDir
    Path dir;

    final Random random = new Random(SEED);
    int tried;
    int refused;

    /** Reads a file as the upload does (format, header, every row parsed); the outcome for the count. */
    void read(byte[] content) throws IOException {
        tried++;
        Path file = dir.resolve("f" + tried);
        Files.write(file, content);
        HandoverHeader[] header = new HandoverHeader[1];
        try {
            HandoverFiles.read(file, (n, cells) -> {
                if (header[0] == null) {
                    header[0] = HandoverHeader.recognise(n, cells).orElse(null);
                } else if (!HandoverRowParser.blank(cells)) {
                    HandoverRowParser.ParsedRow row = HandoverRowParser.parse(n, cells, header[0]);
                    assertThat(row.rowNumber()).isEqualTo(n);
                }
                return n < 5_000;
            });
        } catch (HandoverFileException expected) {
            refused++;
        }
    }

    byte[] randomBytes(int max) {
        byte[] bytes = new byte[random.nextInt(max)];
        random.nextBytes(bytes);
        return bytes;
    }

    @Test
    void randomBytesAreReadOrRefusedNeverThrowingAnythingElse() throws IOException {
        for (int i = 0; i < 300; i++) {
            read(randomBytes(i < 250 ? 2_000 : 200_000));
        }
        report("random bytes");
    }

    @Test
    void textWithStrayQuotesAndControlCharactersIsReadOrRefused() throws IOException {
        String alphabet = "\"\",,,\n\r\t\\'; 姓名身份证号联系电话学校学历毕业年份所属区县\u0000\u001F\uFEFF\u3000ab12X";
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder(i % 2 == 0 ? String.join(",", HandoverFiles.HEADER_SIMPLIFIED) + "\n" : "");
            int length = random.nextInt(3_000);
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            read(text.toString().getBytes(i % 3 == 0 ? CsvSheetReader.GB18030 : StandardCharsets.UTF_8));
        }
        report("CSV text with stray quotes");
    }

    @Test
    void binaryFilesOfOtherKindsAreReadOrRefused() throws IOException {
        List<byte[]> files = List.of(
                concat(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, randomBytes(5_000)),
                concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), randomBytes(5_000)),
                concat(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 },
                        randomBytes(5_000)),
                concat(new byte[] { 'P', 'K', 3, 4 }, randomBytes(5_000)),
                new byte[] { 'P', 'K', 3, 4 },
                zip("[Content_Types].xml", randomBytes(3_000)),
                zip("xl/workbook.xml", "<workbook><sheets><sheet".getBytes(StandardCharsets.UTF_8)),
                zip("word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8)),
                new byte[] { (byte) 0xFF, (byte) 0xFE, 'a', 0, ',', 0, 'b', 0 },
                new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
                new byte[0]);
        for (byte[] file : files) {
            read(file);
        }
        for (int i = 0; i < 100; i++) {
            read(zip("xl/worksheets/sheet1.xml", randomBytes(4_000)));
        }
        report("binary and broken zip files");
    }

    void report(String what) {
        System.out.printf("HOSTILE INPUT: hand-over files, %s: %d tried, %d refused as a whole (400), 0 other exceptions%n",
                what, tried, refused);
        assertThat(tried).isPositive();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] zip(String entry, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
