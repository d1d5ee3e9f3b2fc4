package ru.ccbilling.security;

import java.io.IOException;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ru.ccbilling.web.DatabaseUnavailable;

/**
 * Authenticates call-centre equipment by its {@code X-Api-Key} header, looked up on every request (so a revoked key
 * is refused at once); a wrong or revoked key is a 401, counted and audited.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final Credentials credentials;
    private final ApiKeyUse use;
    private final SignInAudit audit;
    private final SignInThrottle throttle;
    private final AuthenticationEntryPoint entryPoint;
    private final ObjectMapper json;

    ApiKeyFilter(Credentials credentials, ApiKeyUse use, SignInAudit audit, SignInThrottle throttle,
                 AuthenticationEntryPoint entryPoint, ObjectMapper json) {
        this.credentials = credentials;
        this.use = use;
        this.audit = audit;
        this.throttle = throttle;
        this.entryPoint = entryPoint;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null || key.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKey> apiKey;
        try {
            apiKey = credentials.byApiKey(key.trim());
        } catch (DataAccessException e) {
            if (!DatabaseUnavailable.causes(e)) {
                throw e;
            }
            // keys live in PostgreSQL: without it nobody can be told apart, and nothing could be stored anyway
            DatabaseUnavailable.write(request, response, json);
            return;
        }
        if (apiKey.isEmpty()) {
            throttle.failed(null, request.getRemoteAddr());
            audit.keyRefused(credentials.revokedKeyName(key.trim()).orElse(null), request.getRemoteAddr());
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown API key"));
            return;
        }
        use.used(apiKey.get().name());
        var authentication = UsernamePasswordAuthenticationToken.authenticated(apiKey.get(), null, apiKey.get().roles());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
