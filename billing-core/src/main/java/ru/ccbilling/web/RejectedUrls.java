package ru.ccbilling.web;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.ccbilling.refusal.Refusal;

/**
 * A URL the security firewall refuses (a ';', an encoded '/', '%' or '\' in a path, a NUL...) is a 400 in the one
 * error format, naming the path, rather than the servlet container's error page.
 */
@Configuration(proxyBeanMethods = false)
class RejectedUrls {


    @Bean
    RequestRejectedHandler problemForRejectedUrls(ObjectMapper json) {
        return (request, response, rejected) -> {
            Problems.write(response, Refusal.invalid("path", "path.forbiddenCharacters"), Problems.language(request), json);
        };
    }
}
