package org.leye.casework.shared.web;

import org.springframework.http.HttpStatus;

/** An unknown id, or one outside the caller's scope: both answer 404 alike. */
public class NotFoundException extends ApiException {

    public NotFoundException(String what, Object id) {
        super("problem.notFound", null, what, id);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }
}
