package org.leye.casework.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.leye.casework.shared.crypto.PersonalDataCipher;
import org.leye.casework.support.Api;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Evidence files of an assistance over the real HTTP API (issue 20, item 6): who may add and who
 * may read them back, the refusals by type, size and number, the bytes encrypted at rest and every
 * download audited; run on H2 and on MySQL.
 */
abstract class EvidenceApiContract extends AssistanceApiSupport {

    private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

    /** A small PDF-looking file: its magic bytes, then deterministic filler. */
    static byte[] pdf(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        System.arraycopy(PNG_MAGIC, 0, bytes, 0, PNG_MAGIC.length);
        return bytes;
    }

    Api.Response upload(String user, long assistanceId, byte[] content, String name, MediaType type) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        if (content != null) {
            HttpHeaders partHeaders = new HttpHeaders();
            partHeaders.setContentType(type);
            parts.add("file", new HttpEntity<>(new ByteArrayResource(content) {
                @Override
                public String getFilename() {
                    return name;
                }
            }, partHeaders));
        } else {
            parts.add("other", "nothing");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        ResponseEntity<String> r = rest.exchange("/api/assistance/" + assistanceId + "/evidence", HttpMethod.POST,
                new HttpEntity<>(parts, headers), String.class);
        return new Api.Response(r.getStatusCode().value(), r.getHeaders(), r.getBody());
    }

    ResponseEntity<byte[]> download(String user, long assistanceId, long fileId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        return rest.exchange("/api/assistance/" + assistanceId + "/evidence/" + fileId, HttpMethod.GET,
                new HttpEntity<>(headers), byte[].class);
    }

    long downloadsAudited(long graduateId, String actor) {
        return jdbc.queryForObject("select count(*) from audit_log where graduate_id = ? and actor = ?"
                + " and action = 'EXPORT' and target = 'assistance.evidence'", Long.class, graduateId, actor);
    }

    @Test
    void theNamedHelperAndSupervisorsDownloadTheEvidenceTheCounselorUploadedEachDownloadAudited() {
        JsonNode a = register("汤若曦", "440703", "SUBSISTENCE_ALLOWANCE");
        long id = a.path("id").asLong();
        long graduateId = a.path("graduateId").asLong();
        assignHelper(graduateId, "teacher.wyu", "CLASS_TEACHER");
        byte[] file = pdf(40_000, 1);

        JsonNode added = upload("counselor.wyu", id, file, "低保证明.pdf", MediaType.APPLICATION_PDF).expect(201).json();
        long fileId = added.path("id").asLong();
        assertThat(added.path("name").asText()).isEqualTo("低保证明.pdf");
        assertThat(added.path("type").asText()).isEqualTo("application/pdf");
        assertThat(added.path("size").asLong()).isEqualTo(40_000);
        assertThat(added.path("uploadedBy").asText()).isEqualTo("counselor.wyu");

        JsonNode view = as("teacher.wyu").get("/api/assistance/" + id).expect(200).json();
        assertThat(view.path("evidenceFiles").findValuesAsText("name")).containsExactly("低保证明.pdf");
        JsonNode ledger = as("counselor.wyu").get("/api/graduates/" + graduateId + "/ledger").expect(200).json();
        List<JsonNode> entries = new ArrayList<>();
        ledger.path("entries").forEach(e -> {
            if (e.path("type").asText().equals("EVIDENCE_ADDED")) {
                entries.add(e);
            }
        });
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("details").path("name").asText()).isEqualTo("低保证明.pdf");
        assertThat(entries.get(0).path("details").path("type").asText()).isEqualTo("application/pdf");
        assertThat(entries.get(0).path("details").size()).isEqualTo(2);

        for (String reader : List.of("teacher.wyu", "sup.city", "admin")) {
            ResponseEntity<byte[]> got = download(reader, id, fileId);
            assertThat(got.getStatusCode().value()).as(reader).isEqualTo(200);
            assertThat(got.getBody()).isEqualTo(file);
            assertThat(got.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
            assertThat(got.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
            assertThat(got.getHeaders().getContentDisposition().getFilename()).isEqualTo("低保证明.pdf");
            assertThat(got.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(downloadsAudited(graduateId, reader)).as(reader).isEqualTo(1);
        }
        // the uploader does not read it back; another teacher, district staff of a school student, another
        // university do not see it at all
        assertThat(download("counselor.wyu", id, fileId).getStatusCode().value()).isEqualTo(403);
        for (String outsider : List.of("teacher2.wyu", "sup.pengjiang", "cw.pengjiang", "counselor.jmpt",
                "dpf.pengjiang")) {
            assertThat(download(outsider, id, fileId).getStatusCode().value()).as(outsider).isEqualTo(404);
            assertThat(downloadsAudited(graduateId, outsider)).isZero();
        }
        assertThat(downloadsAudited(graduateId, "counselor.wyu")).isZero();
        // a file of another assistance is not reached through this one
        JsonNode other = register("汤若琳", "440703", "ZERO_EMPLOYMENT");
        assertThat(download("admin", other.path("id").asLong(), fileId).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theFileIsStoredEncryptedBoundToItsRow() {
        JsonNode a = register("温以宁", "440703", "DISABILITY");
        long id = a.path("id").asLong();
        byte[] file = pdf(10_000, 2);
        long fileId = upload("counselor.wyu", id, file, "残疾证.pdf", MediaType.APPLICATION_PDF).expect(201).json()
                .path("id").asLong();

        byte[] stored = jdbc.queryForObject("select data from assistance_evidence where id = ?", byte[].class, fileId);
        assertThat(stored).isNotEqualTo(file);
        assertThat(indexOf(stored, Arrays.copyOfRange(file, 0, 64))).as("plain bytes at rest").isEqualTo(-1);
        assertThat(stored.length).isGreaterThan(file.length); // IV and tag
        assertThat(download("admin", id, fileId).getBody()).isEqualTo(file);
    }

    @Test
    void aKeyRotationRewritesTheFilesUnderTheNewKeyOnce(@Value("${leye.crypto.key}") String key,
            @Value("${leye.crypto.hash-key}") String hashKey) {
        JsonNode a = register("邝思远", "440703", "OTHER");
        long id = a.path("id").asLong();
        byte[] file = png(5_000);
        long fileId = upload("counselor.wyu", id, file, "证明.png", MediaType.IMAGE_PNG).expect(201).json().path("id")
                .asLong();
        String newKey = Base64.getEncoder().encodeToString("another-test-key-for-rotation!!!".getBytes(
                StandardCharsets.US_ASCII));
        try {
            PersonalDataCipher rotated = new PersonalDataCipher(newKey, 2, "1:" + key, hashKey);
            assertThat(new EncryptedEvidenceColumns(jdbc, rotated).rotate()).isPositive();
            assertThat(new EncryptedEvidenceColumns(jdbc, rotated).rotate()).isZero();
            byte[] stored = jdbc.queryForObject("select data from assistance_evidence where id = ?", byte[].class,
                    fileId);
            assertThat(new PersonalDataCipher(newKey, 2, "", hashKey).decrypt(stored,
                    EvidenceFiles.context(id, fileId))).isEqualTo(file);
        } finally {
            // back under the application's key, for the running application and the other tests
            new EncryptedEvidenceColumns(jdbc, new PersonalDataCipher(key, 1, "2:" + newKey, hashKey)).rotate();
        }
        assertThat(download("teacher.wyu", id, fileId).getStatusCode().value()).isEqualTo(404); // not their student
        assertThat(download("admin", id, fileId).getBody()).isEqualTo(file);
    }

    @Test
    void uploadsAreRefusedByTypeSizeAndNumberNamingTheField() {
        JsonNode a = register("骆星河", "440703", "OTHER");
        long id = a.path("id").asLong();

        JsonNode missing = upload("counselor.wyu", id, null, null, null).expect(400).json();
        assertThat(missing.path("errors").findValuesAsText("field")).containsExactly("file");
        JsonNode text = upload("counselor.wyu", id, "不是 PDF".getBytes(StandardCharsets.UTF_8), "证明.pdf",
                MediaType.APPLICATION_PDF).expect(422).json();
        assertThat(text.path("field").asText()).isEqualTo("file");
        // an image's bytes declared as a PDF: the bytes decide, and they disagree
        upload("counselor.wyu", id, png(2_000), "证明.pdf", MediaType.APPLICATION_PDF).expect(422);
        JsonNode tooLarge = upload("counselor.wyu", id, pdf(5 * 1024 * 1024 + 1, 3), "大文件.pdf",
                MediaType.APPLICATION_PDF).expect(413).json();
        assertThat(tooLarge.path("field").asText()).isEqualTo("file");
        assertThat(tooLarge.path("maxBytes").asLong()).isEqualTo(5 * 1024 * 1024);
        upload("counselor.wyu", id, pdf(5 * 1024 * 1024, 4), "正好五兆.pdf", MediaType.APPLICATION_PDF).expect(201);
        upload("counselor.wyu", id, png(3_000), "照片.png", MediaType.IMAGE_PNG).expect(201);
        for (int i = 0; i < 8; i++) {
            upload("counselor.wyu", id, pdf(1_000, 10 + i), "证明" + i + ".pdf", MediaType.APPLICATION_OCTET_STREAM)
                    .expect(201);
        }
        JsonNode tooMany = upload("counselor.wyu", id, pdf(1_000, 99), "第十一份.pdf", MediaType.APPLICATION_PDF)
                .expect(422).json();
        assertThat(tooMany.path("field").asText()).isEqualTo("file");
        assertThat(tooMany.path("maxFiles").asInt()).isEqualTo(10);

        JsonNode view = as("counselor.wyu").get("/api/assistance/" + id).expect(200).json();
        assertThat(view.path("evidenceFiles")).hasSize(10);
        assertThat(view.path("evidenceFiles").get(1).path("type").asText()).isEqualTo("image/png");
        // outside the assistance's scope: as unknown
        upload("counselor.jmpt", id, pdf(1_000, 5), "证明.pdf", MediaType.APPLICATION_PDF).expect(404);
        upload("dpf.pengjiang", id, pdf(1_000, 5), "证明.pdf", MediaType.APPLICATION_PDF).expect(404);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
