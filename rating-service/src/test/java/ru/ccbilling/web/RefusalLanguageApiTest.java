package ru.ccbilling.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/** One refusal in the reader's language: Russian unless English is asked for, Russian for a language we do not speak. */
@PlatformTest
class RefusalLanguageApiTest {

    private static final String BODY = "{\"number\":\"78009990000\",\"validFrom\":\"2026-03-01\",\"validTo\":\"2026-02-01\"}";

    @LocalServerPort
    int port;

    @Test
    void aRefusalReadsInRussianWithoutAcceptLanguage() {
        Api.Response answer = refuse(Api.as(port, "finance", "finance"), null);
        assertReads(answer, "Неверный запрос", "должна быть позже validFrom");
    }

    @Test
    void aRefusalReadsInEnglishWhenEnglishIsAsked() {
        Api.Response answer = refuse(Api.as(port, "finance", "finance"), "en");
        assertReads(answer, "Invalid request", "must be after validFrom");
        assertReads(refuse(Api.as(port, "finance", "finance").inEnglish(), null), "Invalid request", "must be after validFrom");
    }

    @Test
    void aRefusalReadsInRussianWhenTheLanguagesAskedForAreGermanThenRussian() {
        Api.Response answer = refuse(Api.as(port, "finance", "finance"), "de, ru;q=0.5");
        assertReads(answer, "Неверный запрос", "должна быть позже validFrom");
    }

    private Api.Response refuse(Api api, String acceptLanguage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/accounts/ACC-1001/numbers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return api.send(request);
    }

    private static void assertReads(Api.Response answer, String title, String reason) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
        assertThat(answer.contentType()).contains("application/problem+json");
        assertThat(answer.body().get("title").asText()).isEqualTo(title);
        assertThat(answer.body().get("detail").asText()).isEqualTo("validTo: " + reason);
        assertThat(answer.body().get("errors")).hasSize(1);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("validTo");
        assertThat(answer.body().get("errors").get(0).get("message").asText()).isEqualTo(reason);
    }
}
