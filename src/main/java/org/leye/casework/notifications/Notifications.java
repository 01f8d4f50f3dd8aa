package org.leye.casework.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends notifications inside the caller's transaction. Texts carry a name and a case number at
 * most, never an ID number or phone.
 */
@Service
public class Notifications {

    private final NotificationStore store;
    private final Clock clock;

    Notifications(NotificationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public Notification toGroup(String group, String kind, String text, String link) {
        return store.save(new Notification(null, group, kind, text, link, Instant.now(clock)));
    }

    @Transactional
    public Notification toUser(String username, String kind, String text, String link) {
        return store.save(new Notification(username, null, kind, text, link, Instant.now(clock)));
    }

    @Transactional(readOnly = true)
    public List<Notification> forGroup(String group) {
        return store.findByRecipientGroupOrderByCreatedAtDesc(group);
    }

    @Transactional(readOnly = true)
    public List<Notification> forUser(String username) {
        return store.findByRecipientOrderByCreatedAtDesc(username);
    }
}
