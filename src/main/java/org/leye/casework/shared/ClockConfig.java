package org.leye.casework.shared;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the domain, so that tests can fix time. */
@Configuration
class ClockConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Bean Validation's "now" ({@code @PastOrPresent} and the like) from the application's clock in
     * the city's zone, not the JVM's default zone: a date proposed as today by a page is not refused
     * as a future one between midnight and 08:00 in the city.
     */
    @Bean
    ValidationConfigurationCustomizer cityClockForValidation(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock.withZone(CityTime.ZONE));
    }
}
