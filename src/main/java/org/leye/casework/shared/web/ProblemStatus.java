package org.leye.casework.shared.web;

import org.leye.casework.shared.problem.BusinessRuleException;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.shared.problem.DomainProblem;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.InvalidInputException;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.shared.problem.TooLargeException;
import org.springframework.http.HttpStatus;

/** What the API and the pages answer to each kind of domain problem: the one place that maps them to HTTP. */
public final class ProblemStatus {

    private ProblemStatus() {
    }

    public static HttpStatus of(DomainProblem problem) {
        if (problem instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (problem instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (problem instanceof BusinessRuleException) {
            return HttpStatus.UNPROCESSABLE_ENTITY;
        }
        if (problem instanceof InvalidFieldException || problem instanceof InvalidInputException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (problem instanceof TooLargeException) {
            return HttpStatus.PAYLOAD_TOO_LARGE;
        }
        throw new IllegalStateException("no answer for " + problem.getClass().getName());
    }
}
