package org.leye.casework.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Caps the body of an API request other than an upload at {@code leye.api.max-body-size} (1 MB):
 * a larger declared {@code Content-Length} is answered 413 with a problem detail before anything
 * is read, and a body sent without one (chunked) stops being read at the cap, which
 * {@link ApiExceptionHandler} answers 413 as well. No request of the API needs more (a bulk
 * reassignment of 2,000 task ids is about 80 KB); uploads have the multipart limit.
 */
@Component
class RequestBodyLimit extends OncePerRequestFilter {

    private final DataSize limit;
    private final ObjectMapper objectMapper;
    private final MessageSource messages;
    private final LocaleResolver locales;

    RequestBodyLimit(@Value("${leye.api.max-body-size:1MB}") DataSize limit, ObjectMapper objectMapper,
            MessageSource messages, LocaleResolver locales) {
        this.limit = limit;
        this.objectMapper = objectMapper;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String type = request.getContentType();
        return !path.startsWith("/api/") || (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit.toBytes()) {
            // answered before the dispatcher: the API's language (Accept-Language, zh-CN by default) resolved here
            Locale locale = locales.resolveLocale(request);
            String detail = messages.getMessage("problem.bodyTooLarge", new Object[] { String.valueOf(limit.toKilobytes()) },
                    locale);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, detail);
            problem.setTitle(messages.getMessage("problem.title.413", null, locale));
            problem.setType(URI.create("about:blank"));
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            objectMapper.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(new Capped(request, limit.toBytes()), response);
    }

    /** Thrown when a body without a declared length goes past the cap. */
    static final class BodyTooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("request body over the limit");
        }
    }

    /** The request with an input stream that stops at the cap. */
    private static final class Capped extends HttpServletRequestWrapper {

        private final long cap;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long cap) {
            super(request);
            this.cap = cap;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLargeException {
                        read += n;
                        if (read > cap) {
                            throw new BodyTooLargeException();
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
