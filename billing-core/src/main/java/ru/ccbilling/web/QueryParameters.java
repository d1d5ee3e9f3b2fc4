package ru.ccbilling.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Text;
import ru.ccbilling.input.StoredText;

/**
 * Query parameters obey the rules of text in bodies ({@link StoredText}): a NUL in a filter would reach PostgreSQL
 * and fail there. Refused with 400 naming the parameter, before anything else reads the request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class QueryParameters extends OncePerRequestFilter {

    private final ObjectMapper json;

    QueryParameters(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decoded(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decoded(pair.substring(eq + 1));
                Text problem = name == null || value == null ? Text.of("query.notEncoded")
                        : StoredText.problem(name) != null ? StoredText.problem(name) : StoredText.problem(value);
                if (problem != null) {
                    Problems.write(response, Refusal.field(Refusal.Kind.INVALID, name == null ? "query" : name, problem),
                            Problems.language(request), json);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

}
