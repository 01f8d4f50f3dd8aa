package org.leye.casework.tasks;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The JPA task list: internal to tasks, which answers {@link CaseTask} views through its services. */
interface CaseTasks extends JpaRepository<CaseTaskRow, String>, JpaSpecificationExecutor<CaseTaskRow> {

    // JPQL, not a derived query: Hibernate 6.6 translates a criteria query (what Spring Data derives
    // from a method name) again on every call, a JPQL string once (docs/tuning.md)
    @Query("select t from CaseTaskRow t where t.processInstanceId = ?1 and t.activityId = ?2")
    List<CaseTaskRow> findByProcessInstanceIdAndActivityId(String processInstanceId, String activityId);

    /** The open tasks of one case (ix_case_task_case). */
    @Query("select t from CaseTaskRow t where t.caseId = ?1")
    List<CaseTaskRow> findByCaseId(Long caseId);

    /** The open tasks of one process instance (the prefix of ix_case_task_process_activity). */
    List<CaseTaskRow> findByProcessInstanceId(String processInstanceId);

    /** Tasks due in a window not yet told "due tomorrow" (ix_case_task_due_notified). */
    List<CaseTaskRow> findByDueNotifiedFalseAndDueAtGreaterThanEqualAndDueAtLessThan(Instant from, Instant to);

    /** Claims the "due tomorrow" notice of a task: 1 for the one node that sends it, 0 for any other. */
    @Modifying
    @Query("update CaseTaskRow t set t.dueNotified = true where t.id = ?1 and t.dueNotified = false")
    int markDueNotified(String id);

    @Query("select t from CaseTaskRow t where t.type = ?1 order by t.id")
    List<CaseTaskRow> findByType(TaskType type);

    List<CaseTaskRow> findByIdIn(Collection<String> ids);

    /** The open tasks of one type of these graduates, the oldest first (ix_case_task_graduate_type). */
    @Query("select t from CaseTaskRow t where t.graduateId in ?1 and t.type = ?2 order by t.createdAt, t.id")
    List<CaseTaskRow> findByGraduateIdInAndType(Collection<Long> graduateIds, TaskType type);

    /** A caseworker's open work in a district (ix_case_task_district_assignee_case). */
    List<CaseTaskRow> findByDistrictCodeAndAssignee(String districtCode, String assignee);

    List<CaseTaskRow> findByAssignee(String assignee);

    /** Per caseworker of a district: open tasks, overdue tasks, cases (ix_case_task_district_assignee_case). */
    @Query("select t.districtCode, t.assignee, count(t), sum(case when t.overdue = true then 1 else 0 end),"
            + " count(distinct t.caseId) from CaseTaskRow t where (?1 is null or t.districtCode = ?1)"
            + " group by t.districtCode, t.assignee")
    List<Object[]> caseload(String districtCode);
}
