package org.leye.casework.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A file over the upload limit sent from the hand-over page by a browser without scripts (the
 * page's own check did not run) comes back to the form with the reason, not to an error page.
 */
@IntegrationTest
class HandoverPageUploadLimitTest {

    @LocalServerPort
    int port;

    @Test
    void aFileOverTheLimitSentWithoutTheScriptReturnsToTheFormWithTheReason() {
        WebSession counselor = WebSession.signedIn(port, "counselor.wyu");
        String page = counselor.page("/handovers/new").getBody();
        String token = WebSession.csrf(page);
        // the form carries its token in the action too: an oversized multipart body cannot be read for it
        assertThat(page).contains("action=\"/handovers/new?_csrf=" + token + "\"");
        byte[] big = new byte[21 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(big) {
            @Override
            public String getFilename() {
                return "big.csv";
            }
        });

        ResponseEntity<String> sent = counselor.http.post().uri("/handovers/new?_csrf={token}", token).accept(MediaType.TEXT_HTML)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toEntity(String.class);

        assertThat(sent.getStatusCode().value()).as("answer to the oversized upload").isEqualTo(303);
        assertThat(sent.getHeaders().getLocation()).hasToString("/handovers/new?tooLarge");
        ResponseEntity<String> back = counselor.page("/handovers/new?tooLarge");
        assertThat(back.getStatusCode().value()).isEqualTo(200);
        assertThat(back.getBody()).contains("文件超过 20 MB 的上传上限").doesNotContain("id=\"too-large\" hidden");
    }
}
