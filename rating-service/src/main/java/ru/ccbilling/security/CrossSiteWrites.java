package ru.ccbilling.security;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Text;
import ru.ccbilling.web.Problems;

/**
 * A browser that once answered the Basic challenge sends those credentials with every request to this host, also
 * from another site's page, and such requests skip CSRF. Browsers say where a request comes from
 * ({@code Sec-Fetch-Site}, {@code Origin}); switches and scripts send neither. So a write that a browser sends from
 * another site is refused (403).
 */
final class CrossSiteWrites extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ObjectMapper json;

    CrossSiteWrites(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE.contains(request.getMethod()) || !fromAnotherSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        Problems.write(response, Refusal.of(Refusal.Kind.FORBIDDEN, Text.of("security.crossSite"), List.of()),
                Problems.language(request), json);
    }

    static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        String host = request.getHeader("Host");
        return origin != null && (host == null || !origin.equalsIgnoreCase(request.getScheme() + "://" + host));
    }
}
