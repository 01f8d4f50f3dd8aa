package org.leye.casework.handover;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;

import org.leye.casework.assistance.AssistanceService;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.graduates.Source;
import org.leye.casework.handover.HandoverRowParser.ParsedRow;
import org.leye.casework.handover.HandoverRowParser.RowError;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.shared.crypto.PersonalDataCipher;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes the rows of hand-overs in the background, on a small executor of its own.
 *
 * <p>Each data row is registered through {@link GraduateRegistry#register} (which opens the 131
 * case), and its result is written in that same transaction: a row is either registered with its
 * result or neither. The rows are read in batches of {@value #BATCH}; a batch is split into
 * {@linkplain Lanes lanes} (rows that could be duplicates of each other always in the same lane, in
 * file order) registered side by side, each lane's rows in one transaction; a row that fails in it
 * gets a transaction of its own ({@code processTogether}), retried when the database gave up on a
 * lock. The next batch starts when every lane of this one is written. After a restart a RUNNING
 * hand-over resumes with the rows that have no result ({@link #resumeRunning}). Duplicates are
 * looked up for a batch of rows with one query; a repeated ID number gets the source
 * {@code HANDOVER} added and no second case. One bad row never stops the file.
 *
 * <p>A {@linkplain HandoverKind#STUDENTS_IN_DIFFICULTY students' file} goes the same way, each row
 * through {@link AssistanceService#registerListed} (what {@code POST /api/assistance} registers); a
 * student whose ID number has an assistance already is a duplicate, one registered without one a
 * rejected row (their difficulties are recorded on their record instead), nothing is added to them.
 */
@Service
class HandoverRunner {

    private static final Logger log = LoggerFactory.getLogger(HandoverRunner.class);
    static final int BATCH = 100;
    /** Attempts of a row whose transaction the database rolled back for a deadlock or a lock wait. */
    static final int ATTEMPTS = 4;
    /** A rejected row's cells are kept (encrypted) up to this length, for the file of rejected rows. */
    private static final int MAX_CELLS_CHARS = 900;

    private final Handovers handovers;
    private final HandoverStore store;
    private final GraduateRegistry registry;
    private final PersonalDataCipher cipher;
    private final TransactionTemplate tx;
    private final EntityManager entities;
    private final Clock clock;
    /** Bounded: a few threads, a queue of hand-overs ({@link HandoverExecutors}). */
    private final ThreadPoolTaskExecutor executor;
    /** Runs the lanes of a batch beyond the first, which the hand-over's own thread runs. */
    private final ThreadPoolTaskExecutor laneExecutor;
    private final int lanes;
    private final Set<Long> active = ConcurrentHashMap.newKeySet();
    private final HandoverTempFiles tempFiles;
    private final AssistanceService assistance;
    private volatile boolean stopping;

    HandoverRunner(Handovers handovers, HandoverStore store, GraduateRegistry registry, PersonalDataCipher cipher,
            PlatformTransactionManager transactions, EntityManager entities, Clock clock,
            @Qualifier("handoverExecutor") ThreadPoolTaskExecutor executor,
            @Qualifier("handoverLaneExecutor") ThreadPoolTaskExecutor laneExecutor,
            @Value("${leye.handover.lanes:2}") int lanes, HandoverTempFiles tempFiles, AssistanceService assistance) {
        this.assistance = assistance;
        this.handovers = handovers;
        this.tempFiles = tempFiles;
        this.store = store;
        this.registry = registry;
        this.cipher = cipher;
        this.tx = new TransactionTemplate(transactions);
        this.entities = entities;
        this.clock = clock;
        this.executor = executor;
        this.laneExecutor = laneExecutor;
        this.lanes = Math.max(1, lanes);
    }

    /** Processes a hand-over in the background, unless it is already being processed here. */
    void start(long handoverId) {
        if (stopping || !active.add(handoverId)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    run(handoverId, Integer.MAX_VALUE);
                } finally {
                    active.remove(handoverId);
                }
            });
        } catch (RuntimeException rejected) {
            active.remove(handoverId);
            log.warn("Hand-over {} not started now ({}); it stays RUNNING and resumes at the next start",
                    handoverId, rejected.getClass().getSimpleName());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStartUp() {
        int resumed = resumeRunning();
        if (resumed > 0) {
            log.info("Resuming {} hand-over(s) left RUNNING", resumed);
        }
    }

    /** Starts every RUNNING hand-over again, each from its first row without a result. */
    int resumeRunning() {
        List<Handover> running = handovers.findByStatusOrderById(HandoverStatus.RUNNING);
        running.forEach(h -> start(h.getId()));
        return running.size();
    }

    /** Stops between two rows; the hand-overs stay RUNNING and resume at the next start. */
    @PreDestroy
    void stop() {
        stopping = true;
        executor.shutdown(); // waits for the batches in progress, whose lanes run on the lane executor
        laneExecutor.shutdown();
    }

    /**
     * Processes the rows without a result, at most {@code maxRows} of them (fewer only in tests
     * simulating a crash), and marks the hand-over DONE when the file has been read to its end.
     */
    void run(long handoverId, int maxRows) {
        Handover handover = handovers.findById(handoverId).orElse(null);
        if (handover == null || handover.getStatus() != HandoverStatus.RUNNING) {
            return;
        }
        // the stored file, decrypted chunk by chunk, is copied to a temporary file encrypted with a key of its own
        try (EncryptedTempFile file = tempFiles.create("handover-" + handoverId + "-")) {
            boolean present;
            try (OutputStream out = file.output()) {
                present = store.copyFile(handoverId, out);
            }
            if (!present) {
                finish(handoverId, "the uploaded file is no longer stored");
                return;
            }
            Rows rows = new Rows(handover, store.rowsWithResult(handoverId), maxRows);
            try (InputStream in = file.input()) {
                handover.getFormat().reader().read(in, rows::row);
            }
            rows.flush();
            if (rows.stopped) {
                log.info("Hand-over {} paused after row {}", handoverId, rows.lastRow);
                return;
            }
            finish(handoverId, null);
            log.info("Hand-over {} done: {} rows", handoverId, handover.getTotal());
        } catch (IOException | RuntimeException e) {
            if (stopping) {
                log.info("Hand-over {} interrupted by shut-down; it resumes at the next start", handoverId);
                return;
            }
            log.warn("Hand-over {} failed: {}", handoverId, e.getClass().getSimpleName());
            try {
                finish(handoverId, e instanceof HandoverFileException ? e.getMessage() : e.getClass().getSimpleName());
            } catch (RuntimeException again) {
                log.warn("Hand-over {} stays RUNNING: {}", handoverId, again.getClass().getSimpleName());
            }
        }
    }

    /** DONE (failure null) or FAILED; the stored file is deleted either way. */
    private void finish(long handoverId, String failure) {
        tx.executeWithoutResult(s -> {
            Handover h = handovers.findById(handoverId).orElseThrow();
            if (failure == null) {
                h.done(clock.instant());
            } else {
                h.failed(failure, clock.instant());
            }
            store.deleteFile(handoverId);
        });
    }

    /** Reads the header, then collects data rows into batches and processes each batch. */
    private final class Rows {

        private final Handover handover;
        private final CurrentUser uploader;
        /** Rows with a result already, from before a restart: skipped. */
        private final BitSet hadResult;
        private final int maxRows;
        private final List<ParsedRow> batch = new ArrayList<>(BATCH);
        private HandoverHeader header;
        private int done;
        private int lastRow;
        private boolean stopped;

        Rows(Handover handover, BitSet hadResult, int maxRows) {
            this.handover = handover;
            this.uploader = handover.uploader();
            this.hadResult = hadResult;
            this.maxRows = maxRows;
        }

        boolean row(int rowNumber, List<String> cells) {
            if (header == null) {
                header = HandoverHeader.recognise(rowNumber, cells).orElse(null);
                if (header == null && rowNumber >= HandoverHeader.SEARCH_ROWS) {
                    throw HandoverFileException.of("problem.handover.noHeader");
                }
                return true;
            }
            if (hadResult.get(rowNumber) || HandoverRowParser.blank(cells)) {
                return true;
            }
            if (stopping || done >= maxRows) {
                stopped = true;
                return false;
            }
            batch.add(HandoverRowParser.parse(rowNumber, cells, header, handover.getKind()));
            done++;
            if (batch.size() >= BATCH) {
                flush();
            }
            return true;
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<String> idNumbers = new ArrayList<>();
            for (ParsedRow r : batch) {
                if (r.valid()) {
                    idNumbers.add(r.idNumber());
                }
            }
            Map<String, Long> known = new ConcurrentHashMap<>(registry.idsOf(idNumbers));
            List<List<ParsedRow>> split = Lanes.split(batch, lanes);
            List<CompletableFuture<Void>> others = new ArrayList<>();
            for (List<ParsedRow> lane : split.subList(1, split.size())) {
                others.add(CompletableFuture.runAsync(() -> processTogether(lane, known), laneExecutor));
            }
            RuntimeException failure = null;
            try {
                processTogether(split.get(0), known);
            } catch (RuntimeException e) {
                failure = e;
            }
            for (CompletableFuture<Void> lane : others) {
                try {
                    lane.join(); // every lane finishes before the next batch or the end of the file
                } catch (CompletionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : e;
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            lastRow = batch.get(batch.size() - 1).rowNumber();
            batch.clear();
        }

        /**
         * A lane's rows in one transaction, their results with them: one commit for the lane instead
         * of one per row (a commit waits for the database's log to reach the disk). A row that fails
         * in it (an ID number registered meanwhile, a field the registry refuses, a deadlock) rolls
         * the transaction back; the rows before it are written together again, it gets its own
         * transaction (and its result: duplicate or rejected), and the rows after it go on together.
         */
        private void processTogether(List<ParsedRow> rows, Map<String, Long> known) {
            int from = 0;
            while (from < rows.size()) {
                int failed = together(rows.subList(from, rows.size()), known);
                if (failed < 0) {
                    return;
                }
                if (failed > 0 && together(rows.subList(from, from + failed), known) >= 0) {
                    // failing again without the row that failed: each on its own
                    rows.subList(from, from + failed).forEach(r -> process(r, known));
                }
                process(rows.get(from + failed), known);
                from += failed + 1;
            }
        }

        /**
         * Writes the rows and their results in one transaction. Returns -1 when it committed, else the
         * index of the row that failed (nothing written). A failure at commit, after every row was
         * written, falls back to a transaction per row.
         */
        private int together(List<ParsedRow> rows, Map<String, Long> known) {
            if (rows.size() == 1) {
                process(rows.get(0), known);
                return -1;
            }
            Map<String, Long> registered = new HashMap<>();
            int[] at = { 0 };
            try {
                tx.executeWithoutResult(s -> {
                    for (ParsedRow r : rows) {
                        write(r, known, registered);
                        // the row's entities are written and let go: otherwise every flush of the next
                        // rows would check every entity of the rows before them (a sixth of a lane's CPU)
                        entities.flush();
                        entities.clear();
                        at[0]++;
                    }
                });
            } catch (RuntimeException failed) {
                if (at[0] < rows.size()) {
                    return at[0];
                }
                rows.forEach(r -> process(r, known));
                return -1;
            }
            known.putAll(registered);
            return -1;
        }

        /** One row's result in the caller's transaction; throws what the registry throws. */
        private void write(ParsedRow r, Map<String, Long> known, Map<String, Long> registered) {
            if (!r.valid()) {
                writeRejected(r, r.errors());
                return;
            }
            Long existing = known.containsKey(r.idNumber()) ? known.get(r.idNumber()) : registered.get(r.idNumber());
            if (existing != null) {
                writeDuplicate(r, existing);
                return;
            }
            long graduateId = register(r);
            store.saveRow(handover.getId(), r.rowNumber(), RowOutcome.ACCEPTED, graduateId, null);
            registered.put(r.idNumber(), graduateId);
        }

        /**
         * Registers the row as its kind's single registration does, in the caller's transaction:
         * the graduate (and their 131 case), or the student in difficulty and their assistance.
         * Answers the graduate's id; throws what the registration throws.
         */
        private long register(ParsedRow r) {
            return switch (handover.getKind()) {
                case GRADUATES -> registry.register(r.command(), uploader).id();
                case STUDENTS_IN_DIFFICULTY -> assistance.registerListed(r.student(), uploader).graduateId();
            };
        }

        private void process(ParsedRow r, Map<String, Long> known) {
            long id = handover.getId();
            if (!r.valid()) {
                reject(r, r.errors());
                return;
            }
            Long existing = known.get(r.idNumber());
            if (existing != null) {
                duplicate(r, existing);
                return;
            }
            try {
                Long graduateId = retried(() -> tx.execute(s -> {
                    long registered = register(r);
                    store.saveRow(id, r.rowNumber(), RowOutcome.ACCEPTED, registered, null);
                    return registered;
                }));
                known.put(r.idNumber(), graduateId);
            } catch (ConflictException conflict) {
                Object existingId = conflict.properties().get("existingId");
                if (existingId instanceof Number n) {
                    duplicate(r, n.longValue());
                } else if (GraduateRegistry.REGISTERED_ELSEWHERE.equals(conflict.messageKey())) {
                    // outside the uploader's scope: the registry has audited it and told the owning district
                    retried(() -> {
                        tx.executeWithoutResult(s -> writeElsewhere(r));
                        return null;
                    });
                } else {
                    throw conflict;
                }
            } catch (InvalidFieldException invalid) {
                List<RowError> errors = new ArrayList<>();
                for (InvalidFieldException.FieldError e : invalid.errors()) {
                    List<String> args = new ArrayList<>();
                    for (Object a : e.args()) {
                        args.add(String.valueOf(a));
                    }
                    errors.add(new RowError(e.field(), e.messageKey(), args));
                }
                reject(r, errors);
            } catch (DataIntegrityViolationException raced) {
                // registered by someone else between the batch look-up and the insert,
                // or this row already has a result (processed concurrently): never twice
                if (hasResult(r)) {
                    return;
                }
                Long other = registry.idOf(r.idNumber()).orElseThrow(() -> raced);
                duplicate(r, other);
            }
        }

        private boolean hasResult(ParsedRow r) {
            return store.hasRow(handover.getId(), r.rowNumber());
        }

        private void duplicate(ParsedRow r, long graduateId) {
            retried(() -> {
                tx.executeWithoutResult(s -> writeDuplicate(r, graduateId));
                return null;
            });
        }

        /**
         * A row naming a graduate already registered. Within the uploader's scope the graduate gains
         * the hand-over as a source; outside it the row says only that the person is registered
         * elsewhere in the city, and the graduate is not tagged with the uploader's source. In a
         * students' list, nothing is added to them in scope: a duplicate when they have an
         * assistance, else a rejected row (as {@code POST /api/assistance} refuses them).
         */
        private void writeDuplicate(ParsedRow r, long graduateId) {
            boolean visible = registry.visible(graduateId, uploader);
            if (visible && handover.getKind() == HandoverKind.STUDENTS_IN_DIFFICULTY) {
                if (assistance.ofGraduate(graduateId, uploader).isPresent()) {
                    store.saveRow(handover.getId(), r.rowNumber(), RowOutcome.DUPLICATE, graduateId, null);
                } else {
                    // as POST /api/assistance refuses them: the difficulties are recorded on their record instead
                    writeRejected(r, List.of(RowError.of(HandoverField.ID_NUMBER,
                            "validation.handover.registeredWithoutAssistance")));
                }
            } else if (visible) {
                registry.addSource(graduateId, Source.HANDOVER);
                store.saveRow(handover.getId(), r.rowNumber(), RowOutcome.DUPLICATE, graduateId, null);
            } else {
                registry.registeredElsewhere(graduateId, uploader);
                writeElsewhere(r);
            }
        }

        private void writeElsewhere(ParsedRow r) {
            store.saveRow(handover.getId(), r.rowNumber(), RowOutcome.DUPLICATE, null, null);
            store.saveErrors(handover.getId(), r.rowNumber(),
                    List.of(RowError.of(HandoverField.ID_NUMBER, "validation.handover.registeredElsewhere")));
        }

        private void reject(ParsedRow r, List<RowError> errors) {
            retried(() -> {
                tx.executeWithoutResult(s -> writeRejected(r, errors));
                return null;
            });
        }

        private void writeRejected(ParsedRow r, List<RowError> errors) {
            String joined = String.join("\t", r.cells().stream().map(c -> c == null ? "" : c.replace('\t', ' ')).toList());
            String cells = cipher.encrypt(joined.length() > MAX_CELLS_CHARS ? joined.substring(0, MAX_CELLS_CHARS) : joined,
                    HandoverStore.CELLS_COLUMN);
            store.saveRow(handover.getId(), r.rowNumber(), RowOutcome.REJECTED, null, cells);
            store.saveErrors(handover.getId(), r.rowNumber(), errors);
        }
    }

    /**
     * Runs a row's transaction again when the database rolled it back for a deadlock or a lock wait
     * timeout (rows of other lanes, hand-overs or users writing beside it), a few times with a short
     * pause; any other failure, or the last one, is thrown.
     */
    static <T> T retried(Supplier<T> transaction) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !transientFailure(e)) {
                    throw e;
                }
                log.info("A hand-over row's transaction was rolled back by the database ({}); attempt {} of {}",
                        e.getClass().getSimpleName(), attempt + 1, ATTEMPTS);
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** A deadlock or lock wait timeout anywhere in the causes, however the layers above wrapped it. */
    static boolean transientFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213
                    || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }
}
