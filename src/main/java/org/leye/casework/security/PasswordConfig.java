package org.leye.casework.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password encoder, apart from {@link SecurityConfig} so that the engine's identity provider
 * can use it without pulling in the web security configuration: BCrypt, with the passwords it has
 * verified remembered for {@code leye.security.verified-passwords.ttl} (default 5 minutes; PT0S turns
 * it off), see {@link RememberingPasswordEncoder}.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfig {

    @Bean
    PasswordEncoder passwordEncoder(ObjectProvider<Clock> clock,
            @Value("${leye.security.verified-passwords.ttl:PT5M}") Duration ttl,
            @Value("${leye.security.verified-passwords.max-entries:10000}") int maxEntries) {
        return new RememberingPasswordEncoder(new BCryptPasswordEncoder(), clock.getIfAvailable(Clock::systemUTC), ttl,
                maxEntries);
    }
}
