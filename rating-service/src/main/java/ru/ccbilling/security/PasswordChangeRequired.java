package ru.ccbilling.security;

import java.io.IOException;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * A person whose password an administrator set may only ask who they are ({@code GET /api/v1/me}) and change it
 * ({@code POST /api/v1/me/password}); every other API call is a 403 naming {@code password}. The admin UI reads
 * {@code mustChangePassword} from {@code /me} and shows its change form.
 */
final class PasswordChangeRequired extends OncePerRequestFilter {

    private final ObjectMapper json;

    PasswordChangeRequired(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!mustChange() || !request.getRequestURI().startsWith("/api/") || allowed(request)) {
            chain.doFilter(request, response);
            return;
        }
        Refusal refusal = Refusal.of(Refusal.Kind.FORBIDDEN, Text.of("password.mustChange"),
                List.of(new Refusal.Fault("password", Text.of("password.mustChange.field"))));
        Problems.write(response, refusal, Problems.language(request), json);
    }

    private static boolean mustChange() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Person person && person.mustChangePassword();
    }

    private static boolean allowed(HttpServletRequest request) {
        String path = request.getRequestURI();
        return "GET".equals(request.getMethod()) && "/api/v1/me".equals(path)
                || "POST".equals(request.getMethod()) && "/api/v1/me/password".equals(path);
    }
}
