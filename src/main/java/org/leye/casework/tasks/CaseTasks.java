package org.leye.casework.tasks;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The JPA task list. */
public interface CaseTasks extends JpaRepository<CaseTask, String>, JpaSpecificationExecutor<CaseTask> {

    List<CaseTask> findByProcessInstanceIdAndActivityId(String processInstanceId, String activityId);

    List<CaseTask> findByCaseId(Long caseId);

    long countByCaseId(Long caseId);
}
