package org.leye.casework.shared.crypto;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Rotates the personal-data keys: with {@code leye.crypto.rotate=true} the application rewrites
 * every encrypted value under the current key ({@code leye.crypto.key}, {@code key-version}) and
 * every keyed hash under the current hash key, then stops. The earlier key is given as
 * {@code leye.crypto.previous-keys=<version>:<base64>} for the run. README "Security" has the
 * command; run it with the application stopped on every node.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // before the demo profile's runners, which would write under the new key
class PersonalDataRotation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRotation.class);

    private final List<EncryptedColumns> columns;
    private final PersonalDataCipher cipher;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    PersonalDataRotation(List<EncryptedColumns> columns, PersonalDataCipher cipher, Environment environment,
            ConfigurableApplicationContext context) {
        this.columns = columns;
        this.cipher = cipher;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!environment.getProperty("leye.crypto.rotate", Boolean.class, false)) {
            return;
        }
        long rows = rotate();
        log.info("Key rotation done: {} rows rewritten under key version {}; the application stops now", rows,
                cipher.version());
        int status = SpringApplication.exit(context, () -> 0);
        System.exit(status);
    }

    /** Rewrites every store; answers the rows rewritten. */
    long rotate() {
        long total = 0;
        for (EncryptedColumns store : columns) {
            long rows = store.rotate();
            log.info("Key rotation: {}: {} rows rewritten", store.describe(), rows);
            total += rows;
        }
        return total;
    }
}
