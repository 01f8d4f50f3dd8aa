package org.leye.casework.shared.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * zh-CN unless the caller asks for English. The API ({@code /api/**}) follows Accept-Language
 * only; the pages follow the language chosen with {@code ?lang=en} or {@code ?lang=zh-CN} (kept in
 * a cookie) and otherwise Accept-Language too.
 */
@Configuration
class LocaleConfig implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    static final String COOKIE = "LEYE_LANG";

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver header = new AcceptHeaderLocaleResolver();
        header.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        header.setSupportedLocales(SUPPORTED);
        CookieLocaleResolver cookie = new CookieLocaleResolver(COOKIE);
        cookie.setCookieMaxAge(Duration.ofDays(365));
        cookie.setCookieHttpOnly(true);
        cookie.setDefaultLocaleFunction(header::resolveLocale);
        return new ApiOrPageLocaleResolver(header, cookie);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }

    /** The header for API calls; the cookie (falling back to the header) for pages. */
    static final class ApiOrPageLocaleResolver implements LocaleResolver {

        private final AcceptHeaderLocaleResolver header;
        private final CookieLocaleResolver cookie;

        ApiOrPageLocaleResolver(AcceptHeaderLocaleResolver header, CookieLocaleResolver cookie) {
            this.header = header;
            this.cookie = cookie;
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            if (isApi(request)) {
                return header.resolveLocale(request);
            }
            return supported(cookie.resolveLocale(request));
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            if (isApi(request)) {
                return; // the API follows Accept-Language alone: a ?lang= on an API call changes nothing
            }
            cookie.setLocale(request, response, locale == null ? null : supported(locale));
        }

        private static boolean isApi(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.startsWith("/api/");
        }

        private static Locale supported(Locale locale) {
            return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH
                    : Locale.SIMPLIFIED_CHINESE;
        }
    }
}
