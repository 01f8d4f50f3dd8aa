package org.leye.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.leye.casework.support.TestGraduates;
import org.leye.casework.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The destination form of a graduate's page, over HTTP with the sessions in the database: a
 * refused form comes back to the page with each message by its field and the answers kept (across
 * the redirect), a graduate outside the caller's scope is the 404 page whatever the form says.
 */
@IntegrationTest
class DestinationPageTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Test
    void aRefusedDestinationComesBackWithTheMessagesByTheFields() {
        long id = registered("去向表单");
        WebSession pengjiang = WebSession.signedIn(port, "cw.pengjiang");
        String page = "/graduates/" + id;
        assertThat(pengjiang.page(page).getBody()).contains("value=\"" + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "\"");

        var form = new LinkedMultiValueMap<String, String>();
        form.add("code", "");
        form.add("date", "不是日期");
        form.add("employer", "  某公司  ");
        ResponseEntity<String> sent = pengjiang.post(page + "/destination", form, page);
        assertThat(sent.getStatusCode().value()).isEqualTo(302);
        assertThat(sent.getHeaders().getLocation().toString()).endsWith(page + "#destination");
        String back = pengjiang.page(page).getBody();
        assertThat(back).contains("id=\"code-error\"").contains("不能为空")
                .contains("id=\"date-error\"").contains("类型不正确")
                .contains("value=\"不是日期\"").contains("value=\"某公司\"");

        form = new LinkedMultiValueMap<>();
        form.add("code", "11"); // employed: the service asks for the employer
        form.add("date", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        sent = pengjiang.post(page + "/destination", form, page);
        assertThat(sent.getStatusCode().value()).isEqualTo(302);
        assertThat(pengjiang.page(page).getBody()).contains("id=\"employer-error\"").contains("请填写用人单位")
                .contains("<option value=\"11\" selected=\"selected\"");

        var outOfScope = new LinkedMultiValueMap<String, String>();
        outOfScope.add("code", "");
        WebSession taishan = WebSession.signedIn(port, "cw.taishan");
        assertThat(taishan.post(page + "/destination", outOfScope, "/inbox").getStatusCode().value()).isEqualTo(404);

        form = new LinkedMultiValueMap<>();
        form.add("code", "70");
        sent = pengjiang.post(page + "/destination", form, page);
        assertThat(sent.getHeaders().getLocation().toString()).endsWith(page);
        assertThat(pengjiang.page(page).getBody()).contains("已登记毕业去向。").doesNotContain("class=\"error\"");
    }

    @Test
    void aPublicWelfarePostIsTickedOnThePageAndAFlagOnNoJobComesBackByTheCheckbox() {
        long id = registered("公益表单");
        WebSession pengjiang = WebSession.signedIn(port, "cw.pengjiang");
        String page = "/graduates/" + id;
        assertThat(pengjiang.page(page).getBody()).contains("id=\"publicWelfare\"").contains("公益性岗位");

        var form = new LinkedMultiValueMap<String, String>();
        form.add("code", "72");
        form.add("publicWelfare", "true");
        ResponseEntity<String> sent = pengjiang.post(page + "/destination", form, page);
        assertThat(sent.getHeaders().getLocation().toString()).endsWith(page + "#destination");
        assertThat(pengjiang.page(page).getBody()).contains("id=\"publicWelfare-error\"");

        form = new LinkedMultiValueMap<>();
        form.add("code", "51");
        form.add("employer", "蓬江区某街道办");
        form.add("publicWelfare", "true");
        sent = pengjiang.post(page + "/destination", form, page);
        assertThat(sent.getHeaders().getLocation().toString()).endsWith(page);
        var destination = Api.as(rest, "cw.pengjiang").get("/api/graduates/" + id).expect(200).json().path("destination");
        assertThat(destination.path("code").asText()).isEqualTo("51");
        assertThat(destination.path("publicWelfare").asBoolean()).isTrue();
        assertThat(pengjiang.page(page).getBody()).contains("class=\"badge\">公益性岗位</span>");
    }

    /** A graduate of 蓬江区 registered by its caseworker; their id. */
    private long registered(String name) {
        return Api.as(rest, "cw.pengjiang").post("/api/graduates",
                TestGraduates.graduate(name + TestGraduates.tag(), "440703")).expect(201).json().path("id").asLong();
    }
}
