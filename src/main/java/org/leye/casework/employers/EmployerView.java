package org.leye.casework.employers;

import java.time.Instant;

/** An employer as the API shows it. */
public record EmployerView(Long id, String name, String creditCode, String district, String contact,
        boolean blacklisted, String blacklistReason, Instant blacklistedAt, String blacklistedBy) {
}
