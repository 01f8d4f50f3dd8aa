package org.leye.casework.graduates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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
 * The edit page of a graduate's record ({@code /graduates/{id}/edit}) over HTTP with the sessions in
 * the database: the link from the graduate's page for those who may correct, the form with the
 * record's values (the phone never whole), a refused form with each message by its field, a saved
 * correction in the ledger, and the 404 page outside the caller's scope or role.
 */
@IntegrationTest
class CorrectionPageTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Test
    void aCaseworkerCorrectsTheRecordOnTheEditPageAndTheLedgerShowsWhatChanged() {
        Map<String, Object> body = TestGraduates.graduate("页面更正", "440703");
        String phone = (String) body.get("phone");
        long id = Api.as(rest, "cw.pengjiang").post("/api/graduates", body).expect(201).json().path("id").asLong();
        WebSession pengjiang = WebSession.signedIn(port, "cw.pengjiang");
        String edit = "/graduates/" + id + "/edit";
        assertThat(pengjiang.page("/graduates/" + id).getBody()).contains("id=\"correct-link\"").contains(edit);
        String form = pengjiang.page(edit).getBody();
        assertThat(form).contains("id=\"correct-form\"").contains("value=\"会计学\"")
                .contains("<option value=\"BACHELOR\" selected=\"selected\"").contains(Phones.mask(phone))
                .doesNotContain(phone);

        // refused: each message by its field, the answers kept
        ResponseEntity<String> refused = pengjiang.post(edit, form("12345", "审计学", "BACHELOR", "0"), edit);
        assertThat(refused.getStatusCode().value()).isEqualTo(200);
        assertThat(refused.getBody()).contains("id=\"phone-error\"").contains("value=\"审计学\"");
        assertThat(pengjiang.page(edit).getBody()).contains("value=\"会计学\"");

        String newPhone = TestGraduates.phone();
        String version = String.valueOf(Api.as(rest, "cw.pengjiang").get("/api/graduates/" + id).expect(200).json()
                .path("version").asLong());
        ResponseEntity<String> saved = pengjiang.post(edit, form(newPhone, "审计学", "MASTER", version), edit);
        assertThat(saved.getStatusCode().value()).isEqualTo(302);
        assertThat(saved.getHeaders().getLocation().toString()).endsWith("/graduates/" + id);
        String page = pengjiang.page("/graduates/" + id).getBody();
        assertThat(page).contains("已保存更正").contains(Phones.mask(newPhone)).contains("审计学").doesNotContain(newPhone);
        assertThat(page).contains("更正信息").contains("专业：会计学 → 审计学").contains("学历：本科 → 硕士研究生")
                .contains("手机号：" + Phones.mask(phone) + " → " + Phones.mask(newPhone));

        // the same form again (its version now stale): the message says so, nothing changes
        ResponseEntity<String> stale = pengjiang.post(edit, form("", "会计学", "MASTER", version), edit);
        assertThat(stale.getStatusCode().value()).isEqualTo(200);
        assertThat(stale.getBody()).contains("id=\"problem\"").contains("已被他人修改");
    }

    @Test
    void theWillingnessOfAnOpenCaseIsRefusedByItsFieldOnThePage() {
        long id = Api.as(rest, "cw.pengjiang").post("/api/graduates", TestGraduates.graduate("页面意愿", "440703"))
                .expect(201).json().path("id").asLong();
        WebSession pengjiang = WebSession.signedIn(port, "cw.pengjiang");
        String edit = "/graduates/" + id + "/edit";
        LinkedMultiValueMap<String, String> form = form("", "会计学", "BACHELOR", "");
        form.add("willingToWork", "false");
        ResponseEntity<String> refused = pengjiang.post(edit, form, edit);
        assertThat(refused.getStatusCode().value()).isEqualTo(200);
        assertThat(refused.getBody()).contains("id=\"willingToWork-error\"").contains("首次联系或跟踪回访");
    }

    @Test
    void outsideTheScopeOrRoleTheEditPageIsNotFound() {
        long id = Api.as(rest, "cw.pengjiang").post("/api/graduates", TestGraduates.graduate("页面范围", "440703"))
                .expect(201).json().path("id").asLong();
        String edit = "/graduates/" + id + "/edit";
        assertThat(WebSession.signedIn(port, "cw.taishan").page(edit).getStatusCode().value()).isEqualTo(404);
        assertThat(WebSession.signedIn(port, "teacher.wyu").page(edit).getStatusCode().value()).isEqualTo(404);
        WebSession taishan = WebSession.signedIn(port, "cw.taishan");
        assertThat(taishan.post(edit, form("", "法学", "BACHELOR", ""), "/inbox").getStatusCode().value())
                .isEqualTo(404);
        assertThat(WebSession.signedIn(port, "counselor.wyu").page(edit).getStatusCode().value()).isEqualTo(200);
        assertThat(Api.as(rest, "sup.city").get("/api/graduates/" + id).expect(200).json().path("major").asText())
                .isEqualTo("会计学");
    }

    private static LinkedMultiValueMap<String, String> form(String phone, String major, String degree, String version) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("phone", phone);
        form.add("address", "");
        form.add("major", major);
        form.add("degree", degree);
        form.add("version", version);
        return form;
    }
}
