package ru.ccbilling.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.yaml.snakeyaml.Yaml;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * Client A (romashka, ACC-1001) tries everything of client B (vector, ACC-1002): every portal route with B's
 * account, documents and calls, and every other route of the contract with B's account codes, document ids, CDR
 * keys and job ids. Each answer is 403 or 404 and names nothing of B but what A sent.
 */
@PlatformTest
@TestPropertySource(properties = "ccbilling.test.context=portal")
class PortalIsolationApiTest {

    /** what gives B away if it shows in an answer to A */
    private static final List<String> B_SECRETS = List.of("Вектор", "5406123789", "Новосибирск", "vektor.example",
            "78001002030", "74951230000");

    @LocalServerPort
    int port;
    private Api a;

    @BeforeEach
    void data() {
        PortalFixture.ensure(port);
        a = Api.as(port, "romashka", "romashka");
    }

    @Test
    void everyPortalRouteWithTheOtherClientsAccountIsNotFound() {
        for (String path : List.of("/api/v1/portal/dashboard", "/api/v1/portal/calls", "/api/v1/portal/calls.csv",
                "/api/v1/portal/calls.xlsx",
                "/api/v1/portal/documents", "/api/v1/portal/ledger", "/api/v1/portal/price-list",
                "/api/v1/portal/numbers", "/api/v1/portal/settings", "/api/v1/portal/months/2026-03/documents.zip")) {
            notFound(a.get(path + "?account=ACC-1002"), path);
            assertThat(a.get(path).status()).as(path + " of the own account").isEqualTo(200);
        }
        notFound(a.put("/api/v1/portal/settings?account=ACC-1002", Map.of("balanceThreshold", "1")), "PUT settings");
        notFound(a.put("/api/v1/portal/colleagues/vector", Map.of("enabled", false)), "PUT colleagues/vector");
        assertThat(Api.as(port, "vector", "vector").get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void theOtherClientsDocumentsAndCallsAreNotFoundAndNeverListed() {
        for (String id : PortalFixture.DOCUMENTS.get("ACC-1002")) {
            Api.Response theirs = a.get("/api/v1/portal/documents/" + id + "/pdf");
            notFound(theirs, "document " + id);
            Api.Response none = a.get("/api/v1/portal/documents/00000000-0000-0000-0000-000000000001/pdf");
            assertThat(theirs.body().get("title").asText()).as("as if it did not exist")
                    .isEqualTo(none.body().get("title").asText());
        }
        for (String cdr : List.of("g07", "g08", "g09")) {
            notFound(a.get("/api/v1/portal/calls/pbx-msk-1/" + cdr), "call " + cdr);
        }
        assertThat(a.get("/api/v1/portal/documents").body().findValuesAsText("id"))
                .doesNotContainAnyElementsOf(PortalFixture.DOCUMENTS.get("ACC-1002"));
        assertThat(a.get("/api/v1/portal/calls?from=2026-03-01&to=2026-05-31&size=1000").body().get("items")
                .findValuesAsText("cdrId")).doesNotContain("g07", "g08", "g09", "g14", "g15", "g18");
        assertThat(a.get("/api/v1/portal/calls?from=2026-03-01&to=2026-03-31&number=78001002030").body()
                .get("total").asLong()).isZero();
        assertThat(a.get("/api/v1/portal/accounts").body().findValuesAsText("code")).containsExactly("ACC-1001");
    }

    /** every operation of the contract but the portal's, /me and the public invitations, with B's identifiers */
    @Test
    void everyStaffRouteWithTheOtherClientsIdentifiersIsForbidden() {
        Map<String, String> b = Map.ofEntries(Map.entry("account", "ACC-1002"),
                Map.entry("id", PortalFixture.DOCUMENTS.get("ACC-1002").get(0)), Map.entry("source", "pbx-msk-1"),
                Map.entry("cdrId", "g07"), Map.entry("month", "2026-03"), Map.entry("username", "vector"),
                Map.entry("code", "CC-STANDARD-2026"), Map.entry("version", "1"), Map.entry("name", "demo"),
                Map.entry("entry", "1"), Map.entry("method", "POST"), Map.entry("prefix", "7800"),
                Map.entry("date", "2026-01-01"), Map.entry("token", "x"), Map.entry("seller", "CCB"),
                // B's 8-800 number in the network inventory, and a pool
                Map.entry("resource", "78001002030"), Map.entry("pool", "MSK-800"));
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (String operation : operations()) {
            if (operation.contains("/api/v1/portal/") || operation.endsWith("/api/v1/me")
                    || operation.endsWith("/api/v1/me/password") || operation.contains("/api/v1/invitations/")) {
                continue;
            }
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            if (path.equals("/api/v1/jobs/{id}")) {
                path = "/api/v1/jobs/" + PortalFixture.closeJob;
            }
            for (var p : b.entrySet()) {
                path = path.replace("{" + p.getKey() + "}", p.getValue());
            }
            String asked = path;
            String query = path.contains("?") ? "&" : "?";
            path = path + query + "account=ACC-1002&source=pbx-msk-1";
            Api.Response r = a.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json")
                    .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString("{\"account\":\"ACC-1002\",\"month\":\"2026-03\"}")));
            tried++;
            // a refusal may repeat the path A asked for (A's own words); anything else of B's is a leak
            String answer = r.raw().replace(asked, "");
            if (r.status() != 403 && r.status() != 404 || B_SECRETS.stream().anyMatch(answer::contains)) {
                wrong.add(operation + " -> " + r.status() + " " + r.raw());
            }
        }
        assertThat(tried).isGreaterThan(80);
        assertThat(wrong).isEmpty();
        assertThat(a.get("/api/v1/jobs/" + PortalFixture.closeJob).status()).isEqualTo(403);
        assertThat(a.get("/api-spec/openapi.yaml").status()).as("the contract is for staff").isEqualTo(403);
    }

    @Test
    void repeatedWrongPasswordsLockAClientUser() {
        String name = "locked-" + System.nanoTime() % 100000;
        assertThat(Api.as(port, "admin", "admin").post("/api/v1/admin/users", Map.of("username", name,
                "password", "Zelyonyj-Slon-42", "roles", List.of("CLIENT"), "client", "ACC-1001")).status()).isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            assertThat(Api.as(port, name, "wrong-" + i).get("/api/v1/me").status()).isEqualTo(401);
        }
        Api.Response locked = Api.as(port, name, "Zelyonyj-Slon-42").get("/api/v1/me");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.body().get("detail").asText()).contains("временно заблокирована");
    }

    private void notFound(Api.Response r, String what) {
        assertThat(r.status()).as(what + ": " + r.raw()).isEqualTo(404);
        assertThat(B_SECRETS).as(what).noneMatch(r.raw()::contains);
    }

    @SuppressWarnings("unchecked")
    private List<String> operations() {
        Map<String, Object> spec = new Yaml().load(Api.as(port, "admin", "admin").get("/api-spec/openapi.yaml").raw());
        List<String> operations = new ArrayList<>();
        ((Map<String, Map<String, Object>>) spec.get("paths")).forEach((path, item) -> item.keySet().stream()
                .filter(Set.of("get", "put", "post", "delete", "patch")::contains)
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }
}
