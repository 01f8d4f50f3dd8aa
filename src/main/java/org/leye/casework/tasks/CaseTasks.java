package org.leye.casework.tasks;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The JPA task list. */
public interface CaseTasks extends JpaRepository<CaseTask, String>, JpaSpecificationExecutor<CaseTask> {

    // JPQL, not a derived query: Hibernate 6.6 translates a criteria query (what Spring Data derives
    // from a method name) again on every call, a JPQL string once (docs/tuning.md)
    @Query("select t from CaseTask t where t.processInstanceId = ?1 and t.activityId = ?2")
    List<CaseTask> findByProcessInstanceIdAndActivityId(String processInstanceId, String activityId);

    @Query("select t from CaseTask t where t.caseId = ?1")
    List<CaseTask> findByCaseId(Long caseId);

    /** The open tasks of one process instance (the prefix of ix_case_task_process_activity). */
    List<CaseTask> findByProcessInstanceId(String processInstanceId);

    /** Tasks due in a window not yet told "due tomorrow" (ix_case_task_due_notified). */
    List<CaseTask> findByDueNotifiedFalseAndDueAtGreaterThanEqualAndDueAtLessThan(Instant from, Instant to);

    /** Claims the "due tomorrow" notice of a task: 1 for the one node that sends it, 0 for any other. */
    @Modifying
    @Query("update CaseTask t set t.dueNotified = true where t.id = ?1 and t.dueNotified = false")
    int markDueNotified(String id);

    List<CaseTask> findByIdIn(Collection<String> ids);

    /** A caseworker's open work in a district (ix_case_task_district_assignee_case). */
    List<CaseTask> findByDistrictCodeAndAssignee(String districtCode, String assignee);

    List<CaseTask> findByAssignee(String assignee);

    /** Per caseworker of a district: open tasks, overdue tasks, cases (ix_case_task_district_assignee_case). */
    @Query("select t.districtCode, t.assignee, count(t), sum(case when t.overdue = true then 1 else 0 end),"
            + " count(distinct t.caseId) from CaseTask t where (?1 is null or t.districtCode = ?1)"
            + " group by t.districtCode, t.assignee")
    List<Object[]> caseload(String districtCode);
}
