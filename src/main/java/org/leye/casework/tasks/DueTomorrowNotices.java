package org.leye.casework.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.leye.casework.notifications.Notifications;
import org.leye.casework.shared.CityTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the assignee of a task (or its group when nobody has claimed it) that it is due tomorrow
 * (Asia/Shanghai). Runs on a schedule ({@code leye.notifications.due-cron}, hourly by default, so
 * a task created or re-dated during the day is still told in time); each task is told once per due
 * date: the flag on {@code case_task} is claimed with a conditional update, so two nodes running
 * the job at once send one notice.
 */
@Component
public class DueTomorrowNotices {


    private static final Logger log = LoggerFactory.getLogger(DueTomorrowNotices.class);

    private final CaseTasks tasks;
    private final Notifications notifications;
    private final MessageSource messages;
    private final Clock clock;

    DueTomorrowNotices(CaseTasks tasks, Notifications notifications, MessageSource messages, Clock clock) {
        this.tasks = tasks;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
    }

    @Scheduled(cron = "${leye.notifications.due-cron:0 5 * * * *}", zone = "Asia/Shanghai")
    void scheduled() {
        int sent = notifyDueTomorrow(Instant.now(clock));
        if (sent > 0) {
            log.info("Told {} tasks due tomorrow", sent);
        }
    }

    /** Sends the notices for the tasks due on the day after {@code now}; answers how many tasks were told. */
    @Transactional
    public int notifyDueTomorrow(Instant now) {
        LocalDate tomorrow = LocalDate.ofInstant(now, CityTime.ZONE).plusDays(1);
        Instant from = tomorrow.atStartOfDay(CityTime.ZONE).toInstant();
        Instant to = tomorrow.plusDays(1).atStartOfDay(CityTime.ZONE).toInstant();
        int sent = 0;
        for (CaseTaskRow task : tasks.findByDueNotifiedFalseAndDueAtGreaterThanEqualAndDueAtLessThan(from, to)) {
            if (tasks.markDueNotified(task.getId()) != 1) {
                continue;
            }
            String text = messages.getMessage("notification.dueTomorrow",
                    new Object[] { task.getName(), task.getCaseNumber(), task.getGraduateName() },
                    Locale.SIMPLIFIED_CHINESE);
            String link = "/tasks/" + task.getId();
            if (task.getAssignee() != null) {
                notifications.toUser(task.getAssignee(), Notifications.KIND_TASK_DUE_TOMORROW, text, link);
            } else if (task.getCandidateGroup() != null) {
                notifications.toGroup(task.getCandidateGroup(), Notifications.KIND_TASK_DUE_TOMORROW, text, link);
            }
            sent++;
        }
        return sent;
    }
}
