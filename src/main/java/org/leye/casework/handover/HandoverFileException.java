package org.leye.casework.handover;

import java.util.Map;

import org.leye.casework.shared.web.ApiException;
import org.springframework.http.HttpStatus;

/** The whole file is refused (400): the problem's detail says why, naming a missing column for instance. */
final class HandoverFileException extends ApiException {

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

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }
}
