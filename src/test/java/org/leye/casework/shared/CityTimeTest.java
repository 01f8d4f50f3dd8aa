package org.leye.casework.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.validation.Configuration;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;

import org.junit.jupiter.api.Test;

/** "Today" is the city's day, also between 00:00 and 08:00 in Jiangmen, when UTC is still on the day before. */
class CityTimeTest {

    /** 01:00 on 27 November in Jiangmen, 17:00 on 26 November in UTC. */
    static final Clock AFTER_MIDNIGHT_IN_THE_CITY = Clock.fixed(Instant.parse("2026-11-26T17:00:00Z"), ZoneOffset.UTC);

    record Form(@PastOrPresent LocalDate date) {
    }

    @Test
    void todayIsTheCitysDayWhenUtcIsStillOnTheDayBefore() {
        assertThat(CityTime.today(AFTER_MIDNIGHT_IN_THE_CITY)).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void validationTakesTheCitysTodayAsPresentAndTomorrowAsFuture() {
        Configuration<?> configuration = Validation.byDefaultProvider().configure();
        new ClockConfig().cityClockForValidation(AFTER_MIDNIGHT_IN_THE_CITY).customize(configuration);
        try (var factory = configuration.buildValidatorFactory()) {
            Validator validator = factory.getValidator();
            assertThat(validator.validate(new Form(LocalDate.of(2026, 11, 27)))).isEmpty();
            assertThat(validator.validate(new Form(LocalDate.of(2026, 11, 28)))).hasSize(1);
        }
    }
}
