package org.leye.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.leye.casework.graduates.Degree;
import org.leye.casework.graduates.Gender;
import org.leye.casework.graduates.GraduateStatus;
import org.leye.casework.graduates.GraduateView;
import org.leye.casework.ledger.Service131Policy;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.web.PageSlice;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.validation.BindingResult;

/** The case's side of a graduate's page in a slice: the destination form and the process's endpoints. */
class CasePagesTest extends PageSlice {

    private static final String KEPT_ERRORS = BindingResult.MODEL_KEY_PREFIX + CasePageController.FORM;

    @Test
    void aDestinationIsRegisteredStrippedAndThePageSaysSo() throws Exception {
        given(registry.visible(5L, CASEWORKER)).willReturn(true);

        mvc.perform(post("/graduates/5/destination").with(as(CASEWORKER)).with(csrf()).param("code", "11")
                .param("date", "2026-02-27").param("employer", "  江门某公司 "))
                .andExpect(redirectedUrl("/graduates/5"))
                .andExpect(flash().attribute("notice", "web.destination.registered"));

        then(cases).should().registerDestination(5L, new RegisterDestination("11", LocalDate.of(2026, 2, 27), "江门某公司"),
                CASEWORKER);
    }

    @Test
    void aPublicWelfarePostIsRegisteredFromItsCheckboxAndThePageOffersIt() throws Exception {
        given(registry.visible(5L, CASEWORKER)).willReturn(true);

        mvc.perform(post("/graduates/5/destination").with(as(CASEWORKER)).with(csrf()).param("code", "51")
                .param("date", "2026-02-27").param("employer", "恩平市某街道办").param("publicWelfare", "true"))
                .andExpect(redirectedUrl("/graduates/5"));

        then(cases).should().registerDestination(5L,
                new RegisterDestination("51", LocalDate.of(2026, 2, 27), "恩平市某街道办", true), CASEWORKER);

        given(registry.read(5L, CASEWORKER)).willReturn(graduate(5L));
        given(ledger.compliance(5L)).willReturn(Service131Policy.evaluate(List.of(), null));
        mvc.perform(get("/graduates/5").with(as(CASEWORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("type=\"checkbox\" id=\"publicWelfare\"")))
                .andExpect(content().string(containsString("<label for=\"publicWelfare\">公益性岗位</label>")));
    }

    @Test
    void aRefusedFormGoesBackToTheFormWithItsAnswersAndErrorsAndThePageShowsThem() throws Exception {
        given(registry.visible(5L, CASEWORKER)).willReturn(true);

        MvcResult sent = mvc.perform(post("/graduates/5/destination").with(as(CASEWORKER)).with(csrf())
                .param("code", " ").param("date", "昨天").param("employer", "某公司"))
                .andExpect(redirectedUrl("/graduates/5#destination"))
                .andExpect(flash().attribute(CasePageController.FORM, instanceOf(DestinationForm.class)))
                .andReturn();
        BindingResult errors = (BindingResult) sent.getFlashMap().get(KEPT_ERRORS);
        assertThat(errors.getFieldError("code").getCode()).isEqualTo("NotBlank");
        assertThat(errors.getFieldError("date").getCode()).isEqualTo("typeMismatch");
        then(cases).should(never()).registerDestination(anyLong(), any(), any());

        given(registry.read(5L, CASEWORKER)).willReturn(graduate(5L));
        given(ledger.compliance(5L)).willReturn(Service131Policy.evaluate(List.of(), null));
        mvc.perform(get("/graduates/5").with(as(CASEWORKER)).flashAttrs(sent.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<p class=\"error\" id=\"code-error\">不能为空</p>")))
                .andExpect(content().string(containsString("<p class=\"error\" id=\"date-error\">类型不正确</p>")))
                .andExpect(content().string(containsString("name=\"date\" value=\"昨天\"")))
                .andExpect(content().string(containsString("name=\"employer\" value=\"某公司\"")));
    }

    @Test
    void theServicesRefusalIsKeptByItsField() throws Exception {
        given(registry.visible(5L, CASEWORKER)).willReturn(true);
        given(cases.registerDestination(eq(5L), any(), eq(CASEWORKER)))
                .willThrow(new InvalidFieldException("employer", "validation.employerRequired"));

        MvcResult sent = mvc.perform(post("/graduates/5/destination").with(as(CASEWORKER)).with(csrf()).param("code", "11"))
                .andExpect(redirectedUrl("/graduates/5#destination")).andReturn();

        BindingResult errors = (BindingResult) sent.getFlashMap().get(KEPT_ERRORS);
        assertThat(errors.getFieldError("employer").getCode()).isEqualTo("validation.employerRequired");
        assertThat(errors.getFieldValue("code")).isEqualTo("11");
    }

    @Test
    void aGraduateOutsideTheScopeIsTheNotFoundPageWhateverTheForm() throws Exception {
        mvc.perform(post("/graduates/6/destination").with(as(CASEWORKER)).with(csrf()).param("code", ""))
                .andExpect(status().isNotFound()).andExpect(view().name("error/404"));
        given(cases.processInstanceOf(6L, CASEWORKER)).willThrow(new NotFoundException("graduate", 6L));
        mvc.perform(get("/graduates/6/diagram.svg").with(as(CASEWORKER))).andExpect(status().isNotFound());
        mvc.perform(get("/graduates/6/process.bpmn").with(as(CASEWORKER))).andExpect(status().isNotFound());
        mvc.perform(get("/graduates/6/activities").with(as(CASEWORKER))).andExpect(status().isNotFound());

        then(cases).should(never()).registerDestination(anyLong(), any(), any());
    }

    @Test
    void theActivitiesOfAnEndedProcessAreNone() throws Exception {
        given(cases.processInstanceOf(5L, CASEWORKER)).willReturn(Optional.of("pi-5"));

        mvc.perform(get("/graduates/5/activities").with(as(CASEWORKER))).andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }

    private static GraduateView graduate(long id) {
        return new GraduateView(id, null, "王五", "4407**********1234", Gender.MALE, 22, "138****8000", "五邑大学", "WYU",
                null, Degree.BACHELOR, 2026, "440703", null, List.of(), List.of(), true, GraduateStatus.REGISTERED, null,
                Instant.parse("2026-02-01T00:00:00Z"), null, null, 0);
    }
}
