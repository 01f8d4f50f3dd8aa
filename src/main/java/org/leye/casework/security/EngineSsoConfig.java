package org.leye.casework.security;

import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the Spring Security login over to the engine: the webapps (Cockpit, Tasklist, Admin) get
 * a Camunda session authentication for the signed-in administrator, and engine REST calls run as
 * that user (so the user operation log names them). Both filters run right after Spring Security's
 * filter chain, which has already refused everyone but administrators.
 */
@Configuration(proxyBeanMethods = false)
@ProcessAdapter
class EngineSsoConfig {

    private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSsoFilter(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("Leye webapp single sign-on");
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityAuthenticationProvider.class.getName()));
        registration.addUrlPatterns(webappPath + "/app/*", webappPath + "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestSsoFilter(JerseyApplicationPath restPath) {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("Leye engine REST single sign-on");
        registration.setInitParameters(Map.of(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityAuthenticationProvider.class.getName(),
                ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, restPath.getPrefix()));
        registration.addUrlPatterns(restPath.getUrlMapping());
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }
}
