package org.leye.casework.handover;

import org.leye.casework.shared.web.InvalidFieldException;

/** The whole file is refused (400 with {@code errors: [{field: "file", message}]}). */
final class HandoverFileException {

    private HandoverFileException() {
    }

    static InvalidFieldException of(String messageKey, Object... args) {
        return new InvalidFieldException("file", messageKey, args);
    }
}
