package org.leye.casework.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.leye.casework.reference.District;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.reference.University;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.shared.problem.DomainProblem;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.shared.web.ConcurrentChanges;
import org.leye.casework.shared.web.DatabaseFailures;
import org.leye.casework.shared.web.ProblemStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every page shows (the signed-in user and the navigation), how a {@link StrippedForm} is bound,
 * and what a page answers to a refusal, decided once for every {@link PageController}: the 404 page for an unknown record, one
 * outside the caller's scope, or a page the caller's role may not open ({@code @PreAuthorize});
 * the problem page with the status of its kind for any other domain problem a page left unhandled.
 */
@ControllerAdvice(annotations = PageController.class)
class WebPages {

    private final CurrentUsers users;
    private final ReferenceData reference;
    private final MessageSource messages;

    WebPages(CurrentUsers users, ReferenceData reference, MessageSource messages) {
        this.users = users;
        this.reference = reference;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        model.addAttribute("path", request.getRequestURI());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            var me = users.current();
            model.addAttribute("me", me);
            model.addAttribute("nav", Nav.of(me));
            model.addAttribute("scopeName", me.universityCode() != null
                    ? reference.university(me.universityCode()).map(University::name).orElse(me.universityCode())
                    : me.districtCode() != null
                            ? reference.district(me.districtCode()).map(District::name).orElse(me.districtCode())
                            : null);
        }
    }

    /** A {@link StrippedForm}'s free text as typed, stripped; blank is none. Other binders are left as they are. */
    @InitBinder
    void strip(WebDataBinder binder) {
        Object target = binder.getTarget();
        Class<?> form = target != null ? target.getClass()
                : binder.getTargetType() != null ? binder.getTargetType().resolve() : null;
        if (form != null && form.isAnnotationPresent(StrippedForm.class)) {
            binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
        }
    }

    @ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class, AccessDeniedException.class })
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model, HttpServletRequest request) {
        common(model, request);
        return "error/404";
    }

    /**
     * A failure in the middle of the work that is not the page's to answer, classified as the API
     * classifies it ({@code shared.web}): another request's change got there first (a deadlock victim, a
     * lock wait given up, a version or the engine's optimistic lock seen at commit, wherever Spring,
     * Hibernate or the engine wrapped it), so 409 with the concurrent-change message, to be sent again;
     * or the database cannot be reached, so 503 with {@code Retry-After}. Nothing was written either
     * way. Anything else goes on to the error page as before (rethrown unchanged, so nothing is logged
     * twice).
     */
    @ExceptionHandler(RuntimeException.class)
    String failedInTheMiddle(RuntimeException failure, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        HttpStatus status;
        String key;
        if (DatabaseFailures.unreachable(failure)) {
            // without the navigation, which may have to read the database to name the caller's scope
            status = HttpStatus.SERVICE_UNAVAILABLE;
            key = "problem.unavailable";
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        } else if (ConcurrentChanges.concurrent(failure)) {
            status = HttpStatus.CONFLICT;
            key = "problem.concurrentChange";
            common(model, request);
        } else {
            throw failure;
        }
        response.setStatus(status.value());
        model.addAttribute("problem", messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
        return "error/problem";
    }

    /** A conflict, a refused rule or input that a page did not show in its form: said on a page of its own. */
    @ExceptionHandler(DomainProblem.class)
    String problem(DomainProblem problem, Model model, HttpServletRequest request, HttpServletResponse response) {
        common(model, request);
        response.setStatus(ProblemStatus.of(problem).value()); // as the API answers it
        model.addAttribute("problem", messages.getMessage(problem.messageKey(), problem.args(), problem.messageKey(),
                LocaleContextHolder.getLocale()));
        return "error/problem";
    }
}
