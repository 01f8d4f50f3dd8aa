package org.leye.casework.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetProcessDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetProcessInstanceStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractUpdateProcessInstancesSuspendStateCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PurgeDatabaseAndCacheCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetProcessDefinitionVersionCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.leye.casework.shared.ApplicationCaller;
import org.leye.casework.shared.ProcessAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A casework process changes only through the application: the task list (claim, release,
 * complete), the case lifecycle (open, close, reopen, destinations, district moves, hand-over),
 * reassignment and the assistance. Those write the ledger and the inbox in the same transaction
 * as the engine; the engine's REST API, Tasklist and Cockpit (whose {@code /camunda/api/engine}
 * runs the same commands) and any script calling the engine's services do not. So the engine
 * itself refuses, with an {@link AuthorizationException} (403 from the engine's REST API), every
 * command of {@link #REFUSED} that
 * <ul>
 * <li>is the outermost command of its thread: a command issued while the engine runs another one
 * (a delegate or listener of ours working inside a completion or a job, the engine's own nested
 * commands) is part of that one, which was itself let in or refused; and</li>
 * <li>does not run inside {@link ApplicationCaller#run} or {@link ApplicationCaller#call}, with which
 * the application's engine call sites mark themselves.</li>
 * </ul>
 * One rule at the engine's command executors (both: transaction required and requires-new) covers
 * every route in, present and future, without knowing the routes.
 *
 * <p>What is refused, by command class and its subclasses (read from camunda-engine 7.24.0):
 * <ul>
 * <li>tasks: complete, resolve, submit the form, claim, set assignee or owner, delegate, add or
 * remove candidates (identity links), save (create or update) and delete, set priority, name,
 * description, due or follow-up date, throw a BPMN error or escalation;</li>
 * <li>variables of tasks and executions: set, remove, patch (the REST API's "modifications" and
 * "deletions"), also in a batch;</li>
 * <li>process instances: start (by key or id, at activities, with a start form, by condition),
 * message correlation (single, all, batch, the old message and signal events), signal, delete
 * (single, several, batch), modify (sync, async, batch), restart, migrate, suspend or activate
 * (one, several, by definition), set the definition version;</li>
 * <li>definitions and deployments: suspend or activate a definition, delete a definition or a
 * deployment, cascading or not (without cascade it fails while instances run, and once none run it
 * takes away the model new cases start from);</li>
 * <li>jobs: delete (a timer job deleted is a due date or a wait that never comes);</li>
 * <li>external tasks: complete or throw a BPMN error (our models have none; listed so that none can
 * move a process), and purging the database.</li>
 * </ul>
 *
 * <p>What stays open to the administrator: every query and read (tasks, instances, variables,
 * history, deployments, diagrams, users and groups), incident handling (job retries, single and
 * batch; executing a job, which runs our own delegates and so writes the ledger; a job's due date
 * and priority; suspending jobs and job definitions; incident annotations and resolution), history
 * cleanup and the deletion of history, batches, deployments (a new deployment changes no running
 * case), filters, comments and attachments, and the engine's own bootstrap, job acquisition and
 * identity reads. {@code CaseworkChangeGuardTest} fails when an engine upgrade brings a changing
 * command that is on neither side.
 *
 * <p>Picked up by the Camunda Spring Boot starter as a {@code ProcessEnginePlugin} bean; the engine-only
 * process tests (camunda-bpm-junit5, no Spring) run without it.
 */
@Component
@ProcessAdapter
class CaseworkChangeGuard extends AbstractProcessEnginePlugin {

    static final String REFUSAL = "Casework changes go through the Leye application (task list, case lifecycle, "
            + "assistance), which keeps the ledger; the engine refuses %s from anyone else. Reading and incident "
            + "handling (job retries) stay open.";

    /** The commands that change a process, and their subclasses. */
    static final Set<Class<?>> REFUSED = Set.of(
            // tasks
            CompleteTaskCmd.class, SubmitTaskFormCmd.class, ClaimTaskCmd.class, DelegateTaskCmd.class,
            AbstractSetTaskPropertyCmd.class, DeleteIdentityLinkCmd.class, SaveTaskCmd.class, DeleteTaskCmd.class,
            HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class,
            // variables
            AbstractSetVariableCmd.class, AbstractRemoveVariableCmd.class, AbstractPatchVariablesCmd.class,
            SetVariablesToProcessInstancesBatchCmd.class,
            // process instances
            StartProcessInstanceCmd.class, StartProcessInstanceAtActivitiesCmd.class, SubmitStartFormCmd.class,
            EvaluateStartConditionCmd.class, AbstractCorrelateMessageCmd.class, CorrelateAllMessageBatchCmd.class,
            MessageEventReceivedCmd.class, SignalEventReceivedCmd.class, SignalCmd.class,
            AbstractDeleteProcessInstanceCmd.class, DeleteProcessInstanceBatchCmd.class,
            ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class, AbstractModificationCmd.class,
            AbstractProcessInstanceModificationCommand.class, AbstractRestartProcessInstanceCmd.class,
            RestartProcessInstancesBatchCmd.class, AbstractMigrationCmd.class,
            AbstractSetProcessInstanceStateCmd.class, AbstractUpdateProcessInstancesSuspendStateCmd.class,
            SetProcessDefinitionVersionCmd.class,
            // definitions and deployments
            AbstractSetProcessDefinitionStateCmd.class, AbstractDeleteProcessDefinitionCmd.class,
            DeleteProcessDefinitionsByIdsCmd.class, DeleteDeploymentCmd.class,
            // jobs, external tasks, the whole database
            DeleteJobCmd.class, DeleteJobsCmd.class, CompleteExternalTaskCmd.class,
            HandleExternalTaskBpmnErrorCmd.class, PurgeDatabaseAndCacheCmd.class);

    private static final ClassValue<Boolean> REFUSES = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return REFUSED.stream().anyMatch(refused -> refused.isAssignableFrom(type));
        }
    };

    private static final Logger log = LoggerFactory.getLogger(CaseworkChangeGuard.class);

    /** Whether a command of this class is refused to callers other than the application. */
    static boolean refuses(Class<?> commandClass) {
        return REFUSES.get(commandClass);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        IdentityService identity = configuration.getIdentityService();
        // first in each chain, before the transaction and the command context are opened; a chain
        // links its interceptors through a field, so each chain gets its own
        configuration.setCustomPreCommandInterceptorsTxRequired(
                first(new Interceptor(identity), configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                first(new Interceptor(identity), configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> first(CommandInterceptor interceptor, List<CommandInterceptor> others) {
        List<CommandInterceptor> chain = new ArrayList<>();
        chain.add(interceptor);
        if (others != null) {
            chain.addAll(others);
        }
        return chain;
    }

    /** Lets a refused command through only nested in another command or from the application. */
    static final class Interceptor extends CommandInterceptor {

        private final IdentityService identity;

        Interceptor(IdentityService identity) {
            this.identity = identity;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (Context.getCommandContext() == null && !ApplicationCaller.isCalling() && refuses(command.getClass())) {
                Authentication user = identity.getCurrentAuthentication();
                String name = command.getClass().getSimpleName();
                log.warn("Engine command {} refused to {}: casework changes go through the application", name,
                        user == null ? "an unauthenticated caller" : user.getUserId());
                throw new AuthorizationException(REFUSAL.formatted(name));
            }
            return next.execute(command);
        }
    }
}
