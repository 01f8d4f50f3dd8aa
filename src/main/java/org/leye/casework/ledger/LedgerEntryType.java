package org.leye.casework.ledger;

/** What one ledger entry records; one event is one entry. */
public enum LedgerEntryType {
    REGISTERED,
    CONTACT_ATTEMPT,
    LOST_CONTACT,
    WILLINGNESS,
    FOLLOW_UP,
    GUIDANCE,
    REFERRAL,
    TRAINING,
    INTERNSHIP,
    PUBLIC_WELFARE_PLACEMENT,
    DESTINATION,
    OVERDUE,
    CLOSED,
    REOPENED,
    REASSIGNED,
    HELPER_ASSIGNED,
    ASSISTANCE_PLAN,
    ASSISTANCE_FOLLOW_UP,
    DPF_FILE,
    DPF_SURVEY,
    DPF_TRACKING,
    DPF_SERVICE,
    HANDED_OVER,
    MERGED,
    /** The graduate moved to another district (details: from, to); later entries carry the new district. */
    DISTRICT_CHANGED,
    MERGE_UNDONE,
    /**
     * Difficulty categories found after registration (details: difficulties, the ones added;
     * evidence, an ID number in it masked).
     */
    DIFFICULTY_RECORDED,
    /**
     * The case's responsible caseworker changed (details: from, to, reason; tasks, the open tasks that
     * went with it): a supervisor named another, a bulk reassignment moved it, or the owner's account was
     * disabled or moved (cause ACCOUNT_CHANGED).
     */
    OWNER_CHANGED,

    /**
     * The graduate's record corrected (details: changes, each {field, from, to}, the phone masked and
     * difficulties as category codes; willingToWork when the correction changed it).
     */
    GRADUATE_CORRECTED,

    /**
     * An employer that the graduate was referred to or placed with was put on the recruitment blacklist
     * (details: employerId, employer, reason; the entry's employer_id): from then on the graduate's
     * referrals to it do not count toward the 131 ({@link Service131Policy}), and their district follows
     * them up.
     */
    EMPLOYER_BLACKLISTED,

    /**
     * The graduate attended a job fair (details: date, topic, the fair's title; note, its place); not a
     * service of the 131: a referral made there is its own REFERRAL entry.
     */
    JOB_FAIR_ATTENDED,

    /** An evidence file added to the graduate's assistance (details: name, type; never its content). */
    EVIDENCE_ADDED
}
