package org.leye.casework.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.leye.casework.shared.problem.DomainProblem;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Helpers of the pages: messages in the page's language, times in Beijing time, role checks. */
@Component("pages")
public class Pages {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;

    Pages(MessageSource messages) {
        this.messages = messages;
    }

    /** A page that the role may not open is answered like an unknown one. */
    static void require(CurrentUser caller, Role... roles) {
        if (Arrays.stream(roles).noneMatch(r -> r == caller.role())) {
            throw new NotFoundException("page", caller.role());
        }
    }

    public String message(DomainProblem e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale());
    }

    /** The field errors of a refused form, each in the page's language, keyed by field. */
    public Map<String, String> fieldErrors(InvalidFieldException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (InvalidFieldException.FieldError error : e.errors()) {
            errors.merge(error.field(), messages.getMessage(error.messageKey(), error.args(), error.messageKey(),
                    locale()), (a, b) -> a + "；" + b);
        }
        return errors;
    }

    /** A moment in Beijing time, for the pages ({@code ${@pages.at(t)}}). */
    public String at(Instant instant) {
        return instant == null ? "" : AT.format(LocalDateTime.ofInstant(instant, ZONE));
    }

    /** A share between 0 and 1 as a percentage with one decimal ({@code ${@pages.percent(r)}}). */
    public String percent(BigDecimal share) {
        return share == null ? "—" : share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    /** A share between 0 and 1 as a number of percent with one decimal, for the chart's data. */
    public String percentNumber(BigDecimal share) {
        return share == null ? "0" : share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
