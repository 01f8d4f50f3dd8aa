package org.leye.casework.web;

import jakarta.servlet.http.HttpServletRequest;

import org.leye.casework.reference.ReferenceData;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.shared.problem.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** What every page shows (the signed-in user and the navigation) and the 404 page. */
@ControllerAdvice(basePackageClasses = WebPages.class)
class WebPages {

    private final CurrentUsers users;
    private final ReferenceData reference;

    WebPages(CurrentUsers users, ReferenceData reference) {
        this.users = users;
        this.reference = reference;
    }

    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        model.addAttribute("path", request.getRequestURI());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            var me = users.current();
            model.addAttribute("me", me);
            model.addAttribute("nav", Nav.of(me.role()));
            model.addAttribute("scopeName", me.universityCode() != null
                    ? reference.university(me.universityCode()).map(u -> u.getName()).orElse(me.universityCode())
                    : me.districtCode() != null
                            ? reference.district(me.districtCode()).map(d -> d.getName()).orElse(me.districtCode())
                            : null);
        }
    }

    @ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model, HttpServletRequest request) {
        common(model, request);
        return "error/404";
    }
}
