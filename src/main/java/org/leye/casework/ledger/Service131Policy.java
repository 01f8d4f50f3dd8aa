package org.leye.casework.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.leye.casework.graduates.Destination;

/**
 * The one 131 rule (the plan, action 29: 对有就业意愿的离校未就业毕业生至少提供1次职业指导、3次岗位推荐、1次职业培训或就业见习机会),
 * read from a graduate's ledger as of an instant. The graduate page, {@code GET /api/graduates/{id}/ledger}
 * and, through the graduate's {@code met131_at} that {@link PlacementPeriods} writes with it, every report
 * use this rule and nothing else.
 * <ul>
 * <li>At least 1 career guidance, 3 referrals to three <em>distinct</em> positions (the same employer and
 * position title referred again does not add) and 1 training or internship, in any order (the plan sets
 * none). Every service in the graduate's ledger counts, also those recorded before a case reopening, and
 * those of duplicates merged into the graduate (the caller passes their entries too).</li>
 * <li>Met at the instant of the service that completed it; entries after the cut-off do not count.</li>
 * <li>Referrals to an employer put on the recruitment blacklist stop counting from the graduate's
 * EMPLOYER_BLACKLISTED entry on (issue 20, item 8): a 131 that was met only thanks to them is not met
 * from then on, the obligation reopens, and is met again, at that instant, when further services
 * complete it. Before that entry (a cut-off earlier) they count as they did.</li>
 * <li>Willingness is what the ledger established: the latest WILLINGNESS entry of a contact (WANTS_JOB is
 * willing) or correction of the record that changed it (GRADUATE_CORRECTED with {@code willingToWork}),
 * else the registration's {@code willingToWork} (an explicit yes or no); without either it is
 * unconfirmed, and an unconfirmed graduate is not counted as willing.</li>
 * <li>A willing graduate is MET, else PLACED_BEFORE_131 when their latest DESTINATION (or REOPENED) entry
 * places them, else NOT_YET_MET: each willing graduate is in exactly one of the three.</li>
 * </ul>
 */
public final class Service131Policy {

    public static final int GUIDANCE_REQUIRED = 1;
    public static final int REFERRALS_REQUIRED = 3;
    public static final int TRAINING_REQUIRED = 1;

    /** Where a graduate stands with the 131. */
    public enum Standing {
        /** Nobody has established whether they want a job (a hand-over row without it, not yet reached). */
        UNCONFIRMED,
        NOT_WILLING,
        MET,
        /** Willing, placed, and the 131 not complete. */
        PLACED_BEFORE_131,
        /** Willing, not placed, and the 131 not complete. */
        NOT_YET_MET
    }

    /**
     * What the rule reads of one ledger entry: its type and time, the referred position's key (REFERRAL),
     * or of every position at the employer blacklisted (EMPLOYER_BLACKLISTED, {@link #employerKey}),
     * the destination code (DESTINATION), and the willingness it established (REGISTERED, WILLINGNESS,
     * GRADUATE_CORRECTED; null when it established none).
     */
    public record Entry(LedgerEntryType type, Instant at, String position, String destinationCode, Boolean willing) {
    }

    /** A position referred to, with the first referral to it. */
    public record Position(String key, Instant firstReferredAt) {
    }

    private Service131Policy() {
    }

    /**
     * The graduate's 131 as of {@code asOf} (inclusive; null: everything recorded), from their entries and
     * those of duplicates merged into them, in time order.
     */
    public static Compliance evaluate(List<Entry> entriesInTimeOrder, Instant asOf) {
        int guidance = 0;
        int referralsRecorded = 0;
        int training = 0;
        Map<String, Instant> positions = new LinkedHashMap<>();
        Instant metAt = null;
        Boolean willing = null;
        boolean placed = false;
        for (Entry e : entriesInTimeOrder) {
            if (asOf != null && e.at().isAfter(asOf)) {
                continue;
            }
            switch (e.type()) {
                case REGISTERED, GRADUATE_CORRECTED -> {
                    if (e.willing() != null) {
                        willing = e.willing();
                    }
                }
                case WILLINGNESS -> willing = e.willing();
                case DESTINATION -> placed = e.destinationCode() != null
                        && Destination.ofCode(e.destinationCode()).map(Destination::placed).orElse(false);
                case REOPENED -> placed = false;
                case GUIDANCE -> guidance++;
                case REFERRAL -> {
                    referralsRecorded++;
                    positions.putIfAbsent(e.position() == null ? "?" : e.position(), e.at());
                }
                case TRAINING, INTERNSHIP -> training++;
                case EMPLOYER_BLACKLISTED -> positions.keySet().removeIf(key -> key.startsWith(e.position()));
                default -> {
                }
            }
            boolean meets = guidance >= GUIDANCE_REQUIRED && positions.size() >= REFERRALS_REQUIRED
                    && training >= TRAINING_REQUIRED;
            if (metAt == null && meets) {
                metAt = e.at();
            } else if (metAt != null && !meets) {
                metAt = null;
            }
        }
        List<Position> referred = new ArrayList<>();
        positions.forEach((k, at) -> referred.add(new Position(k, at)));
        Standing standing = willing == null ? Standing.UNCONFIRMED
                : !willing ? Standing.NOT_WILLING
                : metAt != null ? Standing.MET
                : placed ? Standing.PLACED_BEFORE_131 : Standing.NOT_YET_MET;
        return new Compliance(guidance, positions.size(), training, metAt != null, metAt, referralsRecorded,
                List.copyOf(referred), willing, placed, standing);
    }

    /**
     * The key of a referred position: the employer (its id, else its name) and the position title, folded
     * (case, width of spaces), so that the same post written twice is one position.
     */
    public static String positionKey(Object employerId, Object employer, Object position) {
        String who = employerId != null ? "#" + employerId : fold(employer);
        return who + "|" + fold(position);
    }

    /** The start of the keys of every position at a registered employer ({@link #positionKey} by its id). */
    public static String employerKey(Object employerId) {
        return "#" + employerId + "|";
    }

    private static String fold(Object text) {
        return text == null ? "" : text.toString().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
