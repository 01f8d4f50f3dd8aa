package org.leye.casework.handover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.IntegrationTest;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class HandoverApiTest extends HandoverApiContract {

    @Test
    void oversizedFileIsRefusedWithAClearMessage() throws Exception {
        byte[] big = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        ResponseEntity<String> response = upload("counselor.wyu", big, "big.csv");

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(JSON.readTree(response.getBody()).path("detail").asText()).contains("20 MB");
    }
}
