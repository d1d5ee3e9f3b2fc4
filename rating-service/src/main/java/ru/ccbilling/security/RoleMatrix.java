package ru.ccbilling.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call which route: the table "Roles" of README.md, written once and used by both filter chains (session
 * and credentials). Per object on top: an API key reaches its own sources and jobs ({@link SourceScope}), sales
 * only client tariffs ({@link ClientTariffsOnly}), tariff managers see accounts without legal details
 * (`account.web.LegalDetailsAccess`). {@code RoleMatrixApiTest} walks every operation of the contract against it.
 */
final class RoleMatrix implements
        Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> {

    private static final String TM = "TARIFF_MANAGER";
    private static final String SALES = "SALES";
    private static final String FINANCE = "FINANCE";
    private static final String ADMIN = "ADMIN";
    private static final String API = "API_CLIENT";
    private static final String NOPS = "NETWORK_OPS";
    private static final String CLIENT = "CLIENT";
    private static final String CLIENT_ADMIN = "CLIENT_ADMIN";
    private static final String[] EVERYONE = {TM, SALES, FINANCE, ADMIN, API, CLIENT, CLIENT_ADMIN, NOPS};
    /** the call centre's own: its staff and its equipment's API keys (never a client's people) */
    private static final String[] IN_HOUSE = {TM, SALES, FINANCE, ADMIN, API};
    private static final String[] STAFF = {TM, SALES, FINANCE, ADMIN};
    private static final String[] PEOPLE = {TM, SALES, FINANCE, ADMIN, CLIENT, CLIENT_ADMIN, NOPS};
    /** the call centre's people, network operations included (never a client's) */
    private static final String[] CENTRE = {TM, SALES, FINANCE, ADMIN, NOPS};
    private static final String[] CLIENTS = {CLIENT, CLIENT_ADMIN};

    private final AuthorizationManager<RequestAuthorizationContext> clientTariffsOnly;

    RoleMatrix(AuthorizationManager<RequestAuthorizationContext> clientTariffsOnly) {
        this.clientTariffsOnly = clientTariffsOnly;
    }

    @Override
    public void customize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth
            .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error").permitAll()
            // an invitation is accepted by a person who has no user yet: the token is the credential
            .requestMatchers("/invitation", "/api/v1/invitations/*").permitAll()
            .requestMatchers(GET, "/api/v1/me").hasAnyRole(EVERYONE)
            // a person's own password; a key has none
            .requestMatchers(POST, "/api/v1/me/password").hasAnyRole(PEOPLE)
            // the client portal: clients' people only, each scoped to the own client (portal.PortalScope)
            .requestMatchers("/api/v1/portal/colleagues", "/api/v1/portal/colleagues/**").hasRole(CLIENT_ADMIN)
            .requestMatchers(GET, "/api/v1/portal/**").hasAnyRole(CLIENTS)
            .requestMatchers(PUT, "/api/v1/portal/settings").hasRole(CLIENT_ADMIN)
            // users, API keys and the sign-in audit
            .requestMatchers("/api/v1/admin/**").hasRole(ADMIN)
            // records of the switches: API keys send and read those of their own sources
            .requestMatchers(POST, "/api/v1/cdrs", "/api/v1/cdrs/import", "/api/v1/service-events").hasAnyRole(API, ADMIN)
            .requestMatchers(GET, "/api/v1/cdrs", "/api/v1/cdrs/**", "/api/v1/service-events").hasAnyRole(IN_HOUSE)
            .requestMatchers(GET, "/api/v1/jobs", "/api/v1/jobs/**").hasAnyRole(IN_HOUSE)
            // network operations fix what a missing number or trunk rejected, and reprocess it
            .requestMatchers(GET, "/api/v1/rejects").hasAnyRole(TM, FINANCE, ADMIN, API, NOPS)
            .requestMatchers(POST, "/api/v1/rejects/reprocess").hasAnyRole(TM, FINANCE, ADMIN, NOPS)
            .requestMatchers(GET, "/api/v1/cdr-mappings", "/api/v1/cdr-mappings/**").hasAnyRole(IN_HOUSE)
            .requestMatchers(PUT, "/api/v1/cdr-mappings", "/api/v1/cdr-mappings/**").hasAnyRole(TM, ADMIN)
            .requestMatchers(DELETE, "/api/v1/cdr-mappings/**").hasAnyRole(TM, ADMIN)
            // staff only: a simulation may price with any version, drafts and client tariffs included
            .requestMatchers(POST, "/api/v1/rating/simulate").hasAnyRole(STAFF)
            // tariffs: managers author and publish; sales draft and try client tariffs; finance reads
            .requestMatchers(GET, "/api/v1/tariffs", "/api/v1/tariffs/**").hasAnyRole(STAFF)
            .requestMatchers(POST, "/api/v1/tariffs").hasAnyRole(TM, SALES, ADMIN)
            .requestMatchers(POST, "/api/v1/tariffs/*/versions/*/publish").hasAnyRole(TM, ADMIN)
            .requestMatchers(POST, "/api/v1/tariffs/{code}/versions", "/api/v1/tariffs/{code}/versions/*/validate",
                    "/api/v1/tariffs/{code}/versions/*/simulate").access(clientTariffsOnly)
            .requestMatchers(PUT, "/api/v1/tariffs/{code}/versions/*/models/*").access(clientTariffsOnly)
            .requestMatchers(DELETE, "/api/v1/tariffs/{code}/versions/*/models/*", "/api/v1/tariffs/{code}/versions/*")
                .access(clientTariffsOnly)
            // sales tariff builder (issue 17): sales build, quote and submit; tariff managers approve, return,
            // publish and set floors; sales never publish
            .requestMatchers(GET, "/api/v1/sales/**").hasAnyRole(TM, SALES, ADMIN)
            .requestMatchers(POST, "/api/v1/sales/tariffs/*/approve", "/api/v1/sales/tariffs/*/return",
                    "/api/v1/sales/tariffs/*/publish").hasAnyRole(TM, ADMIN)
            .requestMatchers(PUT, "/api/v1/sales/floors").hasAnyRole(TM, ADMIN)
            .requestMatchers(POST, "/api/v1/sales/tariffs", "/api/v1/sales/tariffs/*/submit", "/api/v1/sales/tariffs/*/rebase",
                    "/api/v1/sales/tariffs/*/quote", "/api/v1/sales/tariffs/*/offer").hasAnyRole(TM, SALES, ADMIN)
            .requestMatchers(PUT, "/api/v1/sales/tariffs/*").hasAnyRole(TM, SALES, ADMIN)
            .requestMatchers(GET, "/api/v1/reference/**").hasAnyRole(STAFF)
            .requestMatchers(PUT, "/api/v1/reference/**").hasAnyRole(TM, ADMIN)
            .requestMatchers(POST, "/api/v1/reference/**").hasAnyRole(TM, ADMIN)
            .requestMatchers(DELETE, "/api/v1/reference/**").hasAnyRole(TM, ADMIN)
            // accounts: money and documents for finance; clients' details for sales and finance; codes for all staff
            .requestMatchers(POST, "/api/v1/accounts/*/charges", "/api/v1/accounts/*/payments",
                    "/api/v1/accounts/*/ledger/**").hasAnyRole(FINANCE, ADMIN)
            .requestMatchers(GET, "/api/v1/accounts/*/ledger", "/api/v1/accounts/*/usage", "/api/v1/accounts/*/client",
                    "/api/v1/accounts/*/document-settings").hasAnyRole(SALES, FINANCE, ADMIN)
            .requestMatchers(PUT, "/api/v1/accounts/*/document-settings").hasAnyRole(FINANCE, ADMIN)
            // who looks after an account decides which accounts' reports a sales user sees: finance and admins choose
            .requestMatchers(PUT, "/api/v1/accounts/*/sales-manager").hasAnyRole(FINANCE, ADMIN)
            .requestMatchers(DELETE, "/api/v1/accounts/*").hasAnyRole(FINANCE, ADMIN)
            .requestMatchers(GET, "/api/v1/accounts", "/api/v1/accounts/*", "/api/v1/accounts/*/numbers",
                    "/api/v1/accounts/*/dedicated-operators").hasAnyRole(CENTRE)
            // network inventory: network operations and admins manage it; sales reserve for prospects and see
            // capacity; finance reads
            .requestMatchers(GET, "/api/v1/inventory/**").hasAnyRole(NOPS, SALES, FINANCE, ADMIN)
            .requestMatchers(POST, "/api/v1/inventory/connect-check").hasAnyRole(NOPS, SALES, FINANCE, ADMIN)
            .requestMatchers(POST, "/api/v1/inventory/resources/*/reserve",
                    "/api/v1/inventory/resources/*/cancel-reservation").hasAnyRole(NOPS, SALES, ADMIN)
            .requestMatchers(POST, "/api/v1/inventory/**").hasAnyRole(NOPS, ADMIN)
            .requestMatchers(PUT, "/api/v1/inventory/**").hasAnyRole(NOPS, ADMIN)
            .requestMatchers(POST, "/api/v1/accounts", "/api/v1/accounts/*/numbers",
                    "/api/v1/accounts/*/dedicated-operators").hasAnyRole(SALES, FINANCE, ADMIN)
            .requestMatchers(PUT, "/api/v1/accounts/*", "/api/v1/accounts/*/client").hasAnyRole(SALES, FINANCE, ADMIN)
            .requestMatchers("/api/v1/periods", "/api/v1/periods/**").hasAnyRole(FINANCE, ADMIN)
            .requestMatchers("/api/v1/documents", "/api/v1/documents/**", "/api/v1/numbering-templates",
                    "/api/v1/numbering-policies", "/api/v1/numbering-policies/*")
                .hasAnyRole(FINANCE, ADMIN)
            // exports of staff lists (CSV/XLSX): whoever reads the list downloads what it shows
            .requestMatchers(GET, "/api/v1/cdrs.csv", "/api/v1/cdrs.xlsx").hasAnyRole(IN_HOUSE)
            .requestMatchers(GET, "/api/v1/rejects.csv", "/api/v1/rejects.xlsx").hasAnyRole(TM, FINANCE, ADMIN, API, NOPS)
            .requestMatchers(GET, "/api/v1/accounts.csv", "/api/v1/accounts.xlsx").hasAnyRole(CENTRE)
            // who may look after accounts: for whoever opens or edits accounts (finance and admins choose)
            .requestMatchers(GET, "/api/v1/sales-managers").hasAnyRole(SALES, FINANCE, ADMIN)
            .requestMatchers(GET, "/api/v1/documents.csv", "/api/v1/documents.xlsx").hasAnyRole(FINANCE, ADMIN)
            // reports: finance, tariff managers and admins build, see every account and share; sales see the figures of
            // their own accounts and keep reports private (report.ReportScope, report.web.ReportsController)
            .requestMatchers("/api/v1/reports/**").hasAnyRole(TM, SALES, FINANCE, ADMIN)
            // anything else of the API (a new route without a row here) is the admin's until it gets one
            .requestMatchers("/api/**").hasRole(ADMIN)
            // the contract, Swagger UI and the rest of actuator are for staff; the UI's files for every person
            .requestMatchers("/api-spec/**", "/swagger-ui.html", "/swagger-ui/**", "/actuator/**").hasAnyRole(STAFF)
            .anyRequest().hasAnyRole(PEOPLE);
    }
}
