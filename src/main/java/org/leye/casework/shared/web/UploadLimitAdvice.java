package org.leye.casework.shared.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the multipart limit ({@code spring.servlet.multipart.max-request-size}) as a
 * problem detail (413) like every other refusal. The dispatcher parses the multipart body before it
 * knows the controller, so the API's own advice, bound to REST controllers, is not asked: this one
 * is bound to none, and handles nothing else.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    private final MessageSource messages;
    private final DataSize limit;

    UploadLimitAdvice(MessageSource messages,
            @Value("${spring.servlet.multipart.max-request-size:20MB}") DataSize limit) {
        this.messages = messages;
        this.limit = limit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            // a page's form (a browser without scripts; the page itself checks the size first): back to
            // the form, which says why
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create(request.getContextPath() + path + "?tooLarge")).build();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                message("problem.uploadTooLarge", String.valueOf(limit.toMegabytes())));
        problem.setTitle(message("problem.title.413"));
        problem.setType(URI.create("about:blank"));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("maxBytes", limit.toBytes());
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
