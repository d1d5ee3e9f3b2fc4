package ru.ccbilling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * Brute force is slowed down: 3 wrong passwords lock the username, even for the right one; 8 failures from one
 * address rate-limit it (429). All requests come from 127.0.0.1, so the address count runs across the tests, in order.
 */
@PlatformTest
@TestPropertySource(properties = {"ccbilling.security.sign-in.max-failures=3",
        "ccbilling.security.sign-in.max-failures-per-address=8"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInThrottleApiTest {

    @LocalServerPort
    int port;

    @Test
    @Order(1)
    void wrongPasswordsLockTheUserEvenForTheRightOne() {
        for (int i = 0; i < 3; i++) {
            assertThat(Api.as(port, "sales", "wrong-" + i).get("/api/v1/me").status()).isEqualTo(401);
        }
        Api.Response locked = Api.as(port, "sales", "sales").get("/api/v1/me");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.body().get("title").asText()).isEqualTo("Требуется вход");
        assertThat(locked.body().get("detail").asText()).isEqualTo("Слишком много неверных паролей для этого пользователя;"
                + " учётная запись временно заблокирована. Повторите попытку позже.");
        Api.Response lockedInEnglish = Api.as(port, "sales", "sales").inEnglish().get("/api/v1/me");
        assertThat(lockedInEnglish.status()).isEqualTo(401);
        assertThat(lockedInEnglish.body().get("detail").asText()).isEqualTo("Too many wrong passwords for this user;"
                + " the account is locked for a while. Try again later.");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(Api.as(port, "finance", "finance").get("/api/v1/me").status()).as("others sign in").isEqualTo(200);
    }

    @Test
    @Order(2)
    void aCorrectSignInClearsTheCount() {
        for (int round = 0; round < 2; round++) {
            assertThat(Api.as(port, "finance", "nope").get("/api/v1/me").status()).isEqualTo(401);
            assertThat(Api.as(port, "finance", "nope").get("/api/v1/me").status()).isEqualTo(401);
            assertThat(Api.as(port, "finance", "finance").get("/api/v1/me").status()).isEqualTo(200);
        }
    }

    @Test
    @Order(3)
    void theLoginFormOfALockedUserSaysSo() {
        HttpResponse<String> response = Browser.submitLogin(Browser.anonymous(port), "sales", "sales");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login?locked");
        assertThat(Api.anonymous(port).get("/login?locked").raw()).contains("Too many failed sign-ins");
        HttpResponse<String> respelled = Browser.submitLogin(Browser.anonymous(port), " Sales ", "sales");
        assertThat(respelled.headers().firstValue("Location").orElse("")).as("the form trims the name: same lock")
                .endsWith("/login?locked");
    }

    @Test
    @Order(4)
    void wrongApiKeysGet429FromTheAddress() {
        // 7 failures so far; the 8th rate-limits the address
        Api.Response last = null;
        for (int i = 0; i < 3; i++) {
            last = Api.anonymous(port).send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                    .header("X-Api-Key", "guess-" + i));
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(last.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(Api.withApiKey(port).get("/api/v1/me").status()).as("the address waits, right key or not").isEqualTo(429);
    }
}
