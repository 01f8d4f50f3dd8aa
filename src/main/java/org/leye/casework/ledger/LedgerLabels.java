package org.leye.casework.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.leye.casework.graduates.Destination;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The details of a ledger entry as the timeline shows them: each a label and a value in the page's
 * language. Values that are codes (a willingness, a contact's channel and outcome, a referral's
 * outcome, the help given, a close reason, a destination code ...) are shown by their names; free
 * text as written.
 */
@Component
public class LedgerLabels {

    /** A detail of an entry as shown: its label (null when it has none), its value, and both as one text. */
    record Detail(String key, String label, String value, String text) {
    }

    /** Detail keys whose values are codes, and the message prefix that names them. */
    static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("willingness", "willingness."),
            Map.entry("outcome", "outcome."),
            Map.entry("kind", "trainingKind."),
            Map.entry("contact", "contact."),
            Map.entry("channel", "contact."),
            Map.entry("help", "help."),
            Map.entry("helperKind", "helperKind."),
            Map.entry("taskType", "task.type."),
            Map.entry("source", "source."),
            Map.entry("reason", "closeReason."),
            Map.entry("group", "destinationGroup."),
            Map.entry("case", "ledger.case."),
            Map.entry("difficulties", "difficulty."));

    /**
     * The detail keys that get a label (ledger.detail.KEY, in every language of the pages); ids
     * are left out of the timeline.
     */
    public static final List<String> LABELLED = List.of("date", "topic", "note", "employer", "position", "outcome", "kind",
            "provider", "program", "startDate", "willingness", "reached", "channel", "attempt", "failedAttempts", "contact",
            "help", "jobsRecommended", "helper", "helperName", "helperKind", "needs", "targetJobs", "actions",
            "reference", "code", "publicWelfare", "group", "reason", "from", "to", "due", "taskType", "source", "willingToWork",
            "caseDeferred", "case", "caseNumber", "priority", "closedCase", "mergedCaseNumber", "difficulties", "evidence",
            "changes");

    private static final Set<String> HIDDEN = Set.of("helper", "priority");

    private final MessageSource messages;

    LedgerLabels(MessageSource messages) {
        this.messages = messages;
    }

    List<Detail> of(Map<String, Object> details) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Detail> shown = new ArrayList<>();
        for (Map.Entry<String, Object> d : details.entrySet()) {
            String key = d.getKey();
            if (key.endsWith("Id") || HIDDEN.contains(key) || d.getValue() == null || "".equals(d.getValue())) {
                continue;
            }
            String label = LABELLED.contains(key) ? messages.getMessage("ledger.detail." + key, null, key, locale) : null;
            String value = value(key, d.getValue(), locale);
            String separator = "zh".equals(locale.getLanguage()) ? "：" : ": ";
            shown.add(new Detail(key, label, value, label == null ? value : label + separator + value));
        }
        return shown;
    }

    /** The fields of a correction's {@code changes} (GRADUATE_CORRECTED): their labels, and the detail keys that name their codes. */
    static final Map<String, String> CORRECTED_FIELDS = Map.of("phone", "web.graduate.phone",
            "address", "web.graduate.address", "major", "web.graduate.major", "degree", "web.graduate.degree",
            "difficulties", "web.graduate.difficulties", "willingToWork", "web.register.willing");

    private String value(String key, Object value, Locale locale) {
        if ("changes".equals(key) && value instanceof Collection<?> changes) {
            List<String> shown = changes.stream().filter(Map.class::isInstance).map(c -> change((Map<?, ?>) c, locale))
                    .toList();
            return String.join("；", shown);
        }
        if (value instanceof Collection<?> list) {
            List<String> names = list.stream().map(v -> value(key, v, locale)).toList();
            return String.join("、", names);
        }
        if (value instanceof Boolean b) {
            return messages.getMessage(b ? "web.yes" : "web.no", null, locale);
        }
        String text = String.valueOf(value);
        if ("code".equals(key)) {
            return Destination.ofCode(text).map(dest -> messages.getMessage("destination." + dest.name(), null, text,
                    locale)).orElse(text);
        }
        String prefix = CODES.get(key);
        return prefix == null ? text : messages.getMessage(prefix + text, null, text, locale);
    }

    /** One field of a correction: "专业：会计学 → 财务管理", a value that was or became empty as "—". */
    private String change(Map<?, ?> change, Locale locale) {
        String field = String.valueOf(change.get("field"));
        String label = messages.getMessage(CORRECTED_FIELDS.getOrDefault(field, field), null, field, locale);
        String separator = "zh".equals(locale.getLanguage()) ? "：" : ": ";
        return label + separator + shown(field, change.get("from"), locale) + " → " + shown(field, change.get("to"), locale);
    }

    /** A value of a correction: a degree and difficulties by their names, yes or no, a text as written. */
    private String shown(String field, Object value, Locale locale) {
        if (value == null || "".equals(value) || value instanceof Collection<?> none && none.isEmpty()) {
            return "—";
        }
        return "degree".equals(field) ? messages.getMessage("degree." + value, null, String.valueOf(value), locale)
                : value(field, value, locale);
    }
}
