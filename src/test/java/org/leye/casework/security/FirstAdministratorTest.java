package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.leye.casework.audit.AuditLog;
import org.mockito.ArgumentCaptor;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The first administrator of an empty database ({@code --leye.bootstrap-admin=<username>}): made
 * with a random one-time password shown on the console only, which they change at their first
 * sign-in; nothing when an administrator exists. No default password.
 */
class FirstAdministratorTest {

    final AppUsers users = mock(AppUsers.class);
    final PasswordEncoder passwords = mock(PasswordEncoder.class);
    final AuditLog audit = mock(AuditLog.class);
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    final Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneOffset.UTC);

    FirstAdministrator runner(String username, long seed) throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        return new FirstAdministrator(users, passwords, audit, clock, username, random,
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @Test
    void onAnEmptyDatabaseTheAdministratorIsMadeWithARandomPasswordShownOnceToChangeAtFirstSignIn() throws Exception {
        given(passwords.encode(any())).willAnswer(call -> "hash of " + call.getArgument(0));

        assertThat(runner("root.admin", 1).create()).isTrue();

        Matcher shown = Pattern.compile("One-time password: (\\S+)").matcher(console.toString(StandardCharsets.UTF_8));
        assertThat(shown.find()).isTrue();
        String password = shown.group(1);
        assertThat(password).hasSize(20).matches("[A-Za-z2-9]+");
        ArgumentCaptor<AppUser> saved = ArgumentCaptor.forClass(AppUser.class);
        then(users).should().save(saved.capture());
        AppUser admin = saved.getValue();
        assertThat(admin.getUsername()).isEqualTo("root.admin");
        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(admin.isPasswordChangeRequired()).isTrue();
        assertThat(admin.getPasswordHash()).isEqualTo("hash of " + password);
        assertThat(admin.getCreatedAt()).isEqualTo(clock.instant());
        then(audit).should().record(FirstAdministrator.PROPERTY, AuditLog.USER_CREATED, null,
                "created user root.admin: ADMIN (first administrator)");

        FirstAdministratorTest other = new FirstAdministratorTest();
        given(other.passwords.encode(any())).willReturn("x");
        other.runner("root.admin", 2).create();
        assertThat(other.console.toString(StandardCharsets.UTF_8)).as("another start, another password")
                .doesNotContain(password);
    }

    @Test
    void whenAnAdministratorExistsNobodyIsMadeAndNothingIsShown() throws Exception {
        given(users.existsByRoleAndEnabledTrue(Role.ADMIN)).willReturn(true);

        assertThat(runner("root.admin", 1).create()).isFalse();

        then(users).should(never()).save(any());
        then(audit).shouldHaveNoInteractions();
        assertThat(console.size()).isZero();
    }

    @Test
    void aBadNameOrOneTakenByAnotherUserStopsTheStart() throws Exception {
        assertThatThrownBy(() -> runner("Root Admin", 1).create()).isInstanceOf(IllegalStateException.class);
        given(users.existsByUsername("cw.someone")).willReturn(true);
        assertThatThrownBy(() -> runner("cw.someone", 1).create()).isInstanceOf(IllegalStateException.class);

        then(users).should(never()).save(any());
        assertThat(console.size()).isZero();
    }
}
