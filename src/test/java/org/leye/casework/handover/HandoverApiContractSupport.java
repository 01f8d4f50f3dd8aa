package org.leye.casework.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.leye.casework.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Uploading hand-over files and waiting for them, for the tests of this package. */
abstract class HandoverApiContractSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    JsonNode get(String user, long id) {
        return Api.as(rest, user).get("/api/handovers/" + id).expect(200).json();
    }

    // --- helpers

    JsonNode uploadAndWait(String user, byte[] file, String name, Duration timeout) throws Exception {
        ResponseEntity<String> response = upload(user, file, name);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
        long id = JSON.readTree(response.getBody()).path("id").asLong();
        return waitForDone(user, id, timeout);
    }

    /**
     * Polls until the hand-over is no longer RUNNING. Fails when no row was processed for
     * {@code stall} (the machine may be slow, but a hand-over must keep moving) or after 15 minutes.
     */
    JsonNode waitForDone(String user, long id, Duration stall) throws InterruptedException {
        long hardDeadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        long deadline = System.nanoTime() + stall.toNanos();
        int processed = -1;
        while (true) {
            JsonNode status = Api.as(rest, user).get("/api/handovers/" + id).expect(200).json();
            if (!status.path("status").asText().equals("RUNNING")) {
                assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("DONE");
                return status;
            }
            if (status.path("processed").asInt() > processed) {
                processed = status.path("processed").asInt();
                deadline = System.nanoTime() + stall.toNanos();
            }
            assertThat(System.nanoTime()).as("hand-over %d stalled: %s", id, status).isLessThan(deadline);
            assertThat(System.nanoTime()).as("hand-over %d still RUNNING: %s", id, status).isLessThan(hardDeadline);
            Thread.sleep(200);
        }
    }

    ResponseEntity<String> upload(String user, byte[] file, String name) {
        return upload("/api/handovers", user, file, name);
    }

    /** A file sent to an upload endpoint of the API (the hand-over's, or the students' in difficulty). */
    ResponseEntity<String> upload(String path, String user, byte[] file, String name) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = auth(user);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
    }

    static HttpHeaders auth(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        return headers;
    }

    static List<String> errors(JsonNode handover) {
        List<String> out = new ArrayList<>();
        handover.path("errors").forEach(e -> out.add(e.path("row").asInt() + " " + e.path("field").asText()));
        return out;
    }
}
