package org.leye.casework.notifications;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationStore extends JpaRepository<Notification, Long> {

    List<Notification> findByRecipientGroupOrderByCreatedAtDesc(String group);

    List<Notification> findByRecipientOrderByCreatedAtDesc(String recipient);
}
