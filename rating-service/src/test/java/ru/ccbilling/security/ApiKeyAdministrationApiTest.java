package ru.ccbilling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/** An administrator creates API keys (the secret shown once), limits them to roles and sources, and revokes them. */
@PlatformTest
class ApiKeyAdministrationApiTest {

    @LocalServerPort
    int port;

    private Api admin() {
        return Api.as(port, "admin", "admin");
    }

    private JsonNode create(String name, String... sources) {
        Api.Response created = admin().post("/api/v1/admin/api-keys",
                Map.of("name", name, "roles", List.of("API_CLIENT"), "sources", List.of(sources)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body();
    }

    private JsonNode listed(String name) {
        for (JsonNode key : admin().get("/api/v1/admin/api-keys").body()) {
            if (key.get("name").asText().equals(name)) {
                return key;
            }
        }
        throw new AssertionError("not listed: " + name);
    }

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1000000;
    }

    @Test
    void aNewKeyWorksWithTheSecretShownOnceAndRecordsItsLastUse() {
        String name = unique("pbx-key");
        JsonNode created = create(name, "pbx-msk-1");
        String secret = created.get("secret").asText();
        assertThat(secret).startsWith("ccb_").hasSizeGreaterThan(40);
        assertThat(created.at("/key/sources/0").asText()).isEqualTo("pbx-msk-1");
        assertThat(listed(name).has("lastUsedAt")).isFalse();

        Api.Response me = Api.withApiKey(port, secret).get("/api/v1/me");
        assertThat(me.body().get("username").asText()).isEqualTo("api-key:" + name);
        assertThat(me.body().get("roles").toString()).isEqualTo("[\"API_CLIENT\"]");

        Api.Response list = admin().get("/api/v1/admin/api-keys");
        assertThat(list.raw()).doesNotContain(secret);
        assertThat(listed(name).has("lastUsedAt")).isTrue();
        assertThat(listed(name).get("hint").asText()).isEqualTo(secret.substring(0, 8));
        assertThat(listed("demo").get("sources")).isNotEmpty();
    }

    @Test
    void aRevokedKeyIs401OnItsNextRequestAndTheAuditNamesIt() {
        String name = unique("revoked-key");
        Api key = Api.withApiKey(port, create(name, "pbx-msk-1").get("secret").asText());
        assertThat(key.get("/api/v1/me").status()).isEqualTo(200);

        Api.Response revoked = admin().post("/api/v1/admin/api-keys/" + name + "/revoke", "");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().has("revokedAt")).isTrue();
        assertThat(key.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(admin().post("/api/v1/admin/api-keys/" + name + "/revoke", "").status()).isEqualTo(409);
        assertThat(admin().post("/api/v1/admin/api-keys/no-such-key/revoke", "").status()).isEqualTo(404);

        JsonNode audit = admin().get("/api/v1/admin/sign-ins?outcome=REVOKED_KEY").body();
        assertThat(audit.findValuesAsText("apiKey")).contains(name);
    }

    @Test
    void aKeyLimitedToASourceCannotSubmitForAnother() {
        Api key = Api.withApiKey(port, create(unique("msk-only"), "pbx-msk-1").get("secret").asText());
        Api.Response refused = key.post("/api/v1/cdrs", "{\"records\":[{\"source\":\"pbx-nsk-1\",\"cdrId\":\"k-1\"}]}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("records[0].source");
    }

    @Test
    void aBadNameRoleOrSourceIsRefusedNamingItAndNoKeyIsMade() {
        String name = unique("bad-key");
        Api.Response role = admin().post("/api/v1/admin/api-keys", Map.of("name", name, "roles", List.of("ROOT")));
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.body().at("/errors/0/field").asText()).isEqualTo("roles[0]");
        Api.Response source = admin().post("/api/v1/admin/api-keys",
                Map.of("name", name, "roles", List.of("API_CLIENT"), "sources", List.of("pbx-msk-1", "a/b")));
        assertThat(source.body().at("/errors/0/field").asText()).isEqualTo("sources[1]");
        Api.Response badName = admin().post("/api/v1/admin/api-keys", Map.of("name", "Bad Name", "roles", List.of("API_CLIENT")));
        assertThat(badName.body().at("/errors/0/field").asText()).isEqualTo("name");
        assertThat(admin().get("/api/v1/admin/api-keys").body().findValuesAsText("name")).doesNotContain(name);

        Api.Response taken = admin().post("/api/v1/admin/api-keys", Map.of("name", "demo", "roles", List.of("API_CLIENT")));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().at("/errors/0/field").asText()).isEqualTo("name");
        assertThat(Api.withApiKey(port).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void onlyAnAdministratorManagesKeys() {
        assertThat(Api.as(port, "finance", "finance").get("/api/v1/admin/api-keys").status()).isEqualTo(403);
        assertThat(Api.withApiKey(port).post("/api/v1/admin/api-keys", Map.of("name", "x-key", "roles", List.of("ADMIN")))
                .status()).isEqualTo(403);
    }
}
