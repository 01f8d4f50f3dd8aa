package org.leye.casework.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Refuses a state-changing request that a browser sends on behalf of another site, whatever
 * credentials it carries (a session cookie, or HTTP Basic credentials the browser has cached): a
 * forged hand-over upload or deployment is refused before anyone is signed in and before anything
 * is read or registered. Runs early in the security filter chain, before authentication, for every
 * path: the API, the engine's REST API, the pages, {@code /login}, {@code /logout} and the Camunda
 * webapps.
 *
 * <p>A request whose method is not safe (anything but GET, HEAD, OPTIONS, TRACE) is refused (403)
 * <ul>
 * <li>when {@code Sec-Fetch-Site} is {@code cross-site} or {@code same-site}: the browser tells us
 * that the page sending it is not ours. {@code same-site} (a sibling host under the same
 * registrable domain) is refused too: nothing of ours is served from another host, and a sibling
 * host is not necessarily one we trust;</li>
 * <li>when {@code Origin} is present and is not this server's own origin, the scheme, host and port
 * of the request as the server sees it (behind a proxy, as {@code server.forward-headers-strategy}
 * has it report them); {@code Origin: null} (a sandboxed frame, a redirect from another site, a
 * local file) is refused.</li>
 * </ul>
 * Browsers set both headers and a page cannot change them. Requests without either (curl,
 * integrations, older browsers' same-origin form posts) pass, to authentication and CSRF
 * protection as before.
 */
final class CrossSiteRequestFilter extends OncePerRequestFilter {

    static final String SEC_FETCH_SITE = "Sec-Fetch-Site";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> OTHER_SITES = Set.of("cross-site", "same-site");

    private final ProblemResponses problems;

    CrossSiteRequestFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (fromAnotherSite(request)) {
            problems.crossSite(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether this is a state-changing request that a browser sent from another site's page. */
    static boolean fromAnotherSite(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String site = request.getHeader(SEC_FETCH_SITE);
        if (site != null && OTHER_SITES.contains(site.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin != null && !isOwnOrigin(origin.strip(), request);
    }

    private static boolean isOwnOrigin(String origin, HttpServletRequest request) {
        if (origin.isEmpty() || "null".equalsIgnoreCase(origin)) {
            return false;
        }
        UriComponents claimed;
        try {
            claimed = UriComponentsBuilder.fromOriginHeader(origin).build();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        String scheme = request.getScheme();
        return claimed.getScheme() != null && claimed.getHost() != null
                && claimed.getScheme().equalsIgnoreCase(scheme)
                && claimed.getHost().equalsIgnoreCase(request.getServerName())
                && port(claimed.getScheme(), claimed.getPort()) == port(scheme, request.getServerPort());
    }

    private static int port(String scheme, int port) {
        if (port != -1) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
