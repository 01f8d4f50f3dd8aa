package org.leye.casework.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.IntegrationTest;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** An upload beyond a cap on the sheet's shape is answered 400 with a problem naming the cap, before any row is read. */
@IntegrationTest
class HandoverUploadLimitsTest extends HandoverApiContractSupport {

    @Test
    void fileWithOneHundredFiftyThousandMergedRegionsIsRefusedNamingTheCap() throws Exception {
        byte[] file = HandoverSheetLimitsTest.mergedRegionsFile(20_000, 150_000);

        ResponseEntity<String> response = upload("counselor.wyu", file, "merged.xlsx");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.path("detail").asText()).contains("10000").contains("合并单元格");
        assertThat(problem.path("limit").asText()).isEqualTo("mergedRegions");
        assertThat(problem.path("max").asInt()).isEqualTo(10_000);
    }

    @Test
    void csvRowWithTooManyCellsIsRefusedNamingTheRowAndTheCap() throws Exception {
        List<String> wide = new java.util.ArrayList<>(HandoverFiles.row("宽"));
        while (wide.size() < 300) {
            wide.add("x");
        }
        byte[] file = HandoverFiles.csv(HandoverFiles.HEADER_SIMPLIFIED, List.of(HandoverFiles.row("窄"), wide),
                java.nio.charset.StandardCharsets.UTF_8, true);

        ResponseEntity<String> response = upload("counselor.wyu", file, "wide.csv");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.path("detail").asText()).contains("第 3 行").contains("200");
        assertThat(problem.path("limit").asText()).isEqualTo("cellsPerRow");
    }
}
