package ru.ccbilling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
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
    void healthIsPublicButOnlyStaffSeeTheDatabase() {
        Api.Response health = Api.anonymous(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        assertThat(health.body().has("components")).isFalse();
        Api.Response signedIn = Api.as(port, "finance", "finance").get("/actuator/health");
        assertThat(signedIn.body().at("/components/db/status").asText()).isEqualTo("UP");
    }

    @Test
    void aStrangersWriteIs401WithAChallengeNotACsrf403() {
        Api.Response response = Api.anonymous(port).post("/api/v1/tariffs", "{}");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"cc-billing\"");
    }

    @Test
    void theAdminUiGets401WithoutABasicChallenge() {
        Api.Response response = Api.anonymous(port).send(HttpRequest.newBuilder(uri("/api/v1/cdrs"))
                .header("X-Requested-With", "XMLHttpRequest").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void aSessionWriteNeedsTheCsrfToken() {
        Browser browser = Browser.signIn(port, "manager", "manager");
        assertThat(browser.post("/api/v1/tariffs", false).statusCode()).isEqualTo(403);
        assertThat(browser.post("/api/v1/tariffs", true).statusCode()).isEqualTo(400);
    }

    @Test
    void aSessionCookieWithABogusAuthorizationHeaderIsNotSignedIn() {
        Browser browser = Browser.signIn(port, "manager", "manager");
        assertThat(browser.post("/api/v1/tariffs", false, "Authorization", "Bearer whatever").statusCode()).isEqualTo(401);
        assertThat(browser.post("/api/v1/tariffs", false, "X-Api-Key", "not-a-key").statusCode()).isEqualTo(401);
        assertThat(browser.get("/api/v1/me", "Authorization", "Basic Ym9ndXM=").statusCode()).isEqualTo(401);
    }

    @Test
    void aBrowsersCrossSiteWriteWithCachedBasicCredentialsIsRefusedAndStoresNothing() {
        Api admin = Api.as(port, "admin", "admin");
        String batch = """
                {"records":[{"source":"cross-site","cdrId":"%s","callType":"INBOUND_800",
                 "startTime":"2026-03-10T10:15:00+03:00","caller":"79161234567","called":"78005553535",
                 "stages":[{"type":"IVR","durationSec":35}]}]}""";
        Api.Response forged = admin.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cdrs"))
                .header("Content-Type", "application/json").header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString(batch.formatted("forged"))));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        Api.Response fromElsewhere = admin.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cdrs"))
                .header("Content-Type", "application/json").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(batch.formatted("forged"))));
        assertThat(fromElsewhere.status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/cdrs/cross-site/forged").status()).as("nothing stored").isEqualTo(404);

        Api.Response sameOrigin = admin.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cdrs"))
                .header("Content-Type", "application/json").header("Sec-Fetch-Site", "same-origin")
                .header("Origin", "http://127.0.0.1:" + port)
                .POST(HttpRequest.BodyPublishers.ofString(batch.formatted("own"))));
        assertThat(sameOrigin.status()).as("the platform's own pages and switches write as before").isEqualTo(200);
        assertThat(admin.get("/api/v1/cdrs/cross-site/own").status()).isEqualTo(200);
    }

    @Test
    void credentialsInHeadersMakeNoSession() {
        Api.Response response = Api.as(port, "manager", "manager").get("/api/v1/me");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        String cookie = Browser.signIn(port, "finance", "finance").sessionCookieHeader();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void pagesAndTheApiCarryTheSecurityHeaders() {
        for (Api.Response response : new Api.Response[] {Api.anonymous(port).get("/login"),
                Api.as(port, "admin", "admin").get("/api/v1/me")}) {
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
                            "frame-ancestors 'self'", "object-src 'none'"));
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        }
    }

    @Test
    void tariffManagersSeeAccountsWithoutLegalDetails() {
        Api manager = Api.as(port, "manager", "manager");
        JsonNode account = manager.get("/api/v1/accounts/ACC-1001").body();
        assertThat(account.get("account").asText()).isEqualTo("ACC-1001");
        assertThat(account.get("tariffs")).isNotEmpty();
        for (String legal : new String[] {"inn", "kpp", "legalAddress", "postalAddress", "deliveryMethod", "email", "contacts"}) {
            assertThat(account.has(legal)).as(legal).isFalse();
        }
        assertThat(manager.get("/api/v1/accounts").body().get(0).has("inn")).isFalse();
        assertThat(manager.get("/api/v1/accounts/ACC-1001/client").status()).isEqualTo(403);
        assertThat(Api.as(port, "finance", "finance").get("/api/v1/accounts/ACC-1001").body().get("inn").asText())
                .isEqualTo("7705123452");
    }

    @Test
    void salesMayNotChangeDocumentSettingsNorPublish() {
        Api sales = Api.as(port, "sales", "sales");
        assertThat(sales.put("/api/v1/accounts/ACC-1001/document-settings", "{\"documents\":\"UPD\"}").status())
                .isEqualTo(403);
        assertThat(sales.post("/api/v1/tariffs/CC-STANDARD-2026/versions", "{\"basedOn\":1}").status()).isEqualTo(403);
        assertThat(sales.post("/api/v1/tariffs/CC-STANDARD-2026/versions/1/publish",
                "{\"effectiveFrom\":\"2030-01-01T00:00:00+03:00\"}").status()).isEqualTo(403);
    }

    @Test
    void salesDraftVersionsOfAClientTariffButDoNotPublishThem() {
        Api sales = Api.as(port, "sales", "sales");
        String code = "CC-CLIENT-" + System.nanoTime();
        assertThat(sales.post("/api/v1/tariffs", "{\"code\":\"" + code + "\",\"name\":\"client\","
                + "\"copyOf\":\"CC-STANDARD-2026\",\"copyOfVersion\":1}").status()).isEqualTo(201);
        Api.Response draft = sales.post("/api/v1/tariffs/" + code + "/versions", "{\"basedOn\":1}");
        assertThat(draft.status()).isEqualTo(201);
        int version = draft.body().get("version").asInt();
        assertThat(sales.post("/api/v1/tariffs/" + code + "/versions/" + version + "/validate", "{}").status())
                .isEqualTo(200);
        assertThat(sales.post("/api/v1/tariffs/" + code + "/versions/" + version + "/publish",
                "{\"effectiveFrom\":\"2030-01-01T00:00:00+03:00\"}").status()).isEqualTo(403);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
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

    @Test
    void theFiltersAnswerInRussianOrInEnglishWhenAsked() {
        Api.Response stranger = Api.anonymous(port).get("/api/v1/me");
        assertThat(stranger.status()).isEqualTo(401);
        assertThat(stranger.body().get("title").asText()).isEqualTo("Требуется вход");
        assertThat(stranger.body().get("detail").asText())
                .isEqualTo("Войдите: передайте учётные данные HTTP Basic или заголовок X-Api-Key.");
        assertThat(Api.anonymous(port).inEnglish().get("/api/v1/me").body().get("detail").asText())
                .isEqualTo("Send HTTP Basic credentials or an X-Api-Key header.");
        Api.Response denied = Api.as(port, "sales", "sales").post("/api/v1/tariffs/X/versions/1/publish", "{}");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body().get("detail").asText())
                .isEqualTo("Вашей роли не разрешено POST /api/v1/tariffs/X/versions/1/publish.");
        assertThat(Api.as(port, "sales", "sales").inEnglish().post("/api/v1/tariffs/X/versions/1/publish", "{}").body()
                .get("detail").asText()).isEqualTo("Your role may not POST /api/v1/tariffs/X/versions/1/publish.");
    }
}
