package org.leye.casework.employers;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.leye.casework.shared.jpa.BaseEntity;
import org.leye.casework.shared.problem.ConflictException;

/** An employer that graduates are referred to; a blacklisted one (招聘黑名单) cannot be referred. */
@Entity
@Table(name = "employer")
public class Employer extends BaseEntity {

    private String name;

    private String creditCode;

    private String districtCode;

    private String contact;

    private boolean blacklisted;

    private String blacklistReason;

    private Instant blacklistedAt;

    private String blacklistedBy;

    private Instant createdAt;

    private String createdBy;

    @Version
    private long version;

    protected Employer() {
    }

    Employer(String name, String creditCode, String districtCode, String contact, String createdBy, Instant createdAt) {
        this.name = name;
        this.creditCode = creditCode;
        this.districtCode = districtCode;
        this.contact = contact;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /**
     * Puts the employer on the blacklist, or states a new reason while it is on it; either way a record
     * of its own, which the caller keeps (the history is never rewritten).
     */
    BlacklistRecord blacklist(String reason, String evidence, String by, Instant at) {
        this.blacklisted = true;
        this.blacklistReason = reason;
        this.blacklistedBy = by;
        this.blacklistedAt = at;
        return new BlacklistRecord(getId(), BlacklistRecord.Action.BLACKLISTED, reason, evidence, at, by);
    }

    /**
     * Takes the employer off the blacklist: its current standing clears, the record of the lifting says
     * who, when and why. An employer not on the blacklist has nothing to lift (409).
     */
    BlacklistRecord lift(String reason, String evidence, String by, Instant at) {
        if (!blacklisted) {
            throw new ConflictException("problem.employerNotBlacklisted", Map.of("employerId", getId()), name);
        }
        this.blacklisted = false;
        this.blacklistReason = null;
        this.blacklistedBy = null;
        this.blacklistedAt = null;
        return new BlacklistRecord(getId(), BlacklistRecord.Action.LIFTED, reason, evidence, at, by);
    }

    public String getName() {
        return name;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public String getContact() {
        return contact;
    }

    public boolean isBlacklisted() {
        return blacklisted;
    }

    public String getBlacklistReason() {
        return blacklistReason;
    }

    public Instant getBlacklistedAt() {
        return blacklistedAt;
    }

    public String getBlacklistedBy() {
        return blacklistedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
