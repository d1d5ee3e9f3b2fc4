package ru.ccbilling.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Text;
import ru.ccbilling.web.DatabaseUnavailable;
import ru.ccbilling.web.Problems;

/**
 * Two ways in, one role matrix ({@link RoleMatrix}). A request that carries credentials ({@code Authorization} or
 * {@code X-Api-Key}) is authenticated by them alone: stateless, its session cookie ignored, no session made, no CSRF
 * (it cannot be forged). Every other request is a person's session from the login page, with CSRF protection.
 * Without credentials the API answers 401 problem+json, also for a write without a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * Scripts only from this origin; inline styles for MUI (emotion), CodeMirror and dmn-js, whose stylesheet
     * embeds its font and icons as data: URLs; document previews framed by the same origin only.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'; object-src 'none'";

    private static final RequestMatcher API = request -> request.getRequestURI().startsWith("/api/");
    private static final RequestMatcher CARRIES_CREDENTIALS = request -> request.getHeader("Authorization") != null
            || request.getHeader(ApiKeyFilter.HEADER) != null;

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain credentialsChain(HttpSecurity http, Credentials credentials, ApiKeyUse keyUse, SignInAudit audit,
                                         SignInThrottle throttle, StandardTariffs tariffs, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint entryPoint = apiEntryPoint(json);
        http
            .securityMatcher(CARRIES_CREDENTIALS)
            .authorizeHttpRequests(new RoleMatrix(new ClientTariffsOnly(tariffs)))
            .headers(SecurityConfiguration::headers)
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
            .requestCache(cache -> cache.disable())
            .csrf(csrf -> csrf.disable())
            .addFilterBefore(new CrossSiteWrites(json), BasicAuthenticationFilter.class)
            .addFilterBefore(new SignInThrottleFilter(throttle, json), BasicAuthenticationFilter.class)
            .addFilterBefore(new ApiKeyFilter(credentials, keyUse, audit, throttle, entryPoint, json),
                    BasicAuthenticationFilter.class)
            .addFilterBefore(new PasswordChangeRequired(json), AuthorizationFilter.class)
            .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
            .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied(json, entryPoint)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain sessionChain(HttpSecurity http, Credentials credentials, SignInThrottle throttle,
                                     StandardTariffs tariffs, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint api = apiEntryPoint(json);
        AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        AuthenticationEntryPoint entryPoint = (request, response, e) ->
                (API.matches(request) ? api : login).commence(request, response, e);
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        http
            .authorizeHttpRequests(new RoleMatrix(new ClientTariffsOnly(tariffs)))
            .headers(SecurityConfiguration::headers)
            .addFilterBefore(new SignInThrottleFilter(throttle, json), UsernamePasswordAuthenticationFilter.class)
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
            .csrf(csrf -> csrf
                // an invitation is accepted by somebody with no session: the token in the path is the credential
                .ignoringRequestMatchers("/api/v1/invitations/*")
                .csrfTokenRepository(csrfTokens)
                .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
            .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
            .addFilterBefore(new SessionStanding(credentials), AuthorizationFilter.class)
            .addFilterBefore(new PasswordChangeRequired(json), AuthorizationFilter.class)
            .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied(json, entryPoint)));
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers
            // the admin UI previews documents in an iframe of its own origin
            .frameOptions(frame -> frame.sameOrigin())
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    }

    private static AuthenticationEntryPoint apiEntryPoint(ObjectMapper json) {
        return (request, response, e) -> {
            if (DatabaseUnavailable.causes(e)) {
                DatabaseUnavailable.write(request, response, json);
                return;
            }
            // no Basic challenge for the admin UI's own requests, or the browser shows its password dialog
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"cc-billing\"");
            }
            Problems.write(response, Refusal.of(Refusal.Kind.UNAUTHORIZED, Text.of("security.signInRequired"), List.of()),
                    Problems.language(request), json);
        };
    }

    /** 403 for a signed-in caller; a stranger's write without a CSRF token is a 401, as any other of theirs */
    private static AccessDeniedHandler denied(ObjectMapper json, AuthenticationEntryPoint entryPoint) {
        return (request, response, e) -> {
            if (e instanceof CsrfException && !signedIn()) {
                entryPoint.commence(request, response, new InsufficientAuthenticationException("not signed in", e));
                return;
            }
            Text why = e instanceof CsrfException ? Text.of("security.csrf")
                    : Text.of("security.roleMayNot", request.getMethod(), request.getRequestURI());
            Problems.write(response, Refusal.of(Refusal.Kind.FORBIDDEN, why, List.of()), Problems.language(request), json);
        };
    }

    private static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }
}
