package org.leye.casework.shared.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.leye.casework.shared.ProcessAdapter;
import org.leye.casework.shared.problem.DomainProblem;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the API as an RFC 9457 problem detail: {@code status}, {@code title},
 * {@code detail} and, for validation, {@code errors: [{field, message}]}. Messages come from
 * {@code messages*.properties} in the caller's language (zh-CN by default).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@ProcessAdapter
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    private final long bodyLimitKb;

    ApiExceptionHandler(MessageSource messages,
            @org.springframework.beans.factory.annotation.Value("${leye.api.max-body-size:1MB}")
            org.springframework.util.unit.DataSize bodyLimit) {
        this.messages = messages;
        this.bodyLimitKb = bodyLimit.toKilobytes();
    }

    @ExceptionHandler(DomainProblem.class)
    ResponseEntity<ProblemDetail> handleApi(DomainProblem ex) {
        ProblemDetail problem = problem(ProblemStatus.of(ex), message(ex.messageKey(), ex.args()));
        ex.properties().forEach(problem::setProperty);
        if (ex instanceof InvalidFieldException invalid) {
            problem.setProperty("errors", invalid.errors().stream()
                    .map(e -> fieldError(e.field(), message(e.messageKey(), e.args())))
                    .toList());
        }
        return respond(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> fieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(validationProblem(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
        return respond(validationProblem(List.of(fieldError(ex.getName(), message("validation.typeMismatch")))));
    }

    @ExceptionHandler({ TaskAlreadyClaimedException.class, OptimisticLockingException.class,
            OptimisticLockingFailureException.class })
    ResponseEntity<ProblemDetail> handleConcurrentChange(RuntimeException ex) {
        return respond(problem(HttpStatus.CONFLICT, message("problem.concurrentChange")));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> handleIntegrity(DataIntegrityViolationException ex) {
        log.info("Refused a write that broke a database constraint: {}", ex.getClass().getSimpleName());
        return respond(problem(HttpStatus.CONFLICT, message("problem.constraint")));
    }

    @ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class })
    ResponseEntity<ProblemDetail> handleDatabaseDown(RuntimeException ex) {
        log.warn("Database unavailable: {}", ex.getClass().getSimpleName());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, message("problem.unavailable"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    /**
     * The database went away in the middle of the work: the engine (MyBatis inside a
     * {@code ProcessEngineException}), a commit or a flush fails with the driver's connection error.
     * The transaction is rolled back, so 503 like the cases above; anything else stays a 500.
     */
    @ExceptionHandler({ ProcessEngineException.class, TransactionException.class, DataAccessException.class,
            PersistenceException.class })
    ResponseEntity<ProblemDetail> handleFailureInTheMiddle(RuntimeException ex) {
        if (DatabaseFailures.unreachable(ex)) {
            return handleDatabaseDown(ex);
        }
        if (ConcurrentChanges.concurrent(ex)) {
            return handleConcurrentChange(ex);
        }
        throw ex;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(fe -> errors.add(fieldError(fe.getField(), fe.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(ge -> errors.add(fieldError(ge.getObjectName(), ge.getDefaultMessage())));
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(e -> fieldError(r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimit.BodyTooLargeException) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .body(problem(HttpStatus.PAYLOAD_TOO_LARGE, message("problem.bodyTooLarge", String.valueOf(bodyLimitKb))));
            }
        }
        // a wrong type, an unknown enum value, a number out of range: the field is named
        if (cause instanceof JsonMappingException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            String text = cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()
                            ? message("validation.enum", enumValues(invalid.getTargetType()))
                            : message("validation.typeMismatch");
            return ResponseEntity.badRequest().body(validationProblem(List.of(fieldError(field, text))));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, message("problem.malformed")));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setTitle(title(statusCode));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ProblemDetail validationProblem(List<Map<String, String>> errors) {
        String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("message"))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message("problem.validation") + " " + detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private ProblemDetail problem(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title(status));
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    private String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String fallback = known == null ? String.valueOf(status.value()) : known.getReasonPhrase();
        return messages.getMessage("problem.title." + status.value(), null, fallback, locale());
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static Map<String, String> fieldError(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static String path(JsonMappingException ex) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : ex.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String enumValues(Class<?> type) {
        Object[] constants = type.getEnumConstants();
        List<String> names = new ArrayList<>();
        for (Object c : constants) {
            names.add(((Enum<?>) c).name());
        }
        return String.join(", ", names);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
