package org.leye.casework.notifications;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * E-mails a notification when an SMTP server is configured ({@code spring.mail.host}; without it
 * Spring Boot makes no {@link JavaMailSender} and nothing is sent). Sent after the transaction
 * commits, on one background thread, so a slow or failing server never holds up or breaks the
 * work that caused it: a failure is logged and dropped. The message holds the notification's text
 * (a name and a case number at most) and the link, nothing more.
 */
@Component
class NotificationMail {

    private static final Logger log = LoggerFactory.getLogger(NotificationMail.class);

    private final JavaMailSender sender;
    private final MessageSource messages;
    private final String from;
    private final String baseUrl;
    private final ExecutorService executor;

    NotificationMail(ObjectProvider<JavaMailSender> sender, MessageSource messages,
            @Value("${leye.notifications.mail-from:noreply@leye.local}") String from,
            @Value("${leye.notifications.base-url:http://localhost:8080}") String baseUrl) {
        this.sender = sender.getIfAvailable();
        this.messages = messages;
        this.from = from;
        this.baseUrl = baseUrl;
        this.executor = this.sender == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "notification-mail");
            t.setDaemon(true);
            return t;
        });
    }

    boolean enabled() {
        return sender != null;
    }

    void sendAfterCommit(String to, String kind, String text, String link) {
        if (sender == null) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(messages.getMessage("notification.mailSubject." + kind, null,
                messages.getMessage("notification.mailSubject", null, Locale.SIMPLIFIED_CHINESE),
                Locale.SIMPLIFIED_CHINESE));
        message.setText(text + (link == null ? "" : "\n\n" + baseUrl + link) + "\n");
        Runnable send = () -> executor.execute(() -> {
            try {
                sender.send(message);
            } catch (RuntimeException e) { // MailException and anything else: never retried, never thrown
                log.warn("E-mail notification {} not sent: {}", kind, e.getClass().getSimpleName()); // the message may name the address
            }
        });
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdown();
        }
    }
}
