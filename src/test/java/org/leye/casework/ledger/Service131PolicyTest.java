package org.leye.casework.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.ledger.LedgerEntryType.DESTINATION;
import static org.leye.casework.ledger.LedgerEntryType.GUIDANCE;
import static org.leye.casework.ledger.LedgerEntryType.INTERNSHIP;
import static org.leye.casework.ledger.LedgerEntryType.REFERRAL;
import static org.leye.casework.ledger.LedgerEntryType.REGISTERED;
import static org.leye.casework.ledger.LedgerEntryType.REOPENED;
import static org.leye.casework.ledger.LedgerEntryType.TRAINING;
import static org.leye.casework.ledger.LedgerEntryType.WILLINGNESS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.leye.casework.ledger.Service131Policy.Entry;
import org.leye.casework.ledger.Service131Policy.Standing;

/** The one 131 rule on hand-written ledgers; every expected figure is worked out in the comments. */
class Service131PolicyTest {

    /** 10:00 in Jiangmen (02:00 UTC) on that day of March 2026. */
    private static Instant march(int day) {
        return Instant.parse(String.format("2026-03-%02dT02:00:00Z", day));
    }

    private static final class Ledger {
        final List<Entry> entries = new ArrayList<>();

        Ledger registered(Boolean willing) {
            entries.add(new Entry(REGISTERED, march(1), null, null, willing));
            return this;
        }

        Ledger willingness(int day, Boolean willing) {
            entries.add(new Entry(WILLINGNESS, march(day), null, null, willing));
            return this;
        }

        Ledger service(LedgerEntryType type, int day) {
            entries.add(new Entry(type, march(day), null, null, null));
            return this;
        }

        Ledger referral(int day, Object employerId, String position) {
            entries.add(new Entry(REFERRAL, march(day), Service131Policy.positionKey(employerId, null, position), null,
                    null));
            return this;
        }

        Ledger destination(int day, String code) {
            entries.add(new Entry(DESTINATION, march(day), null, code, null));
            return this;
        }

        Ledger blacklisted(int day, Object employerId) {
            entries.add(new Entry(LedgerEntryType.EMPLOYER_BLACKLISTED, march(day), Service131Policy.employerKey(employerId),
                    null, null));
            return this;
        }

        Ledger reopened(int day) {
            entries.add(new Entry(REOPENED, march(day), null, null, null));
            return this;
        }

        Compliance now() {
            return Service131Policy.evaluate(entries, null);
        }

        Compliance asOf(int day) {
            return Service131Policy.evaluate(entries, march(day).plusSeconds(3600));
        }
    }

    /**
     * guidance 2, referrals: 3 (7, 文员) 4 (7, 文员 again) 5 (8, 司机) 6 (7, " 文员 " spelt with spaces), training 9:
     * two distinct positions, so not met; a referral on the 10th to (9, 厨师) makes three: met on the 10th.
     */
    @Test
    void threeReferralsMeanThreeDistinctPositionsAndAFourthToTheSamePositionDoesNotAdd() {
        Ledger l = new Ledger().registered(true).service(GUIDANCE, 2).referral(3, 7L, "文员").referral(4, 7L, "文员")
                .referral(5, 8L, "司机").referral(6, 7L, " 文员 ").service(TRAINING, 9);
        Compliance c = l.now();
        assertThat(c.referrals()).isEqualTo(2);
        assertThat(c.referralsRecorded()).isEqualTo(4);
        assertThat(c.met131()).isFalse();
        assertThat(c.standing()).isEqualTo(Standing.NOT_YET_MET);
        assertThat(c.referredPositions()).extracting(Service131Policy.Position::firstReferredAt)
                .containsExactly(march(3), march(5));

        l.referral(10, 9L, "厨师");
        c = l.now();
        assertThat(c.referrals()).isEqualTo(3);
        assertThat(c.met131At()).isEqualTo(march(10));
        assertThat(c.standing()).isEqualTo(Standing.MET);
    }

    /**
     * Guidance 2, referrals 3 (7, 出纳) 4 (8, 会计) 5 (8, 审计), training 6: met on the 6th. Employer 8 blacklisted
     * on the 10th: its two positions stop counting, one is left, not met from then on (as of the 9th still met
     * on the 6th); employer 77 (none of the graduate's) blacklisted changes nothing; referrals on the 12th
     * (9, 司机) and the 13th (10, 厨师) make three again: met on the 13th.
     */
    @Test
    void referralsToABlacklistedEmployerStopCountingFromItsEntryAndThe131IsMetAgainByOthers() {
        Ledger l = new Ledger().registered(true).service(GUIDANCE, 2).referral(3, 7L, "出纳").referral(4, 8L, "会计")
                .referral(5, 8L, "审计").service(TRAINING, 6).blacklisted(10, 8L).blacklisted(11, 77L);
        Compliance c = l.now();
        assertThat(c.met131()).isFalse();
        assertThat(c.met131At()).isNull();
        assertThat(c.referrals()).isEqualTo(1);
        assertThat(c.referralsRecorded()).isEqualTo(3);
        assertThat(c.standing()).isEqualTo(Standing.NOT_YET_MET);
        assertThat(l.asOf(9).met131At()).isEqualTo(march(6));

        l.referral(12, 9L, "司机").referral(13, 10L, "厨师");
        assertThat(l.now().met131At()).isEqualTo(march(13));
        assertThat(l.now().referredPositions()).extracting(Service131Policy.Position::key)
                .containsExactly("#7|出纳", "#9|司机", "#10|厨师");
    }

    /** Employer 1 blacklisted: its positions go, employer 10's (whose key starts alike) stay. */
    @Test
    void aBlacklistingVoidsThatEmployersPositionsOnly() {
        Compliance c = new Ledger().registered(true).referral(2, 1L, "a").referral(3, 10L, "b").referral(4, 11L, "c")
                .blacklisted(5, 1L).now();
        assertThat(c.referredPositions()).extracting(Service131Policy.Position::key).containsExactly("#10|b", "#11|c");
    }

    /** The same title at two employers is two positions. */
    @Test
    void theSameTitleAtAnotherEmployerIsAnotherPosition() {
        Compliance c = new Ledger().registered(true).referral(2, 1L, "会计").referral(3, 2L, "会计")
                .referral(4, 3L, "会计").now();
        assertThat(c.referrals()).isEqualTo(3);
    }

    /** Internship 2, referrals 3 4 5, guidance last on the 6th: the plan sets no order, met on the 6th. */
    @Test
    void guidanceNeedNotComeFirst() {
        Compliance c = new Ledger().registered(true).service(INTERNSHIP, 2).referral(3, 1L, "a").referral(4, 1L, "b")
                .referral(5, 1L, "c").service(GUIDANCE, 6).now();
        assertThat(c.met131At()).isEqualTo(march(6));
    }

    /**
     * Guidance 2, referrals 3 4, placed 5 (11), reopened 8, referral 9, training 10: the services before the
     * reopening count, met on the 10th; as of the 7th placed before 131, as of the 9th (reopened) not yet met.
     */
    @Test
    void servicesBeforeAReopeningStillCount() {
        Ledger l = new Ledger().registered(true).service(GUIDANCE, 2).referral(3, 1L, "a").referral(4, 1L, "b")
                .destination(5, "11").reopened(8).referral(9, 1L, "c").service(TRAINING, 10);
        assertThat(l.now().met131At()).isEqualTo(march(10));
        assertThat(l.asOf(7).standing()).isEqualTo(Standing.PLACED_BEFORE_131);
        assertThat(l.asOf(9).standing()).isEqualTo(Standing.NOT_YET_MET);
        assertThat(l.asOf(9).referrals()).isEqualTo(3);
    }

    /**
     * As of a past date after later changes. Guidance 2, referrals 3 4 5, training 15, placed 20 (contract):
     * as of the 12th the training (15th) does not count and the placement (20th) has not happened: 3 referrals,
     * no training, not yet met (not placed before 131); as of the 16th met on the 15th; now met.
     */
    @Test
    void asOfAPastDateLaterServicesDoNotCountAndALaterPlacementDoesNotMakeItPlacedBefore131() {
        Ledger l = new Ledger().registered(true).service(GUIDANCE, 2).referral(3, 1L, "a").referral(4, 1L, "b")
                .referral(5, 1L, "c").service(TRAINING, 15).destination(20, "11");
        Compliance past = l.asOf(12);
        assertThat(List.of(past.guidance(), past.referrals(), past.trainingOrInternship())).containsExactly(1, 3, 0);
        assertThat(past.met131()).isFalse();
        assertThat(past.placed()).isFalse();
        assertThat(past.standing()).isEqualTo(Standing.NOT_YET_MET);
        assertThat(l.asOf(16).met131At()).isEqualTo(march(15));
        assertThat(l.now().standing()).isEqualTo(Standing.MET);
    }

    /** Placed at once on the 2nd (self-employment, 75), no service: placed before 131, not "not yet met". */
    @Test
    void aGraduatePlacedBeforeTheirServicesIsPlacedBefore131() {
        Ledger l = new Ledger().registered(true).destination(2, "75");
        assertThat(l.now().standing()).isEqualTo(Standing.PLACED_BEFORE_131);
        // a later destination "seeking work" (70) does not place: back to not yet met
        l.destination(4, "70");
        assertThat(l.now().standing()).isEqualTo(Standing.NOT_YET_MET);
        assertThat(l.asOf(3).standing()).isEqualTo(Standing.PLACED_BEFORE_131);
    }

    /**
     * Registered without a willingness (a hand-over row's empty cell): unconfirmed, not willing, until contact
     * on the 5th establishes WANTS_JOB; a registration's explicit no is not willing; contact can change it.
     */
    @Test
    void willingnessIsWhatContactEstablished() {
        Ledger unconfirmed = new Ledger().registered(null);
        assertThat(unconfirmed.now().standing()).isEqualTo(Standing.UNCONFIRMED);
        assertThat(unconfirmed.now().willing()).isNull();
        unconfirmed.willingness(5, true);
        assertThat(unconfirmed.asOf(4).standing()).isEqualTo(Standing.UNCONFIRMED);
        assertThat(unconfirmed.now().standing()).isEqualTo(Standing.NOT_YET_MET);

        Ledger no = new Ledger().registered(false);
        assertThat(no.now().standing()).isEqualTo(Standing.NOT_WILLING);
        no.willingness(6, true);
        assertThat(no.now().willing()).isTrue();
        assertThat(new Ledger().registered(true).willingness(3, false).now().standing())
                .isEqualTo(Standing.NOT_WILLING);
    }
}
