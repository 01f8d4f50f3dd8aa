package org.leye.casework.support;

import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A caller of the real HTTP API as one of the demo users (password {@code demo}), or another user with theirs. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final TestRestTemplate rest;
    private final String user;
    private final String password;

    private Api(TestRestTemplate rest, String user, String password) {
        this.rest = rest;
        this.user = user;
        this.password = password;
    }

    public static Api as(TestRestTemplate rest, String username) {
        return new Api(rest, username, "demo");
    }

    public static Api as(TestRestTemplate rest, String username, String password) {
        return new Api(rest, username, password);
    }

    public static Api anonymous(TestRestTemplate rest) {
        return new Api(rest, null, null);
    }

    public Response get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    /** A GET asking for another type than JSON: a page ({@code text/html}) or an export ({@code text/csv}). */
    public Response get(String path, MediaType accept) {
        HttpHeaders headers = headers();
        headers.setAccept(java.util.List.of(accept));
        return send(HttpMethod.GET, path, new HttpEntity<>(null, headers));
    }

    public Response post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body);
    }

    public Response postRaw(String path, String body, MediaType type) {
        HttpHeaders headers = headers();
        headers.setContentType(type);
        return send(HttpMethod.POST, path, new HttpEntity<>(body, headers));
    }

    /** A JSON merge patch (RFC 7396), with {@code If-Match} unless it is null. */
    public Response patch(String path, Object body, String ifMatch) {
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.valueOf("application/merge-patch+json"));
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        try {
            return send(HttpMethod.PATCH, path, new HttpEntity<>(JSON.writeValueAsString(body), headers));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Response exchange(HttpMethod method, String path, Object body) {
        HttpHeaders headers = headers();
        String text = null;
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            try {
                text = body instanceof String s ? s : JSON.writeValueAsString(body);
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        }
        return send(method, path, new HttpEntity<>(text, headers));
    }

    private HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, password);
        }
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return headers;
    }

    private Response send(HttpMethod method, String path, HttpEntity<String> entity) {
        ResponseEntity<String> response = rest.exchange(path, method, entity, String.class);
        return new Response(response.getStatusCode().value(), response.getHeaders(), response.getBody());
    }

    /** A response with its body read as JSON. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return body == null ? JSON.nullNode() : JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("Expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }

        public String contentType() {
            MediaType type = headers.getContentType();
            return type == null ? null : type.toString();
        }
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
