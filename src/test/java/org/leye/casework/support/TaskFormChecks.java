package org.leye.casework.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.leye.casework.tasks.TaskForm;

/**
 * Checks of a task form's declaration ({@link TaskForm}) against the record that its handler reads
 * the answers as, and against the messages: what the page shows and what the handler takes stay
 * the same fields.
 */
public final class TaskFormChecks {

    private TaskFormChecks() {
    }

    /**
     * The form sends exactly the record's components, and declares required exactly those the
     * record refuses when missing ({@code @NotNull}, {@code @NotBlank}).
     */
    public static void assertDeclares(TaskForm form, Class<? extends Record> record) {
        List<String> sent = form.fields().stream().flatMap(f -> f.parameters().stream()).toList();
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(sent).as("the fields of %s", record.getSimpleName()).containsExactlyInAnyOrderElementsOf(components);
        Set<String> required = form.fields().stream().filter(TaskForm.Field::required)
                .flatMap(f -> f.parameters().stream()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> refusedWhenMissing = Arrays.stream(record.getRecordComponents())
                .filter(c -> c.getAccessor().isAnnotationPresent(NotNull.class)
                        || c.getAccessor().isAnnotationPresent(NotBlank.class))
                .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(required).as("the required fields of %s", record.getSimpleName()).isEqualTo(refusedWhenMissing);
    }

    /** Every label of the form, its options' included, is in Chinese (the default bundle) and in English. */
    public static void assertLabelled(TaskForm form) {
        Set<String> keys = new TreeSet<>();
        for (TaskForm.Field field : form.fields()) {
            keys.add(field.labelKey());
            field.options().stream().map(TaskForm.Option::labelKey).filter(k -> k != null).forEach(keys::add);
        }
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            assertThat(MessageBundles.keys(bundle)).as(bundle).containsAll(keys);
        }
    }
}
