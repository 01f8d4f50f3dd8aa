package org.leye.casework.handover;

import org.leye.casework.shared.web.ApiException;
import org.springframework.http.HttpStatus;

/** The whole file is refused (400): the problem's detail says why, naming a missing column for instance. */
final class HandoverFileException extends ApiException {

    private HandoverFileException(String messageKey, Object... args) {
        super(messageKey, null, args);
    }

    static HandoverFileException of(String messageKey, Object... args) {
        return new HandoverFileException(messageKey, args);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }
}
