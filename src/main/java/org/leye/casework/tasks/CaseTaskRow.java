package org.leye.casework.tasks;

import java.time.Instant;

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
class CaseTaskRow implements CaseTask, Persistable<String> {

    @Id
    private String id;

    private String processInstanceId;

    private String activityId;

    @Enumerated(EnumType.STRING)
    private TaskType type;

    private String name;

    private Long caseId;

    private String caseNumber;

    private Long graduateId;

    /** The graduate's graduation year (never changes): the cohort's caseload is counted from it (db/V21). */
    private Integer graduationYear;

    private String graduateName;

    private String districtCode;

    private int priority;

    private Instant dueAt;

    private boolean overdue;

    /** "Due tomorrow" was sent for this due date (reset when the due date changes). */
    private boolean dueNotified;

    private String assignee;

    private String candidateGroup;

    private Instant createdAt;

    /** The case's responsible caseworker (case_file.owner), written with the case's. */
    private String caseOwner;

    /**
     * A row made by {@link TaskSync} for a task the engine just created: saved with a plain insert,
     * not a merge that first reads the row (its id is the engine's task id, assigned, not generated).
     */
    @Transient
    private boolean fresh;

    protected CaseTaskRow() {
    }

    CaseTaskRow(String id, String processInstanceId, String activityId, TaskType type, String name, Instant createdAt) {
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

    void ownedBy(String owner) {
        this.caseOwner = owner;
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
    void moveTo(String newDistrict, String newGroup) {
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

    public String getCaseOwner() {
        return caseOwner;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
