package org.leye.casework.web;

import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.leye.casework.assistance.AssistanceService;
import org.leye.casework.assistance.EvidenceService;
import org.leye.casework.cases.CaseLifecycle;
import org.leye.casework.cases.CaseOwnership;
import org.leye.casework.cohorts.Cohorts;
import org.leye.casework.employers.EmployerDirectory;
import org.leye.casework.graduates.GraduateCorrections;
import org.leye.casework.events.GroupEvents;
import org.leye.casework.graduates.GraduateMapper;
import org.leye.casework.graduates.GraduatePagePart;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.handover.HandoverService;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerLabels;
import org.leye.casework.reference.District;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.reference.University;
import org.leye.casework.reports.Reports;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.security.UserAccounts;
import org.leye.casework.tasks.TaskList;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.Answers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RestController;

/**
 * What every slice test of the pages shares: the page controllers of the capabilities with the
 * pages' advice and helpers, Thymeleaf with the messages, Bean Validation, and Spring Security with
 * method security (the pages' {@code @PreAuthorize}), over mocked services; no database, no engine.
 * One Spring context serves every such test: a test extends this and adds no {@code @MockitoBean},
 * property, profile or configuration of its own (each would cost another context).
 *
 * <p>Security is Spring Boot's default chain here (signed in or sent to the login form, CSRF
 * tokens required), not the application's; a test signs in with {@link #as(CurrentUser)}. The
 * task pages (moving to tasks), the caseload page (tested over HTTP: caseload.CaseloadPageTest) and the
 * API's controllers are left out.
 */
@WebMvcTest(excludeFilters = {
        @ComponentScan.Filter(RestController.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.leye\\.casework\\..*\\.(TaskPageController|InboxController|CaseloadPageController)") },
        includeFilters = {
                @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = { Pages.class, LedgerLabels.class,
                        GraduatePagePart.class }),
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.leye\\.casework\\.cases\\.ProcessDiagram"),
                // the printed ledger's page (ledger.LedgerPrintPageController) reads through it, over the mocks
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.leye\\.casework\\.ledger\\.PrintedLedgers") })
@Import(PageSlice.Config.class)
public abstract class PageSlice {

    /** A fixed clock: 1 March 2026, 10:00 in the city. */
    protected static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

    protected static final CurrentUser CASEWORKER = new CurrentUser("cw.pengjiang", "蓬江经办", Role.CASEWORKER, "440703",
            null);
    protected static final CurrentUser SUPERVISOR = new CurrentUser("sup.pengjiang", "蓬江督导", Role.SUPERVISOR,
            "440703", null);
    protected static final CurrentUser COUNSELOR = new CurrentUser("counselor.wyu", "五邑辅导员", Role.COUNSELOR, null,
            "WYU");
    protected static final CurrentUser HELPER = new CurrentUser("teacher.wyu", "五邑教师", Role.HELPER, null, "WYU");
    protected static final CurrentUser ADMIN = new CurrentUser("admin", "管理员", Role.ADMIN, null, null);

    @TestConfiguration
    @EnableMethodSecurity
    static class Config {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    protected MockMvc mvc;

    @MockitoBean
    protected CurrentUsers users;
    @MockitoBean
    protected ReferenceData reference;
    @MockitoBean
    protected GraduateRegistry registry;
    @MockitoBean
    protected GraduateMapper graduateViews;
    @MockitoBean
    protected GraduateCorrections corrections;
    @MockitoBean
    protected CaseLifecycle cases;
    @MockitoBean
    protected Ledger ledger;
    @MockitoBean
    protected AssistanceService assistance;
    @MockitoBean
    protected EvidenceService evidence;
    @MockitoBean
    protected TaskList taskList;
    @MockitoBean
    protected EmployerDirectory employers;
    @MockitoBean
    protected HandoverService handovers;
    @MockitoBean
    protected Reports reports;
    @MockitoBean
    protected Cohorts cohorts;
    @MockitoBean
    protected CaseOwnership ownership;
    @MockitoBean
    protected UserAccounts accounts;
    @MockitoBean
    protected GroupEvents groupEvents;
    /** The engine behind cases.ProcessDiagram: any query answers a stub, counts are 0 (no step to show). */
    @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
    protected RuntimeService runtime;
    @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
    protected RepositoryService repository;

    /** Two districts and a university, as the forms and the header name them. */
    @BeforeEach
    void referenceData() {
        District pengjiang = new District("440703", "蓬江区", "蓬江區");
        District taishan = new District("440781", "台山市", "台山市");
        University wyu = new University("WYU", "五邑大学", "五邑大學", true);
        given(reference.districts()).willReturn(List.of(pengjiang, taishan));
        given(reference.district("440703")).willReturn(Optional.of(pengjiang));
        given(reference.district("440781")).willReturn(Optional.of(taishan));
        given(reference.universities()).willReturn(List.of(wyu));
        given(reference.university("WYU")).willReturn(Optional.of(wyu));
    }

    /** Signs the request in as the caller: the role for Spring Security, the scope for the services. */
    protected RequestPostProcessor as(CurrentUser caller) {
        given(users.current()).willReturn(caller);
        return user(caller.username()).roles(caller.role().name());
    }
}
