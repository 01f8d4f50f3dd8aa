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
    ASSISTANCE_FOLLOW_UP,
    HANDED_OVER,
    MERGED,
    MERGE_UNDONE
}
