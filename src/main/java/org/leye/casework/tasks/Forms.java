package org.leye.casework.tasks;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.leye.casework.shared.problem.InvalidFieldException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a task's typed form from the request body and validates it, naming each bad field. */
@Component
public class Forms {

    private final ObjectMapper json;
    private final Validator validator;

    Forms(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T> T read(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw new InvalidFieldException("body", "validation.formObject");
        }
        T form;
        try {
            form = json.treeToValue(body, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().get(e.getPath().size() - 1).getFieldName();
            throw new InvalidFieldException(field == null ? "body" : field, "validation.typeMismatch");
        } catch (JsonProcessingException e) {
            throw new InvalidFieldException("body", "problem.malformed");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            List<InvalidFieldException.FieldError> errors = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> new InvalidFieldException.FieldError(v.getPropertyPath().toString(), "validation.raw",
                            v.getMessage()))
                    .toList();
            throw new InvalidFieldException(errors);
        }
        return form;
    }
}
