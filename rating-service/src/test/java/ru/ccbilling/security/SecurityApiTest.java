package ru.ccbilling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/** Every route needs credentials; roles decide what each may do. */
@PlatformTest
class SecurityApiTest {

    @LocalServerPort
    int port;

    @Test
    void withoutCredentialsTheApiAnswers401Problem() {
        Api.Response response = Api.anonymous(port).get("/api/v1/cdrs");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void wrongPasswordOrKeyIs401() {
        assertThat(Api.as(port, "manager", "nope").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                .header("X-Api-Key", "not-a-key")).status()).isEqualTo(401);
    }

    @Test
    void usersAndTheApiKeyReachTheApiWithTheirRoles() {
        assertThat(Api.as(port, "manager", "manager").get("/api/v1/me").body().get("roles").get(0).asText())
                .isEqualTo("TARIFF_MANAGER");
        assertThat(Api.withApiKey(port).get("/api/v1/me").body().get("roles").get(0).asText()).isEqualTo("API_CLIENT");
        assertThat(Api.as(port, "finance", "finance").get("/api/v1/cdrs").status()).isEqualTo(200);
    }

    @Test
    void rolesLimitWhatEachMayDo() {
        // an API client may not change reference data; sales may not submit CDRs
        assertThat(Api.withApiKey(port).put("/api/v1/reference/trunks", "{\"trunk\":\"TRUNK-X\"}").status()).isEqualTo(403);
        assertThat(Api.as(port, "sales", "sales").post("/api/v1/cdrs", "{\"records\":[]}").status()).isEqualTo(403);
        assertThat(Api.as(port, "admin", "admin").post("/api/v1/cdrs", "{\"records\":[]}").status()).isEqualTo(200);
    }

    @Test
    void healthIsPublicAndReportsTheDatabase() {
        Api.Response health = Api.anonymous(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().at("/components/db/status").asText()).isEqualTo("UP");
    }

    @Test
    void theUiSendsStrangersToTheLoginPage() {
        Api.Response ui = Api.anonymous(port).get("/");
        assertThat(ui.status()).isEqualTo(302);
        Api.Response login = Api.anonymous(port).get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.raw()).contains("name=\"username\"", "name=\"password\"", "_csrf");
    }

    @Test
    void theContractIsServedToSignedInUsers() {
        Api.Response spec = Api.as(port, "manager", "manager").get("/api-spec/openapi.yaml");
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.raw()).contains("openapi: 3.0.3", "/api/v1/cdrs");
        assertThat(Api.as(port, "manager", "manager").get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
