package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * The throttle on its own table (db/V23 on an H2 database of this test) and a clock that the test
 * moves: window, cool-down, reset by a success, normalised names, IPv6 networks, and the atomic count
 * of failures sent at once. {@code LoginThrottleMySqlTest} runs the same on MariaDB.
 */
class LoginThrottleTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-26T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    final MovableClock clock = new MovableClock();
    DataSource database;
    LoginThrottle throttle;

    @BeforeEach
    void throttle() throws Exception {
        database = database();
        throttle = new LoginThrottle(new NamedParameterJdbcTemplate(database),
                new DataSourceTransactionManager(database), clock, 5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    /** A database with db/V23's table, empty. */
    DataSource database() throws Exception {
        return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true)
                .addScript("classpath:db/migration/V23__login_throttle.sql").build();
    }

    @AfterEach
    void close() {
        if (database instanceof EmbeddedDatabase embedded) {
            embedded.shutdown();
        }
    }

    void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
            clock.advance(Duration.ofSeconds(10));
        }
    }

    @Test
    void fiveFailuresInFifteenMinutesLockTheUserNameUntilTheCoolDownEnds() {
        fail("li.lei", "10.0.0.1", 4);
        assertThat(throttle.refusal("li.lei", "10.0.0.2")).isEmpty();
        fail("li.lei", "10.0.0.1", 1);
        assertThat(throttle.refusal("li.lei", "10.0.0.2")).as("from any address").isPresent();
        assertThat(throttle.refusal("LI.LEI ", "10.0.0.2")).as("whatever the case").isPresent();
        assertThat(throttle.refusal("han.meimei", "10.0.0.2")).as("another user").isEmpty();

        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.refusal("li.lei", "10.0.0.2").orElseThrow()).isLessThan(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.refusal("li.lei", "10.0.0.2")).as("after the cool-down").isEmpty();
        fail("li.lei", "10.0.0.1", 1);
        assertThat(throttle.refusal("li.lei", "10.0.0.2")).as("the count starts again").isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        fail("li.lei", "10.0.0.1", 4);
        clock.advance(Duration.ofMinutes(16));
        fail("li.lei", "10.0.0.1", 4);
        assertThat(throttle.refusal("li.lei", "10.0.0.1")).isEmpty();
        fail("li.lei", "10.0.0.1", 1);
        assertThat(throttle.refusal("li.lei", "10.0.0.1")).isPresent();
    }

    @Test
    void aSuccessClearsTheUserNamesFailuresButNotTheAddresss() {
        fail("li.lei", "10.0.0.1", 4);
        assertThat(throttle.succeeded("li.lei", "10.0.0.1")).isEmpty();
        fail("li.lei", "10.0.0.1", 4);
        assertThat(throttle.refusal("li.lei", "10.0.0.1")).isEmpty();

        for (int i = 0; i < 12; i++) {
            fail("guess" + i, "10.0.0.9", 1);
        }
        assertThat(throttle.succeeded("guess0", "10.0.0.9")).isEmpty();
        assertThat(throttle.refusal("someone", "10.0.0.9")).as("12 + 8 = 20 from one address").isEmpty();
        for (int i = 0; i < 8; i++) {
            fail("other" + i, "10.0.0.9", 1);
        }
        assertThat(throttle.refusal("someone", "10.0.0.9")).as("every name from that address").isPresent();
        assertThat(throttle.refusal("someone", "10.0.0.10")).as("the name from elsewhere").isEmpty();
    }

    @Test
    void aRightPasswordIsRefusedWhenTheNameWasLockedWhileItWasChecked() {
        fail("li.lei", "10.0.0.1", 5);

        assertThat(throttle.succeeded("li.lei", "10.0.0.2")).isPresent();
        assertThat(throttle.refusal("li.lei", "10.0.0.2")).as("the refused success cleared nothing").isPresent();
    }

    @Test
    void failuresBeyondTheMaximumAreAnsweredAsRefusals() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.failed("li.lei", "10.0.0.1")).as("failure %d is answered as wrong", i + 1).isEmpty();
        }
        Optional<Duration> sixth = throttle.failed("li.lei", "10.0.0.1");
        assertThat(sixth).isPresent();
        assertThat(sixth.orElseThrow()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theUserNameIsNormalisedBeforeItIsCounted() {
        fail("Li.Lei", "10.0.0.1", 2);
        fail(" li.lei\t", "10.0.0.2", 1);
        fail("ＬＩ．ＬＥＩ", "10.0.0.3", 2);

        assertThat(throttle.refusal("li.lei", "10.0.0.4")).as("full-width and upper case are one name").isPresent();
        assertThat(LoginThrottle.normalisedUsername("  Ｌｉ．Ｌｅｉ ")).isEqualTo("li.lei");
    }

    @Test
    void anIpv6AddressCountsByItsNetwork() {
        for (int i = 1; i <= 20; i++) {
            fail("guess" + i, "2001:db8:0:0:" + Integer.toHexString(i) + "::" + i, 1);
        }

        assertThat(throttle.refusal("someone", "2001:db8::ffff")).as("the same /64").isPresent();
        assertThat(throttle.refusal("someone", "2001:db8:0:1::1")).as("the next /64").isEmpty();
        assertThat(LoginThrottle.network("2001:DB8::1")).isEqualTo(LoginThrottle.network("2001:db8:0:0:ffff::2"));
        assertThat(LoginThrottle.network("::ffff:10.0.0.1")).as("an IPv4-mapped address").isEqualTo("10.0.0.1");
        assertThat(LoginThrottle.network("10.0.0.1")).isEqualTo("10.0.0.1");
    }

    @Test
    void neitherNamesNorAddressesAreStoredInClear() {
        fail("li.lei", "10.0.0.1", 1);

        List<String> keys = new JdbcTemplate(database).queryForList("SELECT throttle_key FROM login_throttle",
                String.class);
        assertThat(keys).hasSize(2).allMatch(k -> k.matches("[0-9a-f]{64}"));
    }

    @Test
    void theCleanUpDeletesOnlyRowsWhoseWindowOrLockoutHasEnded() {
        fail("li.lei", "10.0.0.1", 5);
        clock.advance(Duration.ofMinutes(10));
        fail("han.meimei", "10.0.0.2", 1);
        clock.advance(Duration.ofMinutes(6));

        throttle.forgetEnded();

        assertThat(new JdbcTemplate(database).queryForObject("SELECT COUNT(*) FROM login_throttle", Integer.class))
                .as("li.lei's and 10.0.0.1's lockouts have ended, han.meimei's and 10.0.0.2's windows not")
                .isEqualTo(2);
        assertThat(throttle.refusal("li.lei", "10.0.0.1")).isEmpty();
    }

    /** How many wrong passwords are sent at once (each on a connection of its own). */
    int burst() {
        return 40;
    }

    @Test
    void ofManyWrongPasswordsSentAtOnceOnlyFiveAreAnsweredAsWrong() throws Exception {
        assertOnlyTheMaximumIsAnsweredAsWrong(throttle, "li.lei", burst());
        assertThat(new JdbcTemplate(database).queryForObject("SELECT failures FROM login_throttle ORDER BY failures "
                + "DESC LIMIT 1", Integer.class)).as("every failure counted").isEqualTo(burst());
    }

    /**
     * Sends {@code attempts} failures for one name at once, each from its own address, and checks that
     * exactly five of them were answered as wrong passwords and the others as refusals.
     */
    static void assertOnlyTheMaximumIsAnsweredAsWrong(LoginThrottle throttle, String username, int attempts)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        try {
            CountDownLatch ready = new CountDownLatch(attempts);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<Duration>>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String address = "192.0.2." + (i + 1);
                Callable<Optional<Duration>> attempt = () -> {
                    ready.countDown();
                    go.await();
                    return throttle.failed(username, address);
                };
                answers.add(threads.submit(attempt));
            }
            ready.await();
            go.countDown();
            int answeredAsWrong = 0;
            for (Future<Optional<Duration>> answer : answers) {
                if (answer.get().isEmpty()) {
                    answeredAsWrong++;
                }
            }
            assertThat(answeredAsWrong).as("failures answered as a wrong password").isEqualTo(5);
            assertThat(throttle.refusal(username, "192.0.2.250")).isPresent();
        } finally {
            threads.shutdownNow();
        }
    }
}
