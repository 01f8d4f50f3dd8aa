package org.leye.casework.demo;

import java.time.Clock;
import java.util.Random;

import org.leye.casework.cohorts.Cohorts;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.reference.ReferenceData.UniversityName;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.leye.casework.shared.CityTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's cohort totals (毕业生总数), as the education department would send them: for
 * each university of the city's list, the graduates of this year and of last year (the years of the
 * demo graduates) and those placed when they left school, so that the dashboard shows the cohort
 * placement rate against the targets. Invented but fixed (one seed), and loaded only beside the demo
 * graduates ({@code leye.demo.graduates} above 0) into a year that has no totals yet.
 */
@Component
@Profile("demo")
@Order(20)
class DemoCohorts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCohorts.class);
    private static final CurrentUser LOADER = new CurrentUser("sup.city", "演示数据", Role.SUPERVISOR, null, null);

    private final Cohorts cohorts;
    private final ReferenceData reference;
    private final Clock clock;
    private final int graduates;

    DemoCohorts(Cohorts cohorts, ReferenceData reference, Clock clock,
            @Value("${leye.demo.graduates:200}") int graduates) {
        this.cohorts = cohorts;
        this.reference = reference;
        this.clock = clock;
        this.graduates = graduates;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (graduates <= 0) {
            return;
        }
        int year = CityTime.today(clock).getYear();
        Random rnd = new Random(20260731L);
        for (int y = year - 1; y <= year; y++) {
            if (!cohorts.totals(y).isEmpty()) {
                continue;
            }
            int loaded = 0;
            for (UniversityName university : reference.universityNames()) {
                // a university of 1,500 to 6,000 graduates, 74 % to 86 % of them placed at leaving
                int total = 1500 + 100 * rnd.nextInt(46);
                int placed = total * (74 + rnd.nextInt(13)) / 100;
                cohorts.put(y, university.code(), total, placed, LOADER);
                loaded++;
            }
            log.info("Demo data: cohort totals of {} universities for {}", loaded, y);
        }
    }
}
