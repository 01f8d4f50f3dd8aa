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
 * language. Values that are codes (a willingness, a referral's outcome, the help given, a close
 * reason, a destination code ...) are shown by their names; free text as written.
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
            "provider", "program", "startDate", "willingness", "reached", "attempt", "failedAttempts", "contact",
            "help", "jobsRecommended", "helper", "helperName", "helperKind", "needs", "targetJobs", "actions",
            "reference", "code", "publicWelfare", "group", "reason", "from", "to", "due", "taskType", "source", "willingToWork",
            "caseDeferred", "case", "caseNumber", "priority", "closedCase", "mergedCaseNumber", "difficulties", "evidence");

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

    private String value(String key, Object value, Locale locale) {
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
}
