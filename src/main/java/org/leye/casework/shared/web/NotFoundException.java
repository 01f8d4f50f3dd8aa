package org.leye.casework.shared.web;

import org.springframework.http.HttpStatus;

/** An unknown id, or one outside the caller's scope: both answer 404 alike. */
public class NotFoundException extends ApiException {

    /** @param what the kind of record, naming the message {@code problem.notFound.<what>} */
    public NotFoundException(String what, Object id) {
        super("problem.notFound." + what, null, id);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }
}
