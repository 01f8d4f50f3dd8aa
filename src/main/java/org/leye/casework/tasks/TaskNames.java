package org.leye.casework.tasks;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A task's name in the page's language: the process models name their tasks in Chinese, the messages
 * name each of them ({@code task.activity.<activity id>}) in every language the pages speak. A task
 * of a model that the messages do not know yet keeps the model's name.
 */
@Component("taskNames")
public class TaskNames {

    private static final String PREFIX = "task.activity.";

    private final MessageSource messages;

    TaskNames(MessageSource messages) {
        this.messages = messages;
    }

    /** The name of the task of the model's {@code activityId}, {@code modelName} where none is known. */
    public String of(String activityId, String modelName) {
        if (activityId == null) {
            return modelName;
        }
        return messages.getMessage(PREFIX + activityId, null, modelName, LocaleContextHolder.getLocale());
    }
}
