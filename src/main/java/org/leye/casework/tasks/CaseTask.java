package org.leye.casework.tasks;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An open user task of the engine, with the fields that the inbox filters and sorts on. Kept in
 * step with the engine by {@link TaskSync} in the engine's own transaction; the engine stays the
 * authority for claiming and completing.
 */
@Entity
@Table(name = "case_task")
public class CaseTask implements Persistable<String> {

    /** The prefix of the federation's candidate groups: {@code dpf-officers-<district>}, {@code dpf-<district>}. */
    static final String FEDERATION_GROUPS = "dpf-";

    @Id
    private String id;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "activity_id")
    private String activityId;

    @Enumerated(EnumType.STRING)
    private TaskType type;

    private String name;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "case_number")
    private String caseNumber;

    @Column(name = "graduate_id")
    private Long graduateId;

    /** The graduate's graduation year (never changes): the cohort's caseload is counted from it (db/V21). */
    @Column(name = "graduation_year")
    private Integer graduationYear;

    @Column(name = "graduate_name")
    private String graduateName;

    @Column(name = "district_code")
    private String districtCode;

    private int priority;

    @Column(name = "due_at")
    private Instant dueAt;

    private boolean overdue;

    /** "Due tomorrow" was sent for this due date (reset when the due date changes). */
    @Column(name = "due_notified")
    private boolean dueNotified;

    private String assignee;

    @Column(name = "candidate_group")
    private String candidateGroup;

    @Column(name = "created_at")
    private Instant createdAt;

    /**
     * A row made by {@link TaskSync} for a task the engine just created: saved with a plain insert,
     * not a merge that first reads the row (its id is the engine's task id, assigned, not generated).
     */
    @Transient
    private boolean fresh;

    protected CaseTask() {
    }

    CaseTask(String id, String processInstanceId, String activityId, TaskType type, String name, Instant createdAt) {
        this.id = id;
        this.processInstanceId = processInstanceId;
        this.activityId = activityId;
        this.type = type;
        this.name = name;
        this.createdAt = createdAt;
        this.fresh = true;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    void describeCase(Long caseId, String caseNumber, Long graduateId, String graduateName, Integer graduationYear,
            String districtCode) {
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.graduateId = graduateId;
        this.graduateName = graduateName;
        this.graduationYear = graduationYear;
        this.districtCode = districtCode;
    }

    void update(String name, int priority, Instant dueAt, String assignee, String candidateGroup) {
        if (!java.util.Objects.equals(this.dueAt, dueAt)) {
            this.dueNotified = false;
        }
        this.name = name;
        this.priority = priority;
        this.dueAt = dueAt;
        this.assignee = assignee;
        this.candidateGroup = candidateGroup;
    }

    void assign(String assignee) {
        this.assignee = assignee;
    }

    /** Marks the task overdue; answers false if it already was. */
    boolean markOverdue() {
        if (overdue) {
            return false;
        }
        overdue = true;
        return true;
    }

    /** The graduate moved: the task goes to the new district's group. */
    public void moveTo(String newDistrict, String newGroup) {
        this.districtCode = newDistrict;
        this.candidateGroup = newGroup;
    }

    public String getId() {
        return id;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getActivityId() {
        return activityId;
    }

    public TaskType getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public Long getGraduateId() {
        return graduateId;
    }

    public String getGraduateName() {
        return graduateName;
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public int getPriority() {
        return priority;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public boolean isDueNotified() {
        return dueNotified;
    }

    public String getAssignee() {
        return assignee;
    }

    public String getCandidateGroup() {
        return candidateGroup;
    }

    /**
     * Whether the task is the Disabled Persons' Federation's ({@code dpf-officers-<district>}, or
     * {@code dpf-<district>} of older assistances): its officers work it, the bureau's district staff
     * leave it to them.
     */
    public boolean isFederations() {
        return candidateGroup != null && candidateGroup.startsWith(FEDERATION_GROUPS);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
