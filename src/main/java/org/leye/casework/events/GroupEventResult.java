package org.leye.casework.events;

import java.time.LocalDate;
import java.util.List;

/**
 * What a group event did: the tasks it completed (with the ledger entry each wrote), the attendance it
 * recorded (a job fair), and the graduates it left alone: without the matching open task, with it claimed by
 * another user, or unknown (no such graduate, or not in the caller's scope: answered alike).
 */
public record GroupEventResult(Event event, List<Completed> completed, List<Recorded> recorded,
        List<Long> withoutTask, List<Long> claimedByOther, List<Long> unknown) {

    public record Event(EventKind kind, LocalDate date, String title, String place, int graduates) {
    }

    public record Completed(long graduateId, String taskId, Long ledgerEntryId) {
    }

    public record Recorded(long graduateId, long ledgerEntryId) {
    }
}
