package org.leye.casework.tasks;

import org.leye.casework.security.CurrentUsers;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.web.PageRequests;
import org.leye.casework.shared.web.PageResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The task list over HTTP (API.md "Tasks"). */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final TaskList taskList;
    private final TaskMapper mapper;
    private final CurrentUsers users;

    TaskController(TaskList taskList, TaskMapper mapper, CurrentUsers users) {
        this.taskList = taskList;
        this.mapper = mapper;
        this.users = users;
    }

    @GetMapping
    PageResponse<TaskView> list(@RequestParam(defaultValue = "all") String scope,
            @RequestParam(required = false) TaskType type,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) Integer priority,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "priority") String sort,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        TaskQuery.Scope s = parse(TaskQuery.Scope.class, "scope", scope);
        TaskQuery.SortOrder order = parse(TaskQuery.SortOrder.class, "sort", sort);
        TaskQuery query = new TaskQuery(s, type, district, priority, overdue, q, order);
        var result = taskList.list(query, PageRequests.of(page, size, TaskList.sort(order)), users.current());
        return PageResponse.of(result, mapper::toView);
    }

    @GetMapping("/{id}")
    TaskView get(@PathVariable String id) {
        return mapper.toView(taskList.get(id, users.current()));
    }

    @PostMapping("/{id}/claim")
    ResponseEntity<Void> claim(@PathVariable String id) {
        taskList.claim(id, users.current());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unclaim")
    ResponseEntity<Void> unclaim(@PathVariable String id) {
        taskList.unclaim(id, users.current());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/complete")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody(required = false) JsonNode form) {
        taskList.complete(id, form == null ? JsonNodeFactory.instance.objectNode() : form, users.current());
        return ResponseEntity.noContent().build();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "validation.enum", java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
