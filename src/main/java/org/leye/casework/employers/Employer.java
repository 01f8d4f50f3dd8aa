package org.leye.casework.employers;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An employer that graduates are referred to; a blacklisted one (招聘黑名单) cannot be referred. */
@Entity
@Table(name = "employer")
public class Employer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

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

    /** Puts the employer on the blacklist; a second blacklisting only updates the reason. */
    void blacklist(String reason, String by, Instant at) {
        this.blacklisted = true;
        this.blacklistReason = reason;
        this.blacklistedBy = by;
        this.blacklistedAt = at;
    }

    void lift() {
        this.blacklisted = false;
        this.blacklistReason = null;
        this.blacklistedBy = null;
        this.blacklistedAt = null;
    }

    public Long getId() {
        return id;
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
