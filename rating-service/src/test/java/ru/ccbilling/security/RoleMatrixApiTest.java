package ru.ccbilling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * Walks every operation of the contract as each role and as a stranger: the answers follow the table "Roles" of
 * README.md, kept here as data (one row per route group). A denied role gets 403; an allowed one anything but
 * 401/403 (the requests carry no valid body, so nothing changes); a stranger always gets 401.
 */
@PlatformTest
class RoleMatrixApiTest {

    /**
     * T = TARIFF_MANAGER, S = SALES, F = FINANCE, A = ADMIN, K = API key (API_CLIENT), C = CLIENT_ADMIN (romashka),
     * V = CLIENT (vector), N = NETWORK_OPS (netops); {@code *}: public, everyone and strangers; the rows of README's table
     */
    private static final List<Row> MATRIX = List.of(
        row("who am I", "TSFAKCVN", "GET /api/v1/me"),
        row("change one's own password", "TSFACVN", "POST /api/v1/me/password"),
        row("accept an invitation (public: the token is the credential)", "*", "GET /api/v1/invitations/{token}",
            "POST /api/v1/invitations/{token}"),
        row("the client portal: read (the own client's accounts only)", "CV", "GET /api/v1/portal/accounts",
            "GET /api/v1/portal/dashboard", "GET /api/v1/portal/calls", "GET /api/v1/portal/calls.csv",
            "GET /api/v1/portal/calls.xlsx",
            "GET /api/v1/portal/calls/{source}/{cdrId}", "GET /api/v1/portal/documents",
            "GET /api/v1/portal/documents/{id}/pdf", "GET /api/v1/portal/months/{month}/documents.zip",
            "GET /api/v1/portal/ledger", "GET /api/v1/portal/price-list", "GET /api/v1/portal/numbers",
            "GET /api/v1/portal/settings"),
        row("the client portal: notification settings, colleagues, invitations", "C", "PUT /api/v1/portal/settings",
            "GET /api/v1/portal/colleagues", "PUT /api/v1/portal/colleagues/{username}",
            "POST /api/v1/portal/colleagues/invitations"),
        row("users, API keys, the sign-in audit", "A", "GET /api/v1/admin/users", "POST /api/v1/admin/users",
            "GET /api/v1/admin/users/{username}", "PUT /api/v1/admin/users/{username}",
            "POST /api/v1/admin/users/{username}/password-reset", "GET /api/v1/admin/api-keys",
            "POST /api/v1/admin/api-keys", "POST /api/v1/admin/api-keys/{name}/revoke", "GET /api/v1/admin/sign-ins"),
        row("submit CDRs, equipment files, one-time services (own sources)", "AK",
            "POST /api/v1/cdrs", "POST /api/v1/cdrs/import", "POST /api/v1/service-events"),
        row("read CDRs and one-time services (API key: own sources)", "TSFAK",
            "GET /api/v1/cdrs", "GET /api/v1/cdrs/{source}/{cdrId}", "GET /api/v1/service-events"),
        row("jobs (API key: the jobs it started)", "TSFAK", "GET /api/v1/jobs", "GET /api/v1/jobs/{id}"),
        row("rejects queue: list (API key: own sources)", "TFANK", "GET /api/v1/rejects"),
        row("rejects queue: reprocess", "TFAN", "POST /api/v1/rejects/reprocess"),
        row("CDR mappings: read", "TSFAK", "GET /api/v1/cdr-mappings", "GET /api/v1/cdr-mappings/{name}"),
        row("CDR mappings: change", "TA", "PUT /api/v1/cdr-mappings", "PUT /api/v1/cdr-mappings/{name}",
            "DELETE /api/v1/cdr-mappings/{name}"),
        row("rate calls without storing them", "TSFA", "POST /api/v1/rating/simulate"),
        row("tariffs: read", "TSFA", "GET /api/v1/tariffs", "GET /api/v1/tariffs/{code}/versions",
            "GET /api/v1/tariffs/{code}/versions/{version}", "GET /api/v1/tariffs/{code}/versions/{version}/diff",
            "GET /api/v1/tariffs/{code}/audit"),
        row("tariffs: create (a client tariff)", "TSA", "POST /api/v1/tariffs"),
        row("tariff versions: draft, edit, validate, simulate, delete a draft (sales: client tariffs only)", "TSA",
            "POST /api/v1/tariffs/{code}/versions", "DELETE /api/v1/tariffs/{code}/versions/{version}", "PUT /api/v1/tariffs/{code}/versions/{version}/models/{name}",
            "DELETE /api/v1/tariffs/{code}/versions/{version}/models/{name}",
            "POST /api/v1/tariffs/{code}/versions/{version}/validate",
            "POST /api/v1/tariffs/{code}/versions/{version}/simulate"),
        row("tariff versions: publish", "TA", "POST /api/v1/tariffs/{code}/versions/{version}/publish"),
        row("sales tariffs: read client tariffs and floors", "TSA", "GET /api/v1/sales/tariffs",
            "GET /api/v1/sales/tariffs/{code}", "GET /api/v1/sales/floors"),
        row("sales tariffs: build, change, quote, offer, submit, rebase", "TSA", "POST /api/v1/sales/tariffs",
            "PUT /api/v1/sales/tariffs/{code}", "POST /api/v1/sales/tariffs/{code}/quote",
            "POST /api/v1/sales/tariffs/{code}/offer", "POST /api/v1/sales/tariffs/{code}/submit",
            "POST /api/v1/sales/tariffs/{code}/rebase"),
        row("sales tariffs: approve, return, publish for an account, set floors", "TA",
            "POST /api/v1/sales/tariffs/{code}/approve", "POST /api/v1/sales/tariffs/{code}/return",
            "POST /api/v1/sales/tariffs/{code}/publish", "PUT /api/v1/sales/floors"),
        row("reference data: read", "TSFA", "GET /api/v1/reference/destinations", "GET /api/v1/reference/origins",
            "GET /api/v1/reference/holidays", "GET /api/v1/reference/operators", "GET /api/v1/reference/trunks",
            "GET /api/v1/reference/number-ranges"),
        row("reference data: change", "TA", "PUT /api/v1/reference/destinations",
            "DELETE /api/v1/reference/destinations/{prefix}", "PUT /api/v1/reference/origins",
            "DELETE /api/v1/reference/origins/{prefix}", "PUT /api/v1/reference/holidays",
            "DELETE /api/v1/reference/holidays/{date}", "PUT /api/v1/reference/operators",
            "PUT /api/v1/reference/trunks", "POST /api/v1/reference/number-ranges/import"),
        row("accounts: read codes, tariffs, numbers, operators (tariff managers, network operations: no legal details)",
            "TSFAN",
            "GET /api/v1/accounts", "GET /api/v1/accounts/{account}", "GET /api/v1/accounts/{account}/numbers",
            "GET /api/v1/accounts/{account}/dedicated-operators"),
        row("clients' legal details: read", "SFA", "GET /api/v1/accounts/{account}/client"),
        row("accounts and clients: open, change, numbers, operators", "SFA", "POST /api/v1/accounts",
            "PUT /api/v1/accounts/{account}", "PUT /api/v1/accounts/{account}/client",
            "POST /api/v1/accounts/{account}/numbers", "POST /api/v1/accounts/{account}/dedicated-operators"),
        row("accounts: delete", "FA", "DELETE /api/v1/accounts/{account}"),
        row("usage and ledger: read", "SFA", "GET /api/v1/accounts/{account}/ledger",
            "GET /api/v1/accounts/{account}/usage"),
        row("money: charges, payments, reversals", "FA", "POST /api/v1/accounts/{account}/charges",
            "POST /api/v1/accounts/{account}/payments", "POST /api/v1/accounts/{account}/ledger/{entry}/reverse"),
        row("financial periods: close, reopen, re-rate, audit", "FA", "GET /api/v1/periods",
            "GET /api/v1/periods/{month}", "POST /api/v1/periods/{month}/close", "POST /api/v1/periods/{month}/reopen",
            "POST /api/v1/periods/{month}/rerate", "GET /api/v1/periods/{month}/audit"),
        row("document settings: read", "SFA", "GET /api/v1/accounts/{account}/document-settings"),
        row("document settings: change", "FA", "PUT /api/v1/accounts/{account}/document-settings"),
        row("documents and numbering", "FA", "GET /api/v1/documents", "GET /api/v1/documents/{id}",
            "GET /api/v1/documents/{id}/pdf", "GET /api/v1/documents/{id}/html", "POST /api/v1/documents/packages",
            "POST /api/v1/documents/regenerate", "POST /api/v1/documents/corrections",
            "POST /api/v1/documents/one-time-invoices", "POST /api/v1/documents/runs",
            "GET /api/v1/documents/runs/{month}/delivery-lists/{method}", "GET /api/v1/documents/runs/{month}/labels.pdf",
            "GET /api/v1/documents/runs/{month}/print.pdf", "GET /api/v1/numbering-templates",
            "PUT /api/v1/numbering-templates", "GET /api/v1/documents/runs/preflight", "GET /api/v1/numbering-policies",
            "PUT /api/v1/numbering-policies/{seller}"),
        row("electronic documents, ФНС XML", "FA", "GET /api/v1/documents/{id}/xml", "GET /api/v1/documents/xml.zip"),
        row("network inventory: read resources, pools, kinds, capacity; can a client be connected", "SFAN",
            "GET /api/v1/inventory/kinds", "GET /api/v1/inventory/pools", "GET /api/v1/inventory/resources",
            "GET /api/v1/inventory/resources/{resource}", "GET /api/v1/inventory/capacity",
            "POST /api/v1/inventory/connect-check"),
        row("network inventory: reserve (for a prospect too), cancel a reservation", "SAN",
            "POST /api/v1/inventory/resources/{resource}/reserve",
            "POST /api/v1/inventory/resources/{resource}/cancel-reservation"),
        row("network inventory: assign, release, bulk changes, CSV import, kinds and pools", "AN",
            "POST /api/v1/inventory/resources/{resource}/assign", "POST /api/v1/inventory/resources/{resource}/release",
            "POST /api/v1/inventory/resources/bulk", "POST /api/v1/inventory/resources/import",
            "POST /api/v1/inventory/kinds", "PUT /api/v1/inventory/pools/{pool}"),
        // exports of staff lists: whoever reads a list downloads it
        row("CDRs: export (CSV, XLSX)", "TSFAK", "GET /api/v1/cdrs.csv", "GET /api/v1/cdrs.xlsx"),
        row("rejects queue: export", "TFANK", "GET /api/v1/rejects.csv", "GET /api/v1/rejects.xlsx"),
        row("accounts: export", "TSFAN", "GET /api/v1/accounts.csv", "GET /api/v1/accounts.xlsx"),
        row("accounts: the sales managers who may look after them", "SFA", "GET /api/v1/sales-managers"),
        row("accounts: choose the sales manager", "FA", "PUT /api/v1/accounts/{account}/sales-manager"),
        row("documents: export", "FA", "GET /api/v1/documents.csv", "GET /api/v1/documents.xlsx"),
        row("reports: catalogue, run, drill down, export, saved reports (sales: own accounts, private)", "TSFA",
            "GET /api/v1/reports/catalogue", "POST /api/v1/reports/query", "POST /api/v1/reports/calls",
            "POST /api/v1/reports/export", "GET /api/v1/reports/saved", "POST /api/v1/reports/saved",
            "GET /api/v1/reports/saved/{id}", "PUT /api/v1/reports/saved/{id}", "DELETE /api/v1/reports/saved/{id}"));

    /** path parameters that reach nothing, so that an allowed request changes nothing (404 or 400) */
    private static final Map<String, String> PARAMETERS = Map.ofEntries(Map.entry("source", "pbx-msk-1"),
            Map.entry("cdrId", "no-such-cdr"), Map.entry("id", "00000000-0000-0000-0000-000000000000"),
            Map.entry("name", "no-such-name"), Map.entry("code", "NO-SUCH-TARIFF"), Map.entry("version", "999"),
            Map.entry("prefix", "00000"), Map.entry("date", "2099-01-01"), Map.entry("account", "ACC-NO-SUCH"),
            Map.entry("entry", "999999999"), Map.entry("month", "2099-13"), Map.entry("method", "POST"),
            Map.entry("username", "no-such-user"), Map.entry("token", "no-such-token"),
            Map.entry("seller", "NO-SUCH-SELLER"), Map.entry("resource", "NO-SUCH-RESOURCE"),
            Map.entry("pool", "NO-SUCH-POOL"));

    private static final Map<Character, String[]> CALLERS = new LinkedHashMap<>();
    static {
        CALLERS.put('T', new String[] {"Authorization", basic("manager")});
        CALLERS.put('S', new String[] {"Authorization", basic("sales")});
        CALLERS.put('F', new String[] {"Authorization", basic("finance")});
        CALLERS.put('A', new String[] {"Authorization", basic("admin")});
        CALLERS.put('K', new String[] {"X-Api-Key", "demo-api-key"});
        CALLERS.put('N', new String[] {"Authorization", basic("netops")});
        CALLERS.put('C', new String[] {"Authorization", basic("romashka")});
        CALLERS.put('V', new String[] {"Authorization", basic("vector")});
    }

    @LocalServerPort
    int port;
    private Api http;

    @BeforeEach
    void client() {
        http = Api.anonymous(port);
    }

    @Test
    void everyOperationOfTheContractHasARowAndEveryRowAnOperation() {
        Set<String> inMatrix = new TreeSet<>();
        MATRIX.forEach(row -> row.operations().forEach(op -> assertThat(inMatrix.add(op)).as("twice: " + op).isTrue()));
        assertThat(inMatrix).as("README's table of roles, row by row, against api-spec/openapi.yaml")
                .containsExactlyInAnyOrderElementsOf(contractOperations());
    }

    @Test
    void eachRoleReachesExactlyTheRoutesOfItsRows() {
        List<String> wrong = new ArrayList<>();
        for (Row row : MATRIX) {
            for (String operation : row.operations()) {
                for (var caller : CALLERS.entrySet()) {
                    int status = send(operation, caller.getValue());
                    boolean allowed = row.roles().equals("*") || row.roles().indexOf(caller.getKey()) >= 0;
                    if (allowed ? status == 401 || status == 403 : status != 403) {
                        wrong.add(caller.getKey() + " " + operation + " -> " + status + (allowed ? " (allowed)" : " (denied)"));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void strangersGet401OnEveryOperationButThePublicOnesWritesIncluded() {
        List<String> wrong = new ArrayList<>();
        for (Row row : MATRIX) {
            for (String operation : row.operations()) {
                int status = send(operation, new String[0]);
                if (row.roles().equals("*") ? status == 401 || status == 403 : status != 401) {
                    wrong.add(operation + " -> " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void salesNeverChangeTheStandardTariff() {
        Row versions = MATRIX.stream().filter(r -> r.name().startsWith("tariff versions: draft")).findFirst().orElseThrow();
        for (String operation : versions.operations()) {
            String onStandard = operation.replace("{code}", "CC-STANDARD-2026").replace("{version}", "1");
            assertThat(send(onStandard, CALLERS.get('S'))).as(onStandard).isEqualTo(403);
        }
        assertThat(send("POST /api/v1/tariffs/CC-STANDARD-2026/versions/1/publish", CALLERS.get('S'))).isEqualTo(403);
    }

    private int send(String operation, String[] credentials) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1);
        for (var p : PARAMETERS.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (credentials.length == 2) {
            request.header(credentials[0], credentials[1]);
        }
        return http.send(request).status();
    }

    @SuppressWarnings("unchecked")
    private List<String> contractOperations() {
        Map<String, Object> spec = new Yaml().load(Api.as(port, "admin", "admin").get("/api-spec/openapi.yaml").raw());
        List<String> operations = new ArrayList<>();
        ((Map<String, Map<String, Object>>) spec.get("paths")).forEach((path, item) -> item.keySet().stream()
                .filter(Set.of("get", "put", "post", "delete", "patch", "head", "options")::contains)
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + user).getBytes());
    }

    private record Row(String name, String roles, List<String> operations) { }

    private static Row row(String name, String roles, String... operations) {
        return new Row(name, roles, List.of(operations));
    }
}
