package org.leye.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.AbstractNativeQuery;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDueDateCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendJobDefinitionCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The guard's list against the engine's own commands: every command class of camunda-engine is a
 * read, refused to callers other than the application, or named here as allowed on purpose. An
 * engine upgrade that brings a new command fails this test until someone decides which it is.
 */
class CaseworkChangeGuardTest {

    /** Reads by their names: queries, getters, filters' executions, reports, optimize's exports. */
    private static final Pattern READ = Pattern.compile(
            "(Get|Is|Find|Check|Determine|ExecuteFilter|Optimize|AuthorizationCheck|Evaluate\\w*Decision)\\w*"
                    + "|Create\\w*QueryCmd|\\w*QueryImpl");

    /** Commands that change something other than a casework process, or handle an incident. */
    private static final Set<String> ALLOWED_ON_PURPOSE = Set.of(
            // incident handling: retries, executing a job (our delegates write the ledger), its due
            // date and priority, suspending jobs, incidents and their notes
            "SetJobRetriesCmd", "SetJobsRetriesBatchCmd", "SetJobsRetriesByProcessBatchCmd", "DefaultJobRetryCmd",
            "ExecuteJobsCmd", "SetJobDuedateCmd", "RecalculateJobDuedateCmd", "SetJobPriorityCmd",
            "SetJobDefinitionPriorityCmd", "ActivateJobCmd", "SuspendJobCmd", "ActivateJobDefinitionCmd",
            "SuspendJobDefinitionCmd", "UnlockJobCmd", "CreateIncidentCmd", "ResolveIncidentCmd",
            "SetAnnotationForIncidentCmd", "SetAnnotationForOperationLog",
            // external tasks (our models have none) short of completing them
            "FetchExternalTasksCmd", "LockExternalTaskCmd", "ExtendLockOnExternalTaskCmd", "UnlockExternalTaskCmd",
            "HandleExternalTaskFailureCmd", "SetExternalTaskRetriesCmd", "SetExternalTasksRetriesCmd",
            "SetExternalTasksRetriesBatchCmd", "SetExternalTaskPriorityCmd",
            // the engine itself: start-up, schema, job executor, history cleanup, metrics, properties
            "BootstrapEngineCommand", "HistoryLevelSetupCommand", "SchemaOperationsProcessEngineBuild",
            "SchemaOperationProcessEngineClose", "DbSchemaUpgradeCmd", "AcquireJobsCmd", "FailedJobListener",
            "FailedJobListenerCmd", "SuccessfulJobListener", "CreateNewTimerJobCommand", "HistoryCleanupSchedulerCmd",
            "HistoryCleanupHandlerCmd", "ReportDbMetricsCmd", "ReportDbMetricsValueCmd", "MetricsCollectionCmd",
            "DeleteMetricsCmd", "DeleteTaskMetricsCmd", "TelemetryConfigureCmd", "SetPropertyCmd", "DeletePropertyCmd",
            "SetLicenseKeyCmd", "DeleteLicenseKeyCmd", "DeleteDeploymentFailCmd", "DeleteDeploymentListenerCmd",
            // deployments: a new version changes no running case; starting one is refused
            "DeployCmd", "RegisterDeploymentCmd", "UnregisterDeploymentCmd", "RegisterProcessApplicationCmd",
            "UnregisterProcessApplicationCmd", "UpdateProcessDefinitionHistoryTimeToLiveCmd",
            "UpdateDecisionDefinitionHistoryTimeToLiveCmd", "AddIdentityLinkForProcessDefinitionCmd",
            "DeleteIdentityLinkForProcessDefinitionCmd",
            // history: the cleanup, and deleting or timing out what is already history
            "HistoryCleanupCmd", "DeleteHistoricProcessInstancesCmd", "DeleteHistoricProcessInstancesBatchCmd",
            "DeleteHistoricTaskInstanceCmd", "DeleteHistoricVariableInstanceCmd",
            "DeleteHistoricVariableInstancesByProcessInstanceIdCmd", "DeleteHistoricCaseInstanceCmd",
            "DeleteHistoricCaseInstancesBulkCmd", "DeleteHistoricDecisionInstanceByDefinitionIdCmd",
            "DeleteHistoricDecisionInstanceByInstanceIdCmd", "DeleteHistoricDecisionInstancesBatchCmd",
            "DeleteHistoricDecisionInstancesBulkCmd", "DeleteUserOperationLogEntryCmd",
            "SetRemovalTimeToHistoricProcessInstancesCmd", "SetRemovalTimeToHistoricDecisionInstancesCmd",
            "SetRemovalTimeToHistoricBatchesCmd", "DeleteHistoricBatchCmd",
            // batches already made (making one that changes instances is refused)
            "DeleteBatchCmd", "SuspendBatchCmd", "ActivateBatchCmd",
            // identity (the application's users, read-only to the engine) and authorizations (off)
            "CreateUserCmd", "SaveUserCmd", "DeleteUserCmd", "UnlockUserCmd", "SetUserInfoCmd", "DeleteUserInfoCmd",
            "SetUserPictureCmd", "DeleteUserPictureCmd", "CreateGroupCmd", "SaveGroupCmd", "DeleteGroupCmd",
            "CreateMembershipCmd", "DeleteMembershipCmd", "CreateTenantCmd", "SaveTenantCmd", "DeleteTenantCmd",
            "CreateTenantUserMembershipCmd", "DeleteTenantUserMembershipCmd", "CreateTenantGroupMembershipCmd",
            "DeleteTenantGroupMembershipCmd", "CreateAuthorizationCommand", "SaveAuthorizationCmd",
            "DeleteAuthorizationCmd",
            // Tasklist's filters; comments and attachments beside a task (not the ledger); a new task
            // object, which is nothing until saved (refused)
            "CreateFilterCmd", "SaveFilterCmd", "DeleteFilterCmd", "AddCommentCmd", "UpdateCommentCmd",
            "DeleteTaskCommentCmd", "DeleteProcessInstanceCommentCmd", "CreateAttachmentCmd", "SaveAttachmentCmd",
            "DeleteAttachmentCmd", "CreateTaskCmd",
            // a migration plan, which changes nothing until executed (refused)
            "CreateMigrationPlanCmd");

    @Test
    void everyEngineCommandIsAReadRefusedOrAllowedOnPurpose() {
        Set<String> unclassified = new TreeSet<>();
        Set<String> refusedAndAllowed = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (JavaClass command : engineCommands()) {
            String name = command.getSimpleName();
            seen.add(name);
            boolean refused = CaseworkChangeGuard.refuses(command.reflect());
            boolean allowed = ALLOWED_ON_PURPOSE.contains(name);
            if (refused && (allowed || isRead(command))) {
                refusedAndAllowed.add(command.getName());
            } else if (!refused && !allowed && !isRead(command)) {
                unclassified.add(command.getName());
            }
        }
        Set<String> stale = new TreeSet<>(ALLOWED_ON_PURPOSE);
        stale.removeAll(seen);

        assertThat(unclassified).as("engine commands neither refused nor allowed on purpose").isEmpty();
        assertThat(refusedAndAllowed).as("engine commands both refused and allowed").isEmpty();
        assertThat(stale).as("allowed commands that the engine no longer has").isEmpty();
    }

    @Test
    void changesToTasksVariablesAndInstancesAreRefusedIncidentHandlingIsNot() {
        for (Class<?> refused : List.of(CompleteTaskCmd.class, ClaimTaskCmd.class, SetTaskDueDateCmd.class,
                SetExecutionVariablesCmd.class)) {
            assertThat(CaseworkChangeGuard.refuses(refused)).as(refused.getSimpleName()).isTrue();
        }
        for (Class<?> allowed : List.of(SetJobRetriesCmd.class, ExecuteJobsCmd.class, ResolveIncidentCmd.class,
                SuspendJobDefinitionCmd.class, DeployCmd.class)) {
            assertThat(CaseworkChangeGuard.refuses(allowed)).as(allowed.getSimpleName()).isFalse();
        }
    }

    /**
     * The engine's concrete, named command classes; CMMN's are left out (the engine runs with
     * {@code cmmnEnabled=false}, so no case instance exists to change), as are the engine's own
     * test helpers and anonymous commands, which only the engine's internals issue.
     */
    private static List<JavaClass> engineCommands() {
        return new ClassFileImporter().importPackages("org.camunda.bpm.engine.impl").stream()
                .filter(c -> c.isAssignableTo(Command.class) && !c.isInterface() && !c.isAnonymousClass()
                        && !c.getModifiers().contains(JavaModifier.ABSTRACT)
                        && !c.getPackageName().startsWith("org.camunda.bpm.engine.impl.cmmn")
                        && !c.getPackageName().startsWith("org.camunda.bpm.engine.impl.test"))
                .toList();
    }

    private static boolean isRead(JavaClass command) {
        if (command.isAssignableTo(AbstractQuery.class) || command.isAssignableTo(AbstractNativeQuery.class)) {
            return true;
        }
        if (READ.matcher(command.getSimpleName()).matches()) {
            return true;
        }
        // commands nested in a query or a report: MetricsQueryImpl$MetricsQuerySumCmd, TaskReportImpl$...
        return command.getEnclosingClass().map(JavaClass::getSimpleName)
                .filter(outer -> outer.endsWith("QueryImpl") || outer.endsWith("ReportImpl")).isPresent();
    }
}
