package org.leye.casework.ledger;

import java.time.Instant;
import java.util.List;

/**
 * The 131 figures of one graduate, counted from the ledger: at least 1 guidance session, 3
 * referrals and 1 training or internship; {@code met131At} is when the last of them came in.
 */
public record Compliance(int guidance, int referrals, int trainingOrInternship, boolean met131, Instant met131At) {

    public static final int GUIDANCE_REQUIRED = 1;
    public static final int REFERRALS_REQUIRED = 3;
    public static final int TRAINING_REQUIRED = 1;

    public static Compliance of(List<LedgerEntryView> entriesInTimeOrder) {
        int guidance = 0;
        int referrals = 0;
        int training = 0;
        Instant metAt = null;
        for (LedgerEntryView e : entriesInTimeOrder) {
            switch (e.type()) {
                case GUIDANCE -> guidance++;
                case REFERRAL -> referrals++;
                case TRAINING, INTERNSHIP -> training++;
                default -> {
                    continue;
                }
            }
            if (metAt == null && guidance >= GUIDANCE_REQUIRED && referrals >= REFERRALS_REQUIRED
                    && training >= TRAINING_REQUIRED) {
                metAt = e.at();
            }
        }
        return new Compliance(guidance, referrals, training, metAt != null, metAt);
    }
}
