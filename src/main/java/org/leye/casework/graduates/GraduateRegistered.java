package org.leye.casework.graduates;

/**
 * Published in the registration's transaction; the case capability opens the 131 case for a
 * graduate willing to work before the transaction commits.
 */
public record GraduateRegistered(Long graduateId, boolean willingToWork, Source source) {
}
