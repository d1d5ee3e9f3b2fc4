package ru.ccbilling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/** {@code GET /api/v1/me} tells each principal what it may do, and the server enforces exactly that. */
@PlatformTest
class AbilitiesApiTest {

    @LocalServerPort
    int port;

    private List<String> abilities(Api api) {
        JsonNode me = api.get("/api/v1/me").body();
        return StreamSupport.stream(me.get("abilities").spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void eachRoleIsToldWhatItMayDo() {
        List<String> manager = abilities(Api.as(port, "manager", "manager"));
        assertThat(manager).contains("tariffs.edit", "tariffs.editStandard", "tariffs.publish", "reference.edit",
                "rejects.reprocess", "simulate").doesNotContain("ledger.post", "periods.close", "documents.read",
                "users.manage", "cdrs.submit");

        List<String> sales = abilities(Api.as(port, "sales", "sales"));
        assertThat(sales).contains("tariffs.create", "tariffs.edit", "accounts.edit", "accounts.numbers")
                .doesNotContain("tariffs.editStandard", "tariffs.publish", "reference.edit", "rejects.read",
                "accounts.salesManager");

        List<String> finance = abilities(Api.as(port, "finance", "finance"));
        assertThat(finance).contains("periods.close", "documents.issue", "ledger.post", "tariffs.read", "rejects.reprocess",
                        "accounts.salesManager")
                .doesNotContain("tariffs.edit", "tariffs.publish", "reference.edit", "users.manage");

        assertThat(abilities(Api.as(port, "netops", "netops"))).contains("inventory.manage", "rejects.read",
                "rejects.reprocess").doesNotContain("ledger.post", "tariffs.edit", "accounts.numbers");

        assertThat(abilities(Api.as(port, "admin", "admin"))).containsAll(Abilities.names());

        assertThat(abilities(Api.withApiKey(port))).contains("cdrs.submit", "cdrs.import", "rejects.read")
                .doesNotContain("tariffs.read", "simulate", "accounts.read");
    }

    @Test
    void whatIsNotListedTheServerRefuses() {
        Map<String, Api> principals = Map.of("manager", Api.as(port, "manager", "manager"),
                "sales", Api.as(port, "sales", "sales"), "finance", Api.as(port, "finance", "finance"));
        List<String> wrong = new ArrayList<>();
        principals.forEach((who, api) -> {
            List<String> granted = abilities(api);
            // refused requests never run, so trying every refused ability for real changes nothing
            for (String ability : Abilities.names()) {
                if (granted.contains(ability)) {
                    continue;
                }
                Abilities.Example example = Abilities.example(ability);
                int status = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + example.path().replace("{standard}", "CC-STANDARD-2026")))
                        .header("Content-Type", "application/json")
                        .method(example.method(), HttpRequest.BodyPublishers.ofString("{}"))).status();
                if (status != 403) {
                    wrong.add(who + " " + ability + " -> " + status);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }
}
