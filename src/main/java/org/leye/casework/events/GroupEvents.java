package org.leye.casework.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntryType;
import org.leye.casework.ledger.LedgerEntryView;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.shared.problem.BusinessRuleException;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.shared.problem.DomainProblem;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.InvalidInputException;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.tasks.CaseTask;
import org.leye.casework.tasks.OpenTasks;
import org.leye.casework.tasks.TaskList;
import org.leye.casework.tasks.TaskQuery;
import org.leye.casework.tasks.TaskType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A group event (a guidance session, a job fair, a training session) recorded for each graduate who took
 * part, all or nothing: each graduate's matching open task is completed through {@link TaskList#complete}
 * with the form its handler reads, so that it writes the task's one ledger entry and moves the process as a
 * completion on the task page does. A refusal of any one completion (its form, a blacklisted employer, a task
 * completed meanwhile) rolls the whole event back and names the graduate.
 * <ul>
 * <li>Only a task that nobody claimed, or that the caller claimed, is completed: one claimed by another user
 * is theirs to complete, and the graduate is listed back in {@code claimedByOther}.</li>
 * <li>Of several open tasks of the type (three referrals) the oldest is completed.</li>
 * <li>Ids of graduates that do not exist or that the caller does not serve are listed back alike as
 * {@code unknown}, and nothing is recorded for them.</li>
 * </ul>
 */
@Service
public class GroupEvents {

    public static final int MAX_GRADUATES = 500;
    static final int CANDIDATES_PER_TYPE = 200;

    private static final Logger log = LoggerFactory.getLogger(GroupEvents.class);

    private final GraduateRegistry graduates;
    private final OpenTasks openTasks;
    private final TaskList taskList;
    private final Ledger ledger;
    private final ObjectMapper json;

    GroupEvents(GraduateRegistry graduates, OpenTasks openTasks, TaskList taskList, Ledger ledger, ObjectMapper json) {
        this.graduates = graduates;
        this.openTasks = openTasks;
        this.taskList = taskList;
        this.ledger = ledger;
        this.json = json;
    }

    @Transactional
    public GroupEventResult record(RecordGroupEvent event, CurrentUser caller) {
        checkAcross(event);
        List<Long> unknown = new ArrayList<>();
        List<Long> known = new ArrayList<>();
        for (Long id : event.graduateIds()) {
            (graduates.visible(id, caller) ? known : unknown).add(id);
        }
        List<GroupEventResult.Completed> completed = new ArrayList<>();
        List<GroupEventResult.Recorded> recorded = new ArrayList<>();
        List<Long> withoutTask = new ArrayList<>();
        List<Long> claimedByOther = new ArrayList<>();
        TaskType type = switch (event.kind()) {
            case GUIDANCE -> TaskType.GUIDANCE;
            case TRAINING_SESSION -> TaskType.TRAINING_OR_INTERNSHIP;
            case JOB_FAIR -> TaskType.REFERRAL;
        };
        List<Long> withTaskWanted = event.kind() == EventKind.JOB_FAIR
                ? known.stream().filter(event.positions()::containsKey).toList() : known;
        Map<Long, List<CaseTask>> open = byGraduate(openTasks.ofGraduates(withTaskWanted, type));
        for (Long id : known) {
            if (event.kind() == EventKind.JOB_FAIR) {
                recorded.add(new GroupEventResult.Recorded(id, ledger.record(Ledger.Record.of(id, null,
                        LedgerEntryType.JOB_FAIR_ATTENDED, caller.username()).with("date", event.date())
                        .with("topic", event.title()).with("note", event.place()))));
                if (!event.positions().containsKey(id)) {
                    continue;
                }
            }
            List<CaseTask> tasks = open.getOrDefault(id, List.of());
            Optional<CaseTask> task = tasks.stream()
                    .filter(t -> t.getAssignee() == null || t.getAssignee().equals(caller.username())).findFirst();
            if (task.isEmpty()) {
                (tasks.isEmpty() ? withoutTask : claimedByOther).add(id);
                continue;
            }
            String taskId = task.get().getId();
            try {
                taskList.complete(taskId, form(event, id), caller);
            } catch (DomainProblem refused) {
                throw naming(id, taskId, refused);
            }
            completed.add(new GroupEventResult.Completed(id, taskId,
                    ledger.forTask(taskId).map(LedgerEntryView::id).orElse(null)));
        }
        log.info("Group event {} by {}: {} completed, {} recorded, {} without task, {} claimed by another, {} unknown",
                event.kind(), caller.username(), completed.size(), recorded.size(), withoutTask.size(),
                claimedByOther.size(), unknown.size());
        return new GroupEventResult(new GroupEventResult.Event(event.kind(), event.date(), event.title(),
                event.place(), event.graduateIds().size()), completed, recorded, withoutTask, claimedByOther, unknown);
    }

    /** A graduate the page offers: an open task of the caller's inbox that an event may complete. */
    public record Candidate(long graduateId, String graduateName, String caseNumber, TaskType type) {
    }

    /** The graduates a page's choice names: their ids, and what named nobody the caller serves, as given. */
    public record Picked(List<Long> graduateIds, List<String> unknown) {
    }

    /**
     * The open guidance, training and referral tasks of the caller's inbox that an event may complete
     * (unclaimed or the caller's), the {@value #CANDIDATES_PER_TYPE} newest of each type (an event follows
     * recent work), one per graduate and type.
     */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(CurrentUser caller) {
        List<Candidate> offered = new ArrayList<>();
        for (TaskType type : List.of(TaskType.GUIDANCE, TaskType.TRAINING_OR_INTERNSHIP, TaskType.REFERRAL)) {
            TaskQuery query = new TaskQuery(TaskQuery.Scope.ALL, type, null, null, null, null, TaskQuery.SortOrder.CREATED);
            Set<Long> seen = new HashSet<>();
            taskList.list(query, PageRequest.of(0, CANDIDATES_PER_TYPE, TaskList.sort(TaskQuery.SortOrder.CREATED)), caller)
                    .forEach(t -> {
                        if ((t.getAssignee() == null || t.getAssignee().equals(caller.username()))
                                && seen.add(t.getGraduateId())) {
                            offered.add(new Candidate(t.getGraduateId(), t.getGraduateName(), t.getCaseNumber(), type));
                        }
                    });
        }
        return offered;
    }

    /**
     * The graduates chosen on the page: the ids ticked, and a pasted list of graduate ids or case numbers
     * (separated by spaces, commas or new lines). A case number names its graduate through the case's open
     * tasks in the caller's scope; one that names none is listed back as given.
     */
    @Transactional(readOnly = true)
    public Picked pick(Collection<Long> ticked, String pasted, CurrentUser caller) {
        Set<Long> ids = new LinkedHashSet<>(ticked == null ? List.of() : ticked);
        List<String> unknown = new ArrayList<>();
        for (String entry : pasted == null ? new String[0] : pasted.strip().split("[\\s,，、;；]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.chars().allMatch(Character::isDigit) && entry.length() < 19) {
                ids.add(Long.valueOf(entry));
                continue;
            }
            String caseNumber = entry.toUpperCase(Locale.ROOT);
            TaskQuery query = new TaskQuery(TaskQuery.Scope.ALL, null, null, null, null, caseNumber, null);
            Optional<Long> graduate = taskList.list(query, PageRequest.of(0, 1), caller).stream()
                    .filter(t -> caseNumber.equals(t.getCaseNumber())).map(CaseTask::getGraduateId).findFirst();
            graduate.ifPresentOrElse(ids::add, () -> unknown.add(entry));
        }
        return new Picked(List.copyOf(ids), unknown);
    }

    /** What the annotations cannot check: distinct ids, positions only at a job fair and for its graduates. */
    private static void checkAcross(RecordGroupEvent event) {
        List<InvalidFieldException.FieldError> errors = new ArrayList<>();
        if (new HashSet<>(event.graduateIds()).size() != event.graduateIds().size()) {
            errors.add(new InvalidFieldException.FieldError("graduateIds", "validation.distinct"));
        }
        if (!event.positions().isEmpty() && event.kind() != EventKind.JOB_FAIR) {
            errors.add(new InvalidFieldException.FieldError("positions", "validation.positionsAtJobFair"));
        }
        Set<Long> named = new LinkedHashSet<>(event.positions().keySet());
        named.removeAll(event.graduateIds());
        named.forEach(id -> errors.add(new InvalidFieldException.FieldError("positions[" + id + "]",
                "validation.positionForListedGraduate")));
        if (event.kind() == EventKind.TRAINING_SESSION) {
            // the training's provider and program, as the task's form holds them
            if (event.place() == null || event.place().isBlank()) {
                errors.add(new InvalidFieldException.FieldError("place", "validation.required"));
            } else if (event.place().strip().length() > 128) {
                errors.add(new InvalidFieldException.FieldError("place", "validation.maxLength", 128));
            }
            if (event.title().strip().length() > 128) {
                errors.add(new InvalidFieldException.FieldError("title", "validation.maxLength", 128));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
    }

    /** The body that the task's own form takes (Service131Forms), filled from the event. */
    private ObjectNode form(RecordGroupEvent event, long graduateId) {
        ObjectNode body = json.createObjectNode();
        switch (event.kind()) {
            case GUIDANCE -> body.put("date", event.date().toString()).put("topic", event.title())
                    .put("note", event.place());
            case TRAINING_SESSION -> body.put("kind", "TRAINING").put("provider", event.place())
                    .put("program", event.title()).put("startDate", event.date().toString());
            case JOB_FAIR -> {
                RecordGroupEvent.NamedPosition position = event.positions().get(graduateId);
                if (position.employerId() != null) {
                    body.put("employerId", position.employerId());
                }
                body.put("employer", position.employer()).put("position", position.position())
                        .put("outcome", "PENDING").put("note", event.title());
            }
        }
        return body;
    }

    private static Map<Long, List<CaseTask>> byGraduate(List<CaseTask> tasks) {
        Map<Long, List<CaseTask>> by = new LinkedHashMap<>();
        tasks.forEach(t -> by.computeIfAbsent(t.getGraduateId(), g -> new ArrayList<>()).add(t));
        return by;
    }

    /** The same refusal, naming the graduate whose completion it refused. */
    static DomainProblem naming(long graduateId, String taskId, DomainProblem refused) {
        if (refused instanceof InvalidFieldException invalid) {
            return new InvalidFieldException(invalid.errors().stream()
                    .map(e -> new InvalidFieldException.FieldError("graduates[" + graduateId + "]." + e.field(),
                            e.messageKey(), e.args()))
                    .toList());
        }
        Map<String, Object> properties = new HashMap<>(refused.properties());
        properties.put("graduateId", graduateId);
        if (refused instanceof ConflictException) {
            return new ConflictException(refused.messageKey(), properties, refused.args());
        }
        if (refused instanceof BusinessRuleException) {
            return new BusinessRuleException(refused.messageKey(), properties, refused.args());
        }
        if (refused instanceof InvalidInputException) {
            return new InvalidInputException(refused.messageKey(), properties, refused.args());
        }
        if (refused instanceof NotFoundException) {
            // the task went in the meantime: a conflict with the state the event was read from
            return new ConflictException("problem.taskCompleted", properties, taskId);
        }
        return refused;
    }
}
