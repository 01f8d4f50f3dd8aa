package org.leye.casework.graduates;

/** A person's gender as recorded in the resident ID (17th digit: odd male, even female). */
public enum Gender {
    MALE,
    FEMALE
}
