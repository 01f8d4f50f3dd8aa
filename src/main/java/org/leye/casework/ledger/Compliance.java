package org.leye.casework.ledger;

import java.time.Instant;
import java.util.List;

/**
 * The 131 figures of one graduate as {@link Service131Policy} counts them: career guidance sessions,
 * distinct positions referred to ({@code referrals}; {@code referralsRecorded} counts every referral),
 * trainings or internships; {@code met131At} is when the last of 1 + 3 + 1 came in; {@code willing} is
 * null while unconfirmed; {@code placed} whether the latest destination places the graduate.
 */
public record Compliance(int guidance, int referrals, int trainingOrInternship, boolean met131, Instant met131At,
        int referralsRecorded, List<Service131Policy.Position> referredPositions, Boolean willing, boolean placed,
        Service131Policy.Standing standing) {

    public static final int GUIDANCE_REQUIRED = Service131Policy.GUIDANCE_REQUIRED;
    public static final int REFERRALS_REQUIRED = Service131Policy.REFERRALS_REQUIRED;
    public static final int TRAINING_REQUIRED = Service131Policy.TRAINING_REQUIRED;
}
