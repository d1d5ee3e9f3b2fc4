package ru.ccbilling.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.ccbilling.web.DatabaseUnavailable;

/**
 * Every route needs authentication, except health and the login page. API clients use HTTP Basic or
 * {@code X-Api-Key}; people use the login page and a session cookie. CSRF protection applies to
 * cookie-authenticated requests only: a request that carries its own credentials cannot be forged.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final String[] EVERYONE = {"TARIFF_MANAGER", "SALES", "FINANCE", "ADMIN", "API_CLIENT"};
    private static final String[] STAFF = {"TARIFF_MANAGER", "SALES", "FINANCE", "ADMIN"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Credentials credentials, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint apiEntryPoint = (request, response, e) -> {
            if (DatabaseUnavailable.causes(e)) {
                DatabaseUnavailable.write(response, json);
                return;
            }
            // no Basic challenge for the admin UI's own requests, or the browser shows its password dialog
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"cc-billing\"");
            }
            writeProblem(json, response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "Send HTTP Basic credentials or an X-Api-Key header.");
        };
        AccessDeniedHandler denied = (request, response, e) -> writeProblem(json, response, HttpStatus.FORBIDDEN,
                "Forbidden", e instanceof org.springframework.security.web.csrf.CsrfException
                        ? "The CSRF token is missing or stale: reload the page and try again."
                        : "Your role may not " + request.getMethod() + " " + request.getRequestURI() + ".");
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
        RequestMatcher carriesCredentials = request -> request.getHeader("Authorization") != null
                || request.getHeader(ApiKeyFilter.HEADER) != null;

        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error").permitAll()
                .requestMatchers(POST, "/api/v1/cdrs", "/api/v1/cdrs/import", "/api/v1/service-events")
                    .hasAnyRole("API_CLIENT", "ADMIN")
                .requestMatchers(GET, "/api/v1/cdrs", "/api/v1/cdrs/**", "/api/v1/service-events", "/api/v1/jobs", "/api/v1/jobs/**")
                    .hasAnyRole(EVERYONE)
                .requestMatchers(GET, "/api/v1/cdr-mappings", "/api/v1/cdr-mappings/**").hasAnyRole(EVERYONE)
                .requestMatchers(PUT, "/api/v1/cdr-mappings", "/api/v1/cdr-mappings/**").hasAnyRole("TARIFF_MANAGER", "ADMIN")
                .requestMatchers(DELETE, "/api/v1/cdr-mappings/**").hasAnyRole("TARIFF_MANAGER", "ADMIN")
                .requestMatchers(GET, "/api/v1/rejects").hasAnyRole("TARIFF_MANAGER", "FINANCE", "ADMIN", "API_CLIENT")
                .requestMatchers(POST, "/api/v1/rejects/reprocess").hasAnyRole("TARIFF_MANAGER", "FINANCE", "ADMIN")
                .requestMatchers(POST, "/api/v1/rating/simulate").hasAnyRole(EVERYONE)
                .requestMatchers(POST, "/api/v1/tariffs/*/versions/*/simulate").hasAnyRole("TARIFF_MANAGER", "SALES", "ADMIN")
                .requestMatchers(GET, "/api/v1/tariffs", "/api/v1/tariffs/**").hasAnyRole(STAFF)
                .requestMatchers(POST, "/api/v1/tariffs").hasAnyRole("TARIFF_MANAGER", "SALES", "ADMIN")
                .requestMatchers("/api/v1/tariffs/**").hasAnyRole("TARIFF_MANAGER", "SALES", "ADMIN")
                .requestMatchers(GET, "/api/v1/me").hasAnyRole(EVERYONE)
                .requestMatchers(PUT, "/api/v1/reference/**").hasAnyRole("TARIFF_MANAGER", "ADMIN")
                .requestMatchers(POST, "/api/v1/reference/**").hasAnyRole("TARIFF_MANAGER", "ADMIN")
                .requestMatchers(DELETE, "/api/v1/reference/**").hasAnyRole("TARIFF_MANAGER", "ADMIN")
                .requestMatchers(GET, "/api/v1/reference/**").hasAnyRole(STAFF)
                // money: finance (and admin) only; sales may read accounts and edit the client's details
                .requestMatchers(POST, "/api/v1/accounts/*/charges", "/api/v1/accounts/*/payments",
                        "/api/v1/accounts/*/ledger/**").hasAnyRole("FINANCE", "ADMIN")
                .requestMatchers(GET, "/api/v1/accounts/*/ledger", "/api/v1/accounts/*/usage")
                    .hasAnyRole("FINANCE", "SALES", "ADMIN")
                .requestMatchers("/api/v1/periods", "/api/v1/periods/**").hasAnyRole("FINANCE", "ADMIN")
                .requestMatchers(GET, "/api/v1/accounts", "/api/v1/accounts/**").hasAnyRole(STAFF)
                .requestMatchers("/api/v1/accounts/**").hasAnyRole("FINANCE", "SALES", "ADMIN")
                .requestMatchers("/api/v1/documents", "/api/v1/documents/**", "/api/v1/numbering-templates")
                    .hasAnyRole("FINANCE", "ADMIN")
                .requestMatchers("/api/**").hasRole("ADMIN")
                .anyRequest().hasAnyRole(STAFF))
            // the admin UI previews documents in an iframe of its own origin
            .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
            .addFilterBefore(new ApiKeyFilter(credentials, apiEntryPoint, json), BasicAuthenticationFilter.class)
            .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint))
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
            .csrf(csrf -> csrf
                .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                .ignoringRequestMatchers(carriesCredentials))
            .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
            .exceptionHandling(ex -> ex
                .defaultAuthenticationEntryPointFor(apiEntryPoint, api)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                .accessDeniedHandler(denied));
        return http.build();
    }

    private static void writeProblem(ObjectMapper json, jakarta.servlet.http.HttpServletResponse response,
                                     HttpStatus status, String title, String detail) throws java.io.IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
