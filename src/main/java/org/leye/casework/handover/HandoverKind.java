package org.leye.casework.handover;

/**
 * What a hand-over's rows register. Both kinds share the file's reading, its checks, the per-row
 * results and the re-upload check (per kind: the same file handed over as each kind is two
 * hand-overs); they differ in the columns required and in the registration a row goes through.
 */
public enum HandoverKind {
    /** Graduates who left school without a job, handed over by universities and districts (POST /api/handovers). */
    GRADUATES,
    /**
     * Final-year students in difficulty, registered by their counselors for one-to-one assistance
     * (POST /api/assistance/uploads), each row exactly as {@code POST /api/assistance} registers one.
     */
    STUDENTS_IN_DIFFICULTY;

    /** Whether a file of this kind must have the field's column. */
    boolean requires(HandoverField field) {
        return switch (this) {
            case GRADUATES -> field.required();
            case STUDENTS_IN_DIFFICULTY -> field.required() || field == HandoverField.DIFFICULTIES
                    || field == HandoverField.EVIDENCE;
        };
    }
}
