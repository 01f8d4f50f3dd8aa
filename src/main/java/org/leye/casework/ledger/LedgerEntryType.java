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
    /** An evidence file added to the graduate's assistance (details: name, type; never its content). */
    EVIDENCE_ADDED
}
