package org.leye.casework.handover;

import java.util.Map;

import org.leye.casework.shared.problem.InvalidInputException;

/** The whole file is refused: the problem's detail says why, naming a missing column for instance. */
final class HandoverFileException extends InvalidInputException {

    private HandoverFileException(String messageKey, Map<String, Object> properties, Object... args) {
        super(messageKey, properties, args);
    }

    static HandoverFileException of(String messageKey, Object... args) {
        return new HandoverFileException(messageKey, null, args);
    }

    /** A file beyond one of {@link SheetLimits}: the problem also names the cap ({@code limit}, {@code max}). */
    static HandoverFileException limit(String messageKey, String limit, int max, Object... args) {
        return new HandoverFileException(messageKey, Map.of("limit", limit, "max", max), args);
    }
}
