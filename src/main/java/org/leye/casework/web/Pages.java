package org.leye.casework.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.leye.casework.shared.CityTime;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.shared.problem.DomainProblem;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Helpers of the pages: messages in the page's language, times in the city's time, a service's
 * refusal of a form put next to its fields.
 */
@Component("pages")
public class Pages {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;

    Pages(MessageSource messages) {
        this.messages = messages;
    }

    public String message(DomainProblem e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale());
    }

    /** A binding or validation error of a form, in the page's language. */
    public String message(MessageSourceResolvable error) {
        return messages.getMessage(error, locale());
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

    /**
     * A service's refusal of a form's fields, put into the form's binding result so that the page
     * shows each message next to its field; a field the form does not have is an error of the form.
     */
    public static void reject(BindingResult form, InvalidFieldException e) {
        for (InvalidFieldException.FieldError error : e.errors()) {
            reject(form, error.field(), error.messageKey(), error.args());
        }
    }

    /**
     * A form's submission: the action, unless binding or validation refused the form already. The
     * service's refusal of fields, and a conflict (with {@code conflictField}, the field it concerns:
     * an ID number registered already, say; without, it is no refusal of the form), are put next to
     * the fields. Answers the action's view (its redirect), or empty to show the form again.
     */
    public static Optional<String> submit(BindingResult form, String conflictField, Supplier<String> action) {
        if (form.hasErrors()) {
            return Optional.empty();
        }
        try {
            return Optional.of(action.get());
        } catch (InvalidFieldException refused) {
            reject(form, refused);
        } catch (ConflictException conflict) {
            if (conflictField == null) {
                throw conflict;
            }
            reject(form, conflictField, conflict);
        }
        return Optional.empty();
    }

    /**
     * A page form's submission ({@link #submit}) whose refusal shows the form again: the action's view,
     * or else {@code showForm}'s with the message to fix the fields marked.
     */
    public static String submit(BindingResult form, String conflictField, Supplier<String> action, Model model,
            Supplier<String> showForm) {
        return submit(form, conflictField, action).orElseGet(() -> {
            model.addAttribute("problemKey", "web.form.fix");
            return showForm.get();
        });
    }

    /**
     * A refused form kept, with its errors, across the redirect back to the page that shows it
     * ({@code page}: the form's place there): the page shows it again as it was sent.
     */
    public static String backWithRefused(RedirectAttributes redirect, String name, Object form, BindingResult result,
            String page) {
        redirect.addFlashAttribute(name, form);
        redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + name, result);
        return "redirect:" + page;
    }

    /** A refusal that concerns one field of the form (an ID number registered already, say). */
    public static void reject(BindingResult form, String field, DomainProblem e) {
        reject(form, field, e.messageKey(), e.args());
    }

    private static void reject(BindingResult form, String field, String messageKey, Object[] args) {
        if (form.getFieldType(field) != null) {
            form.rejectValue(field, messageKey, args, messageKey);
        } else {
            form.reject(messageKey, args, messageKey);
        }
    }

    /** A moment in the city's time, for the pages ({@code ${@pages.at(t)}}). */
    public String at(Instant instant) {
        return instant == null ? "" : AT.format(LocalDateTime.ofInstant(instant, CityTime.ZONE));
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
