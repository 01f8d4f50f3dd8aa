package org.leye.casework.employers;

import java.time.Instant;

/** One line of an employer's blacklist history as the API shows it: {@code BLACKLISTED} or {@code LIFTED}. */
public record BlacklistRecordView(String action, String reason, String evidence, Instant at, String by) {
}
