package org.leye.casework.notifications;

import java.time.Instant;
import java.util.Map;

import org.leye.casework.security.CurrentUsers;
import org.leye.casework.shared.web.PageRequests;
import org.leye.casework.shared.web.PageResponse;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's notifications (API.md "Caseload, notifications, duplicates"). */
@RestController
class NotificationController {

    private final Notifications notifications;
    private final CurrentUsers users;

    NotificationController(Notifications notifications, CurrentUsers users) {
        this.notifications = notifications;
        this.users = users;
    }

    @GetMapping("/api/notifications")
    PageResponse<View> list(@RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(notifications.of(users.current().username(), unread,
                PageRequests.of(page, size, Sort.unsorted())), View::of);
    }

    /** The bell: how many are unread. */
    @GetMapping("/api/notifications/unread-count")
    Map<String, Long> unreadCount() {
        return Map.of("unread", notifications.unreadCount(users.current().username()));
    }

    @PostMapping("/api/notifications/{id}/read")
    View read(@PathVariable Long id) {
        return View.of(notifications.markRead(id, users.current().username()));
    }

    record View(Long id, String kind, String text, String link, Instant createdAt, boolean read) {

        static View of(Notification n) {
            return new View(n.getId(), n.getKind(), n.getText(), n.getLink(), n.getCreatedAt(), n.getReadAt() != null);
        }
    }
}
