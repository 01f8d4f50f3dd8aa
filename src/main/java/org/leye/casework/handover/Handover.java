package org.leye.casework.handover;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;

/**
 * One uploaded hand-over file. Keeps who uploaded it with their scope, so that rows processed in
 * the background, also after a restart, are registered exactly as that user's request would be.
 */
@Entity
@Table(name = "handover")
class Handover {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private HandoverKind kind;

    private String contentHash;

    private String fileName;

    @Enumerated(EnumType.STRING)
    private HandoverFormat format;

    @Enumerated(EnumType.STRING)
    private HandoverStatus status;

    private int total;

    private String header;

    private String failure;

    private String uploadedBy;

    @Enumerated(EnumType.STRING)
    private Role uploaderRole;

    private String uploaderDistrict;

    private String uploaderUniversity;

    private Instant uploadedAt;

    private Instant finishedAt;

    @Version
    private long version;

    protected Handover() {
    }

    Handover(HandoverKind kind, String contentHash, String fileName, HandoverFormat format, int total, String header,
            CurrentUser uploader, Instant uploadedAt) {
        this.kind = kind;
        this.contentHash = contentHash;
        this.fileName = fileName;
        this.format = format;
        this.total = total;
        this.header = header;
        this.status = HandoverStatus.RUNNING;
        this.uploadedBy = uploader.username();
        this.uploaderRole = uploader.role();
        this.uploaderDistrict = uploader.districtCode();
        this.uploaderUniversity = uploader.universityCode();
        this.uploadedAt = uploadedAt;
    }

    /** The uploader with the scope they had at upload. */
    CurrentUser uploader() {
        return new CurrentUser(uploadedBy, uploadedBy, uploaderRole, uploaderDistrict, uploaderUniversity);
    }

    /**
     * Who may read the hand-over: its uploader, the whole city's readers, the counselors of the
     * same university and the caseworkers and supervisors of the same district.
     */
    boolean visibleTo(CurrentUser caller) {
        if (caller.seesWholeCity() || caller.username().equals(uploadedBy)) {
            return true;
        }
        return switch (caller.role()) {
            case COUNSELOR -> uploaderUniversity != null && uploaderUniversity.equals(caller.universityCode());
            case CASEWORKER, SUPERVISOR -> uploaderDistrict != null && uploaderDistrict.equals(caller.districtCode());
            case HELPER, DPF_OFFICER -> false;
            case ADMIN -> true;
        };
    }

    void done(Instant at) {
        if (status == HandoverStatus.RUNNING) {
            status = HandoverStatus.DONE;
            finishedAt = at;
        }
    }

    void failed(String reason, Instant at) {
        if (status == HandoverStatus.RUNNING) {
            status = HandoverStatus.FAILED;
            failure = reason == null ? null : reason.substring(0, Math.min(reason.length(), 500));
            finishedAt = at;
        }
    }

    Long getId() {
        return id;
    }

    HandoverKind getKind() {
        return kind;
    }

    String getFileName() {
        return fileName;
    }

    HandoverFormat getFormat() {
        return format;
    }

    HandoverStatus getStatus() {
        return status;
    }

    int getTotal() {
        return total;
    }

    String getHeader() {
        return header;
    }

    String getFailure() {
        return failure;
    }

    Instant getUploadedAt() {
        return uploadedAt;
    }

    Instant getFinishedAt() {
        return finishedAt;
    }
}
