package org.leye.casework.ledger;

import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.leye.casework.shared.jpa.ApplicationMigration;
import org.springframework.stereotype.Component;

/**
 * db/V44.1, in Java because the 131 rule's counts are not SQL: a referral's position is the folded
 * employer and position text of the entry's details, and a blacklisting removes the positions referred
 * before it. Writes {@code guidance_131}, {@code referrals_131} and {@code training_131} (db/V44) of every
 * graduate from {@link Service131Policy}, as {@link PlacementPeriods#met131} keeps them from then on; a
 * slice of graduate ids at a time, two range reads of the ledger each. {@code met131_at} is left as it is
 * (the same rule wrote it).
 */
@Component
public class Service131CountsMigration extends ApplicationMigration {

    /** Graduate ids per slice. */
    static final int SLICE = 50_000;

    public Service131CountsMigration() {
        super("44.1", "the 131 counts on the graduate", true);
    }

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        Service131Entries service131 = new Service131Entries(jdbc);
        Long max = jdbc.queryForObject("SELECT MAX(id) FROM graduate", Long.class);
        Long min = jdbc.queryForObject("SELECT MIN(id) FROM graduate", Long.class);
        if (max == null || min == null) {
            return;
        }
        for (long from = min; from <= max; from += SLICE) {
            List<Object[]> rows = new ArrayList<>();
            service131.of(from, Math.min(max, from + SLICE - 1)).forEach((id, entries) -> {
                Compliance c = Service131Policy.evaluate(entries, null);
                if (c.guidance() != 0 || c.referrals() != 0 || c.trainingOrInternship() != 0) {
                    rows.add(new Object[] { c.guidance(), c.referrals(), c.trainingOrInternship(), id });
                }
            });
            jdbc.batchUpdate("UPDATE graduate SET guidance_131 = ?, referrals_131 = ?, training_131 = ? WHERE id = ?",
                    rows);
        }
    }
}
