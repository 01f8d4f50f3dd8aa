package org.leye.casework.employers;

import java.time.Instant;

/**
 * An employer was put on the blacklist (not a new reason for one on it already), published in the
 * blacklisting's transaction: the graduates referred to it or placed with it are followed up.
 */
public record EmployerBlacklisted(long employerId, String name, String reason, Instant at, String by) {
}
