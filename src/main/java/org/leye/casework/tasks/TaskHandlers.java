package org.leye.casework.tasks;

import java.util.List;

import org.springframework.stereotype.Component;

/** The completion handler of each task type, for the task list and the task page. */
@Component
class TaskHandlers {

    private final List<TaskCompletionHandler> handlers;

    TaskHandlers(List<TaskCompletionHandler> handlers) {
        this.handlers = handlers;
    }

    TaskCompletionHandler of(TaskType type) {
        return handlers.stream().filter(h -> h.handles(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No completion handler for " + type));
    }
}
