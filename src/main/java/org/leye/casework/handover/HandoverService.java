package org.leye.casework.handover;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.leye.casework.assistance.AssistanceService;
import org.leye.casework.audit.AuditLog;
import org.leye.casework.handover.HandoverStore.StoredError;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.shared.SpreadsheetCells;
import org.leye.casework.shared.crypto.PersonalDataCipher;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.shared.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives hand-over files and reports on them. A file is checked as a whole at upload (format,
 * header with every required column of its {@linkplain HandoverKind kind}, a row count within
 * {@link #MAX_ROWS}, no zip bomb); its rows are then processed by {@link HandoverRunner}. The same
 * content uploaded again as the same kind is the same hand-over: its SHA-256 is unique per kind.
 */
@Service
public class HandoverService {

    private static final Logger log = LoggerFactory.getLogger(HandoverService.class);
    /** The most data rows accepted in one file. */
    static final int MAX_ROWS = 200_000;
    /** The most errors returned by {@code GET /api/handovers/{id}}; the file of rejected rows has them all. */
    static final int MAX_ERRORS_SHOWN = 1000;

    private final Handovers handovers;
    private final HandoverStore store;
    private final HandoverRunner runner;
    private final PersonalDataCipher cipher;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AuditLog audit;
    private final HandoverTempFiles tempFiles;
    private final AssistanceService assistance;

    HandoverService(Handovers handovers, HandoverStore store, HandoverRunner runner, PersonalDataCipher cipher,
            MessageSource messages, PlatformTransactionManager transactions, Clock clock, AuditLog audit,
            HandoverTempFiles tempFiles, AssistanceService assistance) {
        this.assistance = assistance;
        this.tempFiles = tempFiles;
        this.handovers = handovers;
        this.store = store;
        this.runner = runner;
        this.cipher = cipher;
        this.messages = messages;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.audit = audit;
    }

    /** The answer to an upload: {@code created} false when the same content was handed over before. */
    public record Received(Long id, HandoverStatus status, boolean created) {
    }

    /** Receives a graduates' file and starts processing its rows in the background. */
    public Received receive(String fileName, InputStream content, CurrentUser caller) throws IOException {
        return receive(HandoverKind.GRADUATES, fileName, content, caller);
    }

    /** Receives a file of the kind and starts processing its rows in the background. */
    public Received receive(HandoverKind kind, String fileName, InputStream content, CurrentUser caller)
            throws IOException {
        Received received = store(kind, fileName, content, caller);
        if (received.created()) {
            runner.start(received.id());
        }
        return received;
    }

    /**
     * Checks and stores a file as a RUNNING hand-over without starting it (also for tests of resuming).
     * The upload is copied to an encrypted temporary file to be hashed and read, never to disk in clear.
     */
    Received store(String fileName, InputStream content, CurrentUser caller) throws IOException {
        return store(HandoverKind.GRADUATES, fileName, content, caller);
    }

    Received store(HandoverKind kind, String fileName, InputStream content, CurrentUser caller) throws IOException {
        try (EncryptedTempFile file = tempFiles.create("handover-upload-")) {
            String hash = copyAndHash(content, file);
            var earlier = handovers.findByKindAndContentHash(kind, hash);
            if (earlier.isPresent()) {
                return again(earlier.get(), caller);
            }
            HandoverFormat format;
            try (InputStream in = file.input()) {
                format = HandoverFormat.detect(in);
            }
            Scan scan = new Scan();
            try (InputStream in = file.input()) {
                format.reader().read(in, scan::row);
            }
            scan.check(kind);
            String header = String.join("\t", scan.header.cells().stream().map(c -> c.replace('\t', ' ')).toList());
            if (header.length() > 2000) {
                header = header.substring(0, 2000);
            }
            String safeName = fileName == null ? null : fileName.substring(0, Math.min(fileName.length(), 255));
            Handover handover = new Handover(kind, hash, safeName, format, scan.total, header, caller, clock.instant());
            try {
                tx.executeWithoutResult(s -> {
                    handovers.saveAndFlush(handover);
                    try (InputStream in = file.input()) {
                        store.saveFile(handover.getId(), in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (DataIntegrityViolationException raced) {
                // the same file uploaded twice at once: the other upload won
                return again(handovers.findByKindAndContentHash(kind, hash).orElseThrow(() -> raced), caller);
            }
            log.info("Hand-over {} ({}) received from {}: {} rows, {}", handover.getId(), kind, caller.username(),
                    scan.total, format);
            return new Received(handover.getId(), HandoverStatus.RUNNING, true);
        }
    }

    private static Received again(Handover earlier, CurrentUser caller) {
        if (!earlier.visibleTo(caller)) {
            throw new ConflictException("problem.handover.uploadedByOther", Map.of());
        }
        return new Received(earlier.getId(), earlier.getStatus(), false);
    }

    private static String copyAndHash(InputStream content, EncryptedTempFile file) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(content, sha256); OutputStream out = file.output()) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The header and the number of data rows, read once at upload. */
    private static final class Scan {
        HandoverHeader header;
        int total;

        boolean row(int rowNumber, List<String> cells) {
            if (header == null) {
                header = HandoverHeader.recognise(rowNumber, cells).orElse(null);
                return header != null || rowNumber < HandoverHeader.SEARCH_ROWS;
            }
            if (!HandoverRowParser.blank(cells)) {
                total++;
            }
            return total <= MAX_ROWS;
        }

        void check(HandoverKind kind) {
            if (header == null) {
                throw HandoverFileException.of("problem.handover.noHeader");
            }
            List<String> missing = header.missing(kind);
            if (!missing.isEmpty()) {
                throw HandoverFileException.of("problem.handover.missingColumns", String.join("、", missing));
            }
            if (total == 0) {
                throw HandoverFileException.of("problem.handover.empty");
            }
            if (total > MAX_ROWS) {
                throw HandoverFileException.of("problem.handover.tooManyRows", String.valueOf(MAX_ROWS));
            }
        }
    }

    /** A row's problem as shown: the row in the file, the API field, the message in the caller's language. */
    public record ErrorView(int row, String field, String message) {
    }

    /** {@code GET /api/handovers/{id}}. */
    public record HandoverView(Long id, HandoverKind kind, HandoverStatus status, String fileName, int total,
            int processed, int accepted, int duplicates, int rejected, List<ErrorView> errors, String failure,
            Instant uploadedAt, Instant finishedAt) {
    }

    public HandoverView view(long id, CurrentUser caller, Locale locale) {
        return view(visible(id, caller), locale);
    }

    private HandoverView view(Handover h, Locale locale) {
        long id = h.getId();
        Map<RowOutcome, Integer> counts = store.counts(id);
        int accepted = counts.get(RowOutcome.ACCEPTED);
        int duplicates = counts.get(RowOutcome.DUPLICATE);
        int rejected = counts.get(RowOutcome.REJECTED);
        List<ErrorView> errors = new ArrayList<>();
        for (StoredError e : store.errors(id, MAX_ERRORS_SHOWN)) {
            errors.add(new ErrorView(e.row(), e.field(), message(e, locale)));
        }
        return new HandoverView(h.getId(), h.getKind(), h.getStatus(), h.getFileName(), h.getTotal(),
                accepted + duplicates + rejected, accepted, duplicates, rejected, errors, h.getFailure(),
                h.getUploadedAt(), h.getFinishedAt());
    }

    /** A row's result in a students' upload: the assistance it registered or found, or why it was refused. */
    public record StudentRowView(int row, RowOutcome outcome, Long assistanceId, List<ErrorView> errors) {
    }

    /** {@code GET /api/assistance/uploads/{id}}: the hand-over and the result of each of its first rows. */
    public record StudentUploadView(HandoverView upload, List<StudentRowView> rows) {
    }

    /**
     * A students' upload with each row's result (the first {@value #MAX_ERRORS_SHOWN} rows); 404 for
     * a graduates' hand-over, as for one the caller may not see.
     */
    public StudentUploadView studentUpload(long id, CurrentUser caller, Locale locale) {
        Handover h = visible(id, caller);
        if (h.getKind() != HandoverKind.STUDENTS_IN_DIFFICULTY) {
            throw new NotFoundException("handover", id);
        }
        HandoverView upload = view(h, locale);
        Map<Integer, List<ErrorView>> errorsByRow = new HashMap<>();
        upload.errors().forEach(e -> errorsByRow.computeIfAbsent(e.row(), r -> new ArrayList<>()).add(e));
        List<StudentRowView> rows = new ArrayList<>();
        for (HandoverStore.StoredRow r : store.rows(id, MAX_ERRORS_SHOWN)) {
            Long assistanceId = r.graduateId() == null ? null
                    : assistance.ofGraduate(r.graduateId(), caller).orElse(null);
            rows.add(new StudentRowView(r.row(), r.outcome(), assistanceId, errorsByRow.getOrDefault(r.row(), List.of())));
        }
        return new StudentUploadView(upload, rows);
    }

    /**
     * Writes the rejected rows as CSV in UTF-8 with a byte-order mark (so that Excel opens it
     * correctly): the file's own header plus an error column, one line per rejected row, ready to
     * be corrected and uploaded again. Every cell is neutralised ({@link SpreadsheetCells#neutralise}):
     * the cells are what someone typed, and the reader drops the prefix again on upload. The rows hold
     * whole ID numbers and phones: the download is in the audit log when it ends, however it ends,
     * with the rows written.
     */
    void writeRejected(long id, CurrentUser caller, Locale locale, OutputStream out) throws IOException {
        Handover h = visible(id, caller);
        int[] rows = { 0 };
        try {
            writeRejected(h, locale, out, rows);
        } finally {
            audit.recordExport(caller.username(), "handover.rejected", "handover=" + id, rows[0]);
        }
    }

    private void writeRejected(Handover h, Locale locale, OutputStream out, int[] rows) throws IOException {
        long id = h.getId();
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        List<String> header = new ArrayList<>(Arrays.asList(h.getHeader().split("\t", -1)));
        int columns = header.size();
        header.add(messages.getMessage("validation.handover.errorColumn", null, "错误", locale));
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
        csv.printRecord(header.stream().map(SpreadsheetCells::neutralise).toList());
        store.rejectedRows(id, r -> {
            List<String> cells = new ArrayList<>(r.cellsEnc() == null ? List.of()
                    : Arrays.asList(cipher.decrypt(r.cellsEnc(), HandoverStore.CELLS_COLUMN).split("\t", -1)));
            while (cells.size() < columns) {
                cells.add("");
            }
            List<String> line = new ArrayList<>(cells.subList(0, Math.max(columns, 0)));
            List<String> problems = new ArrayList<>();
            for (StoredError e : r.errors()) {
                problems.add(label(e.field()) + "：" + message(e, locale));
            }
            line.add(String.join("；", problems));
            try {
                csv.printRecord(line.stream().map(SpreadsheetCells::neutralise).toList());
                rows[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    /** 404 unless the caller may see the hand-over (before anything of a download is written). */
    void checkVisible(long id, CurrentUser caller) {
        visible(id, caller);
    }

    /** The hand-over if the caller may see it; 404 exactly as for an unknown id otherwise. */
    private Handover visible(long id, CurrentUser caller) {
        return handovers.findById(id).filter(h -> h.visibleTo(caller))
                .orElseThrow(() -> new NotFoundException("handover", id));
    }

    private String message(StoredError e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args().toArray(), e.messageKey(), locale);
    }

    private static String label(String apiName) {
        for (HandoverField f : HandoverField.values()) {
            if (f.apiName().equals(apiName)) {
                return f.label();
            }
        }
        return apiName;
    }
}
