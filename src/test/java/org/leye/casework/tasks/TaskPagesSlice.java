package org.leye.casework.tasks;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.leye.casework.employers.EmployerDirectory;
import org.leye.casework.graduates.GraduateMapper;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.web.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The task list's pages alone: their controllers, the pages' advice (web.WebPages), the templates,
 * Spring Security with method security, and every collaborator mocked. The test classes of these
 * pages extend it and declare no mocks, properties or imports of their own, so that they share one
 * Spring context.
 */
@WebMvcTest(controllers = { TaskPageController.class, InboxController.class })
@Import({ Pages.class, TaskNames.class, TaskPagesSlice.Config.class })
abstract class TaskPagesSlice {

    /** 2026-03-01 01:00 UTC: 09:00 on 1 March in the city. */
    static final Instant NOW = Instant.parse("2026-03-01T01:00:00Z");

    static final CurrentUser CASEWORKER = new CurrentUser("cw.pengjiang", "蓬江经办", Role.CASEWORKER, "440703", null);

    @TestConfiguration(proxyBeanMethods = false)
    @EnableMethodSecurity
    static class Config {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TaskList taskList;

    @MockitoBean
    TaskHandlers handlers;

    @MockitoBean
    GraduateRegistry registry;

    @MockitoBean
    GraduateMapper graduates;

    @MockitoBean
    EmployerDirectory employers;

    @MockitoBean
    CurrentUsers users;

    @MockitoBean
    ReferenceData reference;

    @BeforeEach
    void signedInAsACaseworker() {
        when(users.current()).thenReturn(CASEWORKER);
        when(reference.district(any())).thenReturn(java.util.Optional.empty());
    }
}
