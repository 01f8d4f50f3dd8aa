package org.leye.casework.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.leye.casework.shared.ProcessAdapter;
import org.leye.casework.shared.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends notifications inside the caller's transaction. A group notification is fanned out to the
 * group's members (the engine's IdentityService, over {@code app_user}) when it is sent: one row per
 * user, each with its own read state; a member who joins later does not see older ones. When an
 * SMTP server is configured each notification is also e-mailed, after the transaction commits; a
 * user without an address gets none, and the supervisors are told so once (in the application).
 * Texts carry a name and a case number at most, never an ID number or phone.
 */
@Service
@ProcessAdapter
public class Notifications {

    public static final String KIND_TASK_ASSIGNED = "TASK_ASSIGNED";
    public static final String KIND_TASK_DUE_TOMORROW = "TASK_DUE_TOMORROW";
    public static final String KIND_TASK_OVERDUE = "TASK_OVERDUE";
    public static final String KIND_HANDED_OVER = "HANDED_OVER";
    public static final String KIND_NO_EMAIL = "NO_EMAIL";
    public static final String KIND_REGISTERED_ELSEWHERE = "REGISTERED_ELSEWHERE";

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final NotificationStore store;
    private final Clock clock;
    private final IdentityService identity;
    private final NotificationMail mail;
    private final MessageSource messages;

    Notifications(NotificationStore store, Clock clock, IdentityService identity, NotificationMail mail,
            MessageSource messages) {
        this.store = store;
        this.clock = clock;
        this.identity = identity;
        this.mail = mail;
        this.messages = messages;
    }

    /** One notification to each member of the group (none if the group has no members). */
    @Transactional
    public List<Notification> toGroup(String group, String kind, String text, String link) {
        List<Notification> sent = new ArrayList<>();
        for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
            sent.add(deliver(user, group, kind, text, link));
        }
        if (sent.isEmpty()) {
            log.warn("Notification {} to group {} reached nobody: the group has no members", kind, group);
        }
        return sent;
    }

    @Transactional
    public Notification toUser(String username, String kind, String text, String link) {
        User user = identity.createUserQuery().userId(username).singleResult();
        if (user == null) {
            log.warn("Notification {} to unknown user {} kept without e-mail", kind, username);
            return store.save(new Notification(username, null, kind, text, link, Instant.now(clock)));
        }
        return deliver(user, null, kind, text, link);
    }

    /**
     * A student in difficulty handed over from the one-to-one assistance to the 131 service of a
     * district: tells that district's caseworkers, with a link to the graduate. For the assistance
     * capability to call in the hand-over's transaction.
     */
    @Transactional
    public List<Notification> handedOver(String districtCode, Long graduateId, String graduateName, String caseNumber) {
        String text = messages.getMessage("notification.handedOver", new Object[] { graduateName, caseNumber },
                Locale.SIMPLIFIED_CHINESE);
        return toGroup("caseworkers-" + districtCode, KIND_HANDED_OVER, text, "/graduates/" + graduateId);
    }

    /**
     * Someone outside the district tried to register one of its graduates (the city registers nobody
     * twice): tells the district's supervisors, who may move the graduate if they have moved. The
     * other party is named by its district or university only.
     */
    @Transactional
    public List<Notification> registeredElsewhere(String districtCode, Long graduateId, String graduateName,
            String caseNumber, String triedBy) {
        String text = messages.getMessage("notification.registeredElsewhere",
                new Object[] { triedBy, graduateName, caseNumber == null ? "-" : caseNumber }, Locale.SIMPLIFIED_CHINESE);
        return toGroup("supervisors-" + districtCode, KIND_REGISTERED_ELSEWHERE, text, "/graduates/" + graduateId);
    }

    @Transactional(readOnly = true)
    public Page<Notification> of(String username, boolean unreadOnly, Pageable page) {
        return unreadOnly ? store.findByRecipientAndReadAtIsNullOrderByCreatedAtDescIdDesc(username, page)
                : store.findByRecipientOrderByCreatedAtDescIdDesc(username, page);
    }

    @Transactional(readOnly = true)
    public long unreadCount(String username) {
        return store.countByRecipientAndReadAtIsNull(username);
    }

    /** Marks one of the user's notifications read; another user's answers 404 like an unknown one. */
    @Transactional
    public Notification markRead(Long id, String username) {
        Notification n = store.findById(id).filter(x -> username.equals(x.getRecipient()))
                .orElseThrow(() -> new NotFoundException("notification", id));
        n.markRead(Instant.now(clock));
        return n;
    }

    @Transactional(readOnly = true)
    public List<Notification> forUser(String username) {
        return store.findByRecipientOrderByCreatedAtDesc(username);
    }

    private Notification deliver(User user, String group, String kind, String text, String link) {
        Notification n = store.save(new Notification(user.getId(), group, kind, text, link, Instant.now(clock)));
        if (mail.enabled() && !KIND_NO_EMAIL.equals(kind)) {
            if (user.getEmail() == null || user.getEmail().isBlank()) {
                tellSupervisorsNoEmail(user);
            } else {
                mail.sendAfterCommit(user.getEmail(), kind, text, link);
            }
        }
        return n;
    }

    /** Once per user while the earlier notice is unread: tells the user's supervisors that they get no e-mail. */
    private void tellSupervisorsNoEmail(User user) {
        String link = "/users/" + user.getId();
        if (store.existsByKindAndLinkAndReadAtIsNull(KIND_NO_EMAIL, link)) {
            return;
        }
        String supervisors = "supervisors-city";
        // the district supervisors manage the accounts of their district's caseworkers and federation
        // officers: the notice's link, the account's page (/users/{username}), opens for them
        for (Group g : identity.createGroupQuery().groupMember(user.getId()).list()) {
            for (String districtGroup : List.of("caseworkers-", "dpf-officers-")) {
                if (g.getId().startsWith(districtGroup)) {
                    supervisors = "supervisors-" + g.getId().substring(districtGroup.length());
                }
            }
        }
        String name = user.getFirstName() == null ? user.getId() : user.getFirstName();
        String text = messages.getMessage("notification.noEmail", new Object[] { name, user.getId() },
                Locale.SIMPLIFIED_CHINESE);
        log.info("User {} has no e-mail address; telling {}", user.getId(), supervisors);
        toGroup(supervisors, KIND_NO_EMAIL, text, link);
    }
}
