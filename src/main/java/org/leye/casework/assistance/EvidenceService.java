package org.leye.casework.assistance;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.leye.casework.audit.AuditLog;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.leye.casework.shared.IdNumbersInText;
import org.leye.casework.shared.problem.BusinessRuleException;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.shared.problem.TooLargeException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files of an assistance (issue 20, item 6): a certificate of hardship or disability as a
 * PDF or an image. Whoever sees the assistance may add one; only those who help or oversee the
 * student may read one back (the named helper, supervisors in scope, administrators), each read
 * audited. The counselor who uploads cannot download: the file went to the helper.
 */
@Service
public class EvidenceService {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_FILES = 10;
    static final String FIELD = "file";
    private static final int MAX_NAME = 255;

    private final Assistances assistances;
    private final EvidenceFiles files;
    private final Ledger ledger;
    private final AuditLog audit;
    private final Clock clock;

    EvidenceService(Assistances assistances, EvidenceFiles files, Ledger ledger, AuditLog audit, Clock clock) {
        this.assistances = assistances;
        this.files = files;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores the file encrypted and writes the ledger's {@code EVIDENCE_ADDED} (its name and type), in
     * one transaction. Refused: no content (400), over 5 MB (413), not a PDF, PNG or JPEG by its
     * first bytes or declared as another type (422), the assistance's eleventh file (422).
     */
    @Transactional
    public AssistanceView.EvidenceFile add(long assistanceId, String fileName, String declaredType, byte[] content,
            CurrentUser caller) {
        Assistance a = visible(assistanceId, caller);
        if (content == null || content.length == 0) {
            throw new InvalidFieldException(FIELD, "problem.evidence.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new TooLargeException("problem.evidence.tooLarge", Map.of("field", FIELD, "maxBytes", MAX_BYTES),
                    MAX_BYTES / (1024 * 1024));
        }
        EvidenceType type = EvidenceType.of(content).filter(t -> t.agreesWith(declaredType))
                .orElseThrow(() -> new BusinessRuleException("problem.evidence.type", Map.of("field", FIELD)));
        if (files.count(a.getId()) >= MAX_FILES) {
            throw new BusinessRuleException("problem.evidence.tooMany", Map.of("field", FIELD, "maxFiles", MAX_FILES),
                    MAX_FILES);
        }
        String name = name(fileName, type);
        Instant now = Instant.now(clock);
        long id = files.add(a.getId(), name, type, content, caller.username(), now);
        ledger.record(Ledger.Record.of(a.getGraduateId(), null, LedgerEntryType.EVIDENCE_ADDED, caller.username())
                .with("name", name).with("type", type.mediaType()));
        return new AssistanceView.EvidenceFile(id, name, type.mediaType(), content.length, caller.username(), now);
    }

    /** The file, for the named helper, supervisors in scope and administrators; audited as an {@code EXPORT}. */
    @Transactional
    public EvidenceFiles.Content download(long assistanceId, long fileId, CurrentUser caller) {
        Assistance a = visible(assistanceId, caller);
        if (!mayDownload(a, caller)) {
            throw new AccessDeniedException("evidence is for the helper and supervisors");
        }
        EvidenceFiles.Content content = files.read(a.getId(), fileId)
                .orElseThrow(() -> new NotFoundException("evidence", fileId));
        audit.recordDownload(caller.username(), a.getGraduateId(), "assistance.evidence",
                "assistance=" + a.getId() + " file=" + fileId);
        return content;
    }

    /**
     * Whether the caller may read the evidence of an assistance they see: its named helper (whatever
     * their role: a teacher, a counselor, a caseworker), a supervisor or an administrator.
     */
    static boolean mayDownload(Assistance a, CurrentUser caller) {
        return caller.username().equals(a.getHelper()) || caller.role() == Role.SUPERVISOR
                || caller.role() == Role.ADMIN;
    }

    /** {@link #mayDownload(Assistance, CurrentUser)} for the assistance's page; false when it is not visible. */
    @Transactional(readOnly = true)
    public boolean mayDownload(long assistanceId, CurrentUser caller) {
        return assistances.findById(assistanceId).filter(a -> AssistanceService.visible(a, caller))
                .map(a -> mayDownload(a, caller)).orElse(false);
    }

    private Assistance visible(long id, CurrentUser caller) {
        return assistances.findById(id).filter(x -> AssistanceService.visible(x, caller))
                .orElseThrow(() -> new NotFoundException("assistance", id));
    }

    /**
     * The name to keep: the last part of a path, without control characters, an ID number in it
     * masked, at most 255 characters; none, a name from the type.
     */
    static String name(String given, EvidenceType type) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        name = IdNumbersInText.mask(name);
        if (name.isEmpty()) {
            name = "evidence." + type.name().toLowerCase(java.util.Locale.ROOT);
        }
        return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
    }
}
