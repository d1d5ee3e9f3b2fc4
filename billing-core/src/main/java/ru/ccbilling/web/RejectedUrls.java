package ru.ccbilling.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.ccbilling.api.model.FieldError;

/**
 * A URL the security firewall refuses (a ';', an encoded '/', '%' or '\' in a path, a NUL...) is a 400 in the one
 * error format, naming the path, rather than the servlet container's error page.
 */
@Configuration(proxyBeanMethods = false)
class RejectedUrls {

    private static final String MESSAGE = "holds characters a URL path may not carry (such as ; or an encoded / \\ %)";

    @Bean
    RequestRejectedHandler problemForRejectedUrls(ObjectMapper json) {
        return (request, response, rejected) -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "path: " + MESSAGE);
            problem.setTitle("Invalid request");
            problem.setProperty("errors", List.of(new FieldError("path", MESSAGE)));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        };
    }
}
