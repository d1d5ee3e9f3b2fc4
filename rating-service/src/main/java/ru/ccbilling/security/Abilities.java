package ru.ccbilling.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;

/**
 * What the signed-in principal may do, in the words of the admin UI ({@code tariffs.publish}, {@code periods.close}),
 * answered by the role matrix itself: each ability is one request of the contract, and the ability is granted when
 * the server's {@link RoleMatrix} would let that request through. So the menus and buttons the UI shows can never
 * disagree with what the server enforces, and a new role needs no second table.
 */
@Component
public class Abilities {

    /** an example request of each ability; codes in paths are placeholders the matrix does not look up */
    private static final Map<String, Example> CATALOGUE = new LinkedHashMap<>();

    static {
        ability("cdrs.read", "GET", "/api/v1/cdrs");
        ability("cdrs.submit", "POST", "/api/v1/cdrs");
        ability("cdrs.import", "POST", "/api/v1/cdrs/import");
        ability("rejects.read", "GET", "/api/v1/rejects");
        ability("rejects.reprocess", "POST", "/api/v1/rejects/reprocess");
        ability("mappings.read", "GET", "/api/v1/cdr-mappings");
        ability("mappings.edit", "PUT", "/api/v1/cdr-mappings/x");
        ability("jobs.read", "GET", "/api/v1/jobs");
        ability("simulate", "POST", "/api/v1/rating/simulate");
        ability("tariffs.read", "GET", "/api/v1/tariffs");
        ability("tariffs.create", "POST", "/api/v1/tariffs");
        // a client tariff: the matrix lets sales draft it; the standard one only managers and admins
        ability("tariffs.edit", "PUT", "/api/v1/tariffs/" + StandardTariffs.NOT_A_TARIFF + "/versions/1/models/x");
        ability("tariffs.editStandard", "PUT", "/api/v1/tariffs/{standard}/versions/1/models/x");
        ability("tariffs.publish", "POST", "/api/v1/tariffs/x/versions/1/publish");
        ability("reference.read", "GET", "/api/v1/reference/trunks");
        ability("reference.edit", "PUT", "/api/v1/reference/trunks");
        ability("accounts.read", "GET", "/api/v1/accounts");
        ability("accounts.edit", "PUT", "/api/v1/accounts/x");
        ability("accounts.create", "POST", "/api/v1/accounts");
        ability("accounts.delete", "DELETE", "/api/v1/accounts/x");
        ability("accounts.client", "GET", "/api/v1/accounts/x/client");
        ability("accounts.numbers", "POST", "/api/v1/accounts/x/numbers");
        ability("accounts.salesManager", "PUT", "/api/v1/accounts/x/sales-manager");
        ability("ledger.read", "GET", "/api/v1/accounts/x/ledger");
        ability("ledger.post", "POST", "/api/v1/accounts/x/payments");
        ability("documentSettings.edit", "PUT", "/api/v1/accounts/x/document-settings");
        ability("periods.read", "GET", "/api/v1/periods");
        ability("periods.close", "POST", "/api/v1/periods/2026-01/close");
        ability("documents.read", "GET", "/api/v1/documents");
        ability("documents.issue", "POST", "/api/v1/documents/runs");
        ability("users.manage", "GET", "/api/v1/admin/users");
        ability("inventory.read", "GET", "/api/v1/inventory/resources");
        ability("inventory.reserve", "POST", "/api/v1/inventory/resources/x/reserve");
        ability("inventory.manage", "POST", "/api/v1/inventory/resources/x/assign");
        ability("reports.read", "POST", "/api/v1/reports/query");
        // sales tariff builder (issue 17)
        ability("sales.read", "GET", "/api/v1/sales/tariffs");
        ability("sales.build", "POST", "/api/v1/sales/tariffs");
        ability("sales.approve", "POST", "/api/v1/sales/tariffs/x/approve");
    }

    private static void ability(String name, String method, String path) {
        CATALOGUE.put(name, new Example(method, path));
    }

    /** one request that stands for an ability */
    public record Example(String method, String path) {
    }

    /** the request that stands for the ability (the standard tariff's code left as a placeholder) */
    static Example example(String ability) {
        return CATALOGUE.get(ability);
    }

    private final WebInvocationPrivilegeEvaluator matrix;
    private final StandardTariffs tariffs;

    Abilities(WebInvocationPrivilegeEvaluator matrix, StandardTariffs tariffs) {
        this.matrix = matrix;
        this.tariffs = tariffs;
    }

    /** the abilities the principal has, in catalogue order */
    public List<String> of(Authentication principal) {
        return CATALOGUE.entrySet().stream()
                .filter(e -> matrix.isAllowed("", e.getValue().path().replace("{standard}", tariffs.standardCode()),
                        e.getValue().method(), principal))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** every ability the catalogue knows (for tests and the contract's description) */
    public static List<String> names() {
        return List.copyOf(CATALOGUE.keySet());
    }
}
