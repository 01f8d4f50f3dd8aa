package org.leye.casework.notifications;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.leye.casework.shared.jpa.BaseEntity;

/** A message in the application to one user or to a group, with a link to what it is about. */
@Entity
@Table(name = "notification")
public class Notification extends BaseEntity {

    private String recipient;

    private String recipientGroup;

    private String kind;

    private String text;

    private String link;

    private Instant createdAt;

    private Instant readAt;

    protected Notification() {
    }

    Notification(String recipient, String recipientGroup, String kind, String text, String link, Instant createdAt) {
        this.recipient = recipient;
        this.recipientGroup = recipientGroup;
        this.kind = kind;
        this.text = text;
        this.link = link;
        this.createdAt = createdAt;
    }

    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public String getRecipient() {
        return recipient;
    }

    public String getRecipientGroup() {
        return recipientGroup;
    }

    public String getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    public String getLink() {
        return link;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
