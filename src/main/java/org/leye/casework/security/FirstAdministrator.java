package org.leye.casework.security;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.regex.Pattern;

import org.leye.casework.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator of an empty database (docs/operations.md): started once with
 * {@code --leye.bootstrap-admin=<username>}, the application creates that administrator with a
 * password made at random, printed once to the console (standard output, never the log), which they
 * change at their first sign-in. Only when no enabled administrator exists: otherwise it does nothing
 * but say so, so the option may stay. There is no default password.
 */
@Component
@ConditionalOnProperty(FirstAdministrator.PROPERTY)
@Order(1)
class FirstAdministrator implements ApplicationRunner {

    static final String PROPERTY = "leye.bootstrap-admin";

    /** 20 characters of 57 (no 0/O, 1/l/I): about 117 bits. */
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int PASSWORD_LENGTH = 20;

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AppUsers users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final String username;
    private final SecureRandom random;
    private final PrintStream console;

    @Autowired
    FirstAdministrator(AppUsers users, PasswordEncoder passwords, AuditLog audit, Clock clock,
            @Value("${" + PROPERTY + "}") String username) {
        this(users, passwords, audit, clock, username, new SecureRandom(), System.out);
    }

    FirstAdministrator(AppUsers users, PasswordEncoder passwords, AuditLog audit, Clock clock, String username,
            SecureRandom random, PrintStream console) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.username = username == null ? "" : username.strip();
        this.random = random;
        this.console = console;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        create();
    }

    /** @return whether the administrator was created */
    boolean create() {
        if (!Pattern.matches(NewUserAccount.USERNAME, username)) {
            throw new IllegalStateException(PROPERTY + " must be a user name of lower-case letters, digits, '.', '_' "
                    + "and '-' (2 to 64)");
        }
        if (users.existsByRoleAndEnabledTrue(Role.ADMIN)) {
            log.info("{} is set, but an administrator exists: nobody created", PROPERTY);
            return false;
        }
        if (users.existsByUsername(username)) {
            throw new IllegalStateException(PROPERTY + " names a user who exists and is no enabled administrator: "
                    + "choose another name");
        }
        String password = randomPassword();
        users.save(AppUser.createWithPasswordToChange(username, passwords.encode(password), username, Role.ADMIN, null,
                null, null, clock.instant()));
        audit.record(PROPERTY, AuditLog.USER_CREATED, null, "created user " + username + ": ADMIN (first administrator)");
        log.info("First administrator created; the one-time password is on the console (standard output)");
        console.println();
        console.println("==== Leye Casework: first administrator ====");
        console.println("User name: " + username);
        console.println("One-time password: " + password);
        console.println("Sign in at /login and choose your own password; this one is shown only now.");
        console.println("============================================");
        console.println();
        return true;
    }

    private String randomPassword() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
