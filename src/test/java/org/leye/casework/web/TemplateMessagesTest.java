package org.leye.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.leye.casework.assistance.AssistanceStatus;
import org.leye.casework.assistance.HelperKind;
import org.leye.casework.cases.CaseStatus;
import org.leye.casework.cases.CloseReason;
import org.leye.casework.handover.HandoverStatus;
import org.leye.casework.handover.RowOutcome;
import org.leye.casework.graduates.Source;
import org.leye.casework.graduates.Degree;
import org.leye.casework.graduates.Destination;
import org.leye.casework.graduates.Difficulty;
import org.leye.casework.graduates.Gender;
import org.leye.casework.graduates.GraduateStatus;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.ledger.LedgerLabels;
import org.leye.casework.reports.ReportViews;
import org.leye.casework.security.Role;
import org.leye.casework.support.MessageBundles;
import org.leye.casework.tasks.TaskType;

/**
 * Every message a page names exists in Chinese (messages.properties, the default bundle) and in
 * English: the literal keys of the templates, the keys the pages build from enum values and
 * choices, the navigation's, and the notices and labels that the code names ({@code "web.…"}): the
 * page controllers live in their capabilities, so every source file is read for them. The labels of
 * the task forms' options are checked where the forms are declared ({@code cases.Service131FormsTest},
 * {@code assistance.AssistanceFormsTest}).
 */
class TemplateMessagesTest {

    private static final Pattern LITERAL = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9_])");
    private static final Pattern JAVA_KEY = Pattern.compile("\"(web\\.[A-Za-z0-9.]+[A-Za-z0-9])\"");

    @Test
    void everyMessageOfThePagesExistsInChineseAndEnglish() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/leye/casework"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = JAVA_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).contains("web.login.title", "web.inbox.title", "web.task.completed");
        used.addAll(built());
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            assertThat(MessageBundles.keys(bundle)).as(bundle).containsAll(used);
        }
    }

    /** Keys that Spring itself looks up: the binding error of a form field of the wrong type. */
    private static final Set<String> SPRING_CODES = Set.of("typeMismatch");

    /**
     * No message is left behind by a change: every key of the bundles is named by the code (a string
     * or an annotation's {@code {key}}), by a template or script, or built from a prefix the code or
     * a template names ({@code "problem.notFound." + what}, {@code #{${'role.' + r}}}); and both
     * languages have the same keys.
     */
    @Test
    void noMessageIsUnusedAndBothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> literals = new TreeSet<>();
        Pattern string = Pattern.compile("\"((?:[^\"\\\\\\n]++|\\\\.)*+)\"");
        Pattern braced = Pattern.compile("\\{([A-Za-z][\\w.]*)}");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/leye/casework"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern p : List.of(string, braced)) {
                    Matcher m = p.matcher(source);
                    while (m.find()) {
                        literals.add(m.group(1));
                    }
                }
            }
        }
        StringBuilder pages = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".js")).toList()) {
                pages.append(Files.readString(file)).append('\n');
            }
        }
        List<String> prefixes = literals.stream().filter(l -> l.length() > 2 && l.endsWith(".")).toList();
        Set<String> chinese = MessageBundles.keys("messages.properties");
        List<String> unused = new ArrayList<>();
        for (String key : chinese) {
            boolean named = literals.contains(key) || pages.indexOf(key) >= 0 || SPRING_CODES.contains(key)
                    || prefixes.stream().anyMatch(key::startsWith)
                    || pages.indexOf("'" + key.substring(0, key.lastIndexOf('.') + 1) + "'") >= 0;
            if (!named) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys that nothing names").isEmpty();
        assertThat(MessageBundles.keys("messages_en.properties")).containsExactlyInAnyOrderElementsOf(chinese);
    }

    /** The keys the templates build as {@code #{${'prefix.' + value}}}. */
    private static List<String> built() {
        List<String> keys = new ArrayList<>();
        add(keys, "role.", Role.values());
        add(keys, "task.type.", TaskType.values());
        add(keys, "ledger.type.", LedgerEntryType.values());
        add(keys, "graduate.status.", GraduateStatus.values());
        add(keys, "case.status.", CaseStatus.values());
        add(keys, "degree.", Degree.values());
        add(keys, "difficulty.", Difficulty.values());
        add(keys, "gender.", Gender.values());
        add(keys, "destination.", Destination.values());
        add(keys, "web.form.title.", TaskType.values());
        Stream.of("WANTS_JOB", "FURTHER_STUDY", "NOT_SEEKING").map(v -> "willingness." + v).forEach(keys::add);
        Stream.of("PENDING", "INTERVIEW", "HIRED", "DECLINED").map(v -> "outcome." + v).forEach(keys::add);
        Stream.of("TRAINING", "INTERNSHIP").map(v -> "trainingKind." + v).forEach(keys::add);
        Stream.of("mine", "candidate", "all").map(v -> "web.inbox.scope." + v).forEach(keys::add);
        Stream.of("0", "3", "7").map(v -> "web.inbox.due." + v).forEach(keys::add);
        Stream.of("priority", "due", "created").map(v -> "web.inbox.sort." + v).forEach(keys::add);
        Nav.ENTRIES.forEach(e -> keys.add(e.labelKey()));
        // issue 6: assistance, hand-over, and the ledger's details by their names
        add(keys, "assistance.status.", AssistanceStatus.values());
        add(keys, "helperKind.", HelperKind.values());
        add(keys, "handover.status.", HandoverStatus.values());
        // issue 20: each row's result of a students' upload
        add(keys, "web.studentUpload.outcome.", RowOutcome.values());
        add(keys, "source.", Source.values());
        add(keys, "closeReason.", CloseReason.values());
        add(keys, "destinationGroup.", Destination.Group.values());
        LedgerLabels.LABELLED.forEach(v -> keys.add("ledger.detail." + v));
        Stream.of("OPENED", "FLAGGED", "REOPENED").map(v -> "ledger.case." + v).forEach(keys::add);
        // issue 19: the dashboard's judgement of the cohort rate
        add(keys, "web.dashboard.status.", ReportViews.Judgement.values());
        // issue 20: an employer's blacklist history, by what each record did
        Stream.of("BLACKLISTED", "LIFTED").map(v -> "web.employers.history." + v).forEach(keys::add);
        return keys;
    }

    private static void add(List<String> keys, String prefix, Enum<?>[] values) {
        Arrays.stream(values).map(v -> prefix + v.name()).forEach(keys::add);
    }
}
