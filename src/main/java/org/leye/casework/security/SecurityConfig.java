package org.leye.casework.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer.FrameOptionsConfig;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. API clients send HTTP Basic with every request; people sign in with the form at
 * {@code /login}, held back after repeated failures ({@link LoginThrottle}). A write that a browser
 * sends from another site is refused whatever it carries ({@link CrossSiteRequestFilter}). The
 * engine's REST API and webapps are for administrators only; the API description for anyone signed in.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    /**
     * Our own pages (package web, login page included), the Swagger UI: no inline scripts; inline
     * styles are allowed because the Swagger UI uses them. The Camunda
     * webapps are left out: they send their own policy, with a per-response nonce for their inline
     * scripts, and a second, stricter policy would be enforced on top of it and break them.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /** One year: browsers keep to HTTPS for that long after a response over HTTPS. */
    static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 60 * 60;

    private final String webappPath;

    SecurityConfig(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        this.webappPath = webappPath;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems, LoginThrottle throttle,
            UserDetailsService users, PasswordEncoder passwordEncoder,
            ObjectProvider<AuthenticationEventPublisher> events) throws Exception {
        RequestMatcher api = withDefaults().matcher("/api/**");
        RequestMatcher engineRest = withDefaults().matcher("/engine-rest/**");
        RequestMatcher webapps = withDefaults().matcher(webappPath + "/**");
        RequestMatcher apiOrEngine = new OrRequestMatcher(api, engineRest);
        RequestMatcher basicAuthenticated = request -> {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        };

        // the password check of the login form and HTTP Basic, held back by the login throttle
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        ProviderManager checked = new ProviderManager(passwords);
        events.ifAvailable(checked::setAuthenticationEventPublisher);

        http
            .authenticationManager(new ThrottledAuthentication(checked, throttle))
            // a write that a browser sends from another site's page is refused (403) before anyone is
            // signed in, whatever credentials it carries; after the header writer, so that the 403
            // carries the security headers too
            .addFilterBefore(new CrossSiteRequestFilter(problems), CsrfFilter.class)
            // a user given a password by someone else chooses their own before anything else
            .addFilterAfter(new PasswordChangeRequiredFilter(problems), AuthorizationFilter.class)
            .authorizeHttpRequests(requests -> requests
                .requestMatchers(withDefaults().matcher("/actuator/health"),
                        withDefaults().matcher("/actuator/health/**"), withDefaults().matcher("/error"),
                        withDefaults().matcher("/favicon.ico"), withDefaults().matcher("/login"),
                        withDefaults().matcher("/webjars/**"), withDefaults().matcher("/css/**")).permitAll()
                .requestMatchers(engineRest, webapps, withDefaults().matcher("/actuator/**")).hasRole(Role.ADMIN.name())
                .requestMatchers(api).authenticated()
                // the API description and its browsable page: for every signed-in user (integrators
                // sign in with their API account), no longer for anyone who asks
                .requestMatchers(withDefaults().matcher("/swagger-ui.html"), withDefaults().matcher("/swagger-ui/**"),
                        withDefaults().matcher("/v3/api-docs"), withDefaults().matcher("/v3/api-docs/**"))
                    .authenticated()
                .anyRequest().authenticated())
            // a wrong password is answered by this entry point too: 401 problem+json with a challenge
            // that no browser answers with its Basic dialog (ProblemResponses.CHALLENGE)
            .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
            // the web application's own login page (web.LoginController); logout by POST with the token
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                // held back by the login throttle: the login page says so
                .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                        + (e instanceof SignInsHeldBack ? "/login?locked" : "/login?error"))))
            .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
            .exceptionHandling(exceptions -> exceptions
                // API callers get 401 problem+json, never a redirect to the login page; a browser
                // anywhere else is sent to the login page (registered by formLogin)
                .defaultAuthenticationEntryPointFor(problems, apiOrEngine)
                .accessDeniedHandler(problems))
            // CSRF protects the session cookie of people signed in with the form. It is not checked
            // for calls to /api/** and /engine-rest/** that carry their own HTTP Basic credentials:
            // those callers are programs that send the Authorization header with every request and
            // hold no session worth forging requests with; a browser that has Basic credentials
            // cached (it is never asked for them: no Basic challenge) is stopped by the
            // CrossSiteRequestFilter above when another site's page makes it send them. A browser
            // calling /api/** on the strength of its login session still has to send the token
            // (header X-CSRF-TOKEN). The Camunda webapps are not checked either: they carry their own
            // CSRF filter (X-XSRF-TOKEN header) on /camunda/api/** and /camunda/app/**, whose token is
            // not Spring Security's.
            .csrf(csrf -> csrf.ignoringRequestMatchers(
                    new AndRequestMatcher(apiOrEngine, basicAuthenticated), webapps))
            .headers(headers -> headers
                // HSTS on every response to a secure request: one year, subdomains included. Behind a
                // proxy that ends TLS the request is seen as secure only when
                // server.forward-headers-strategy is set (application.yml)
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_MAX_AGE_SECONDS).includeSubDomains(true))
                .frameOptions(FrameOptionsConfig::sameOrigin)
                .contentTypeOptions(Customizer.withDefaults())
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(webapps),
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY))));
        return http.build();
    }
}
