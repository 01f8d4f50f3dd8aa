package org.leye.casework.employers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.leye.casework.shared.problem.BusinessRuleException;
import org.leye.casework.support.TestGraduates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A referral that names a new employer registers it; two referrals naming the same new employer at
 * once both go through with the one employer (issue 21: the load test's 500 on
 * {@code ux_employer_name}). On H2 and on MySQL.
 */
abstract class EmployerReferralContract {

    static final CurrentUser CW = new CurrentUser("cw.pengjiang", "陈静", Role.CASEWORKER, "440703", null);

    @Autowired
    EmployerDirectory directory;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void twoReferralsNamingTheSameNewEmployerAtOnceBothGoThroughWithOneEmployer() throws Exception {
        String name = "江门市同时推荐企业有限公司" + TestGraduates.tag();
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<EmployerView>> referrals = List.of(
                threads.submit(() -> referTogether(name, together)),
                threads.submit(() -> referTogether(name, together)));
        EmployerView first = await(referrals.get(0));
        EmployerView second = await(referrals.get(1));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(employersNamed(name)).containsExactly(first.id());
    }

    @Test
    void aReferralNamingABlacklistedEmployerIsStillRefused() {
        String name = "江门市黑名单企业有限公司" + TestGraduates.tag();
        EmployerView created = directory.forReferral(null, name, CW);
        directory.blacklist(created.id(), new BlacklistEmployer("虚假招聘", null), new CurrentUser("sup.city", "市级", Role.SUPERVISOR, null, null));
        assertThatThrownBy(() -> directory.forReferral(null, name, CW)).isInstanceOf(BusinessRuleException.class);
    }

    private EmployerView referTogether(String name, CyclicBarrier together) {
        return tx.execute(status -> {
            jdbc.queryForObject("select count(*) from employer", Long.class);
            try {
                together.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return directory.forReferral(null, name, CW);
        });
    }

    private List<Long> employersNamed(String name) {
        return jdbc.queryForList("select id from employer where name = ?", Long.class, name);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the referral failed: " + e.getCause(), e);
        }
    }
}
