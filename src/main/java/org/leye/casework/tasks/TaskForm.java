package org.leye.casework.tasks;

import java.util.Arrays;
import java.util.List;

/**
 * The form that completes a task of one type, as its {@link TaskCompletionHandler} declares it: the
 * fields in the order the task page shows them, each by one fragment of its kind
 * ({@code templates/tasks/fields.html}). The page sends the answers to the handler as the API does,
 * in JSON: each field under its name, as text, but a {@link Kind#CHOICES} as a list and the id of a
 * registered employer as a number. The handler reads and validates them as its own record.
 */
public record TaskForm(List<Field> fields) {

    public TaskForm {
        fields = List.copyOf(fields);
    }

    public static TaskForm of(Field... fields) {
        return new TaskForm(List.of(fields));
    }

    /** The same form with the options of one choice set, for choices that depend on the task. */
    public TaskForm withOptions(String field, List<Option> options) {
        return new TaskForm(fields.stream().map(f -> f.name().equals(field) ? f.withOptions(options) : f).toList());
    }

    public boolean has(Kind kind) {
        return fields.stream().anyMatch(f -> f.kind() == kind);
    }

    public enum Kind {
        /** One line of text. */
        TEXT,
        /** Several lines of text (at most 1,000 characters). */
        TEXTAREA,
        /** A day; the page proposes today in the city. */
        DATE,
        /** One of the options. */
        CHOICE,
        /** Any of the options, sent as a list. */
        CHOICES,
        /** Yes or no, sent as {@code true} or {@code false}. */
        BOOLEAN,
        /**
         * A registered employer, found by a search on the page and sent as a number under
         * {@code <name>Id}, or the name of a new one under {@code <name>}.
         */
        EMPLOYER
    }

    /**
     * One field: its name in the request and in the handler's record, its kind, its label's message
     * key, its options (for choices), and whether the handler refuses the form without it.
     */
    public record Field(String name, Kind kind, String labelKey, List<Option> options, boolean required) {

        public Field {
            options = List.copyOf(options);
        }

        public static Field text(String name, String labelKey) {
            return new Field(name, Kind.TEXT, labelKey, List.of(), false);
        }

        public static Field textarea(String name, String labelKey) {
            return new Field(name, Kind.TEXTAREA, labelKey, List.of(), false);
        }

        public static Field date(String name, String labelKey) {
            return new Field(name, Kind.DATE, labelKey, List.of(), false);
        }

        public static Field choice(String name, String labelKey, List<Option> options) {
            return new Field(name, Kind.CHOICE, labelKey, options, false);
        }

        public static Field choices(String name, String labelKey, List<Option> options) {
            return new Field(name, Kind.CHOICES, labelKey, options, false);
        }

        public static Field yesNo(String name, String labelKey) {
            return new Field(name, Kind.BOOLEAN, labelKey, List.of(), false);
        }

        public static Field employer(String name, String labelKey) {
            return new Field(name, Kind.EMPLOYER, labelKey, List.of(), false);
        }

        /** The note that most forms end with. */
        public static Field note() {
            return textarea("note", "web.form.note");
        }

        public Field asRequired() {
            return new Field(name, kind, labelKey, options, true);
        }

        Field withOptions(List<Option> options) {
            return new Field(name, kind, labelKey, options, required);
        }

        /** The names under which the field is sent: two for an employer (the registered one's id, a new one's name). */
        public List<String> parameters() {
            return kind == Kind.EMPLOYER ? List.of(idParameter(), name) : List.of(name);
        }

        /** The parameter of a registered employer's id. */
        public String idParameter() {
            return name + "Id";
        }
    }

    /**
     * A choice: its value, and its label as a message key, or as text (a person's name), or both
     * (the text, then the message: "王老师 (teacher.wyu) · 帮扶教师").
     */
    public record Option(String value, String label, String labelKey) {

        /** Every value of an enum, each labelled by the message {@code <labelPrefix><NAME>}. */
        public static <E extends Enum<E>> List<Option> of(Class<E> values, String labelPrefix) {
            return Arrays.stream(values.getEnumConstants()).map(v -> new Option(v.name(), null, labelPrefix + v.name()))
                    .toList();
        }
    }
}
