package ru.ccbilling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * Client users: an administrator creates them for a client's account; a client's administrator (CLIENT_ADMIN)
 * invites colleagues by e-mail and disables them, within the own client only. Bad input is a 4xx naming the field
 * and stores nothing.
 */
@PlatformTest
class ClientUsersApiTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String PASSWORD = UserAdministrationApiTest.PASSWORD;
    private static final String CHANGED = UserAdministrationApiTest.CHANGED;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private Api admin() {
        return Api.as(port, "admin", "admin");
    }

    private Api romashka() {
        return Api.as(port, "romashka", "romashka");
    }

    private static String name(String prefix) {
        return prefix + "-" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100000;
    }

    private long users() {
        return jdbc.queryForObject("select count(*) from app_user", Long.class);
    }

    private static void refused(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.body().at("/errors/0/field").asText()).as(r.raw()).isEqualTo(field);
    }

    @Test
    void anAdministratorCreatesAClientUserWhoSeesTheClientsAccountOnly() {
        String name = name("client");
        Api.Response created = admin().post("/api/v1/admin/users", Map.of("username", name, "password", PASSWORD,
                "roles", List.of("CLIENT"), "client", "ACC-1001", "email", name + "@romashka.example"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().at("/user/client").asText()).isEqualTo("ACC-1001");
        assertThat(admin().get("/api/v1/admin/users/" + name).body().get("email").asText())
                .isEqualTo(name + "@romashka.example");

        Api first = Api.as(port, name, PASSWORD);
        assertThat(first.get("/api/v1/portal/accounts").status()).as("the administrator's password is changed first")
                .isEqualTo(403);
        assertThat(first.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD, "newPassword", CHANGED))
                .status()).isEqualTo(204);
        Api user = Api.as(port, name, CHANGED);
        JsonNode accounts = user.get("/api/v1/portal/accounts").body();
        assertThat(accounts.findValuesAsText("code")).containsExactly("ACC-1001");
        assertThat(user.get("/api/v1/accounts").status()).as("staff routes are not the client's").isEqualTo(403);
        assertThat(user.get("/api/v1/portal/colleagues").status()).as("a CLIENT does not manage colleagues").isEqualTo(403);
        assertThat(user.get("/api/v1/me").body().get("roles").get(0).asText()).isEqualTo("CLIENT");
    }

    @Test
    void clientRolesNeedAnExistingClientAndMixWithNoStaffRole() {
        long before = users();
        refused(admin().post("/api/v1/admin/users", Map.of("username", name("c"), "password", PASSWORD,
                "roles", List.of("CLIENT"))), 400, "client");
        refused(admin().post("/api/v1/admin/users", Map.of("username", name("c"), "password", PASSWORD,
                "roles", List.of("CLIENT_ADMIN"), "client", "ACC-NO-SUCH")), 400, "client");
        refused(admin().post("/api/v1/admin/users", Map.of("username", name("c"), "password", PASSWORD,
                "roles", List.of("CLIENT", "FINANCE"), "client", "ACC-1001")), 400, "roles[1]");
        refused(admin().post("/api/v1/admin/users", Map.of("username", name("c"), "password", PASSWORD,
                "roles", List.of("FINANCE"), "client", "ACC-1001")), 400, "client");
        refused(admin().post("/api/v1/admin/users", Map.of("username", name("c"), "password", PASSWORD,
                "roles", List.of("CUSTOMER"), "client", "ACC-1001")), 400, "roles[0]");
        refused(admin().post("/api/v1/admin/users", Map.of("username", name("c"), "password", "short",
                "roles", List.of("CLIENT"), "client", "ACC-1001")), 400, "password");
        refused(admin().post("/api/v1/admin/users", Map.of("username", name("c"), "password", "",
                "roles", List.of("CLIENT"), "client", "ACC-1001")), 400, "password");
        refused(admin().post("/api/v1/admin/users", Map.of("username", name("c"), "password", PASSWORD,
                "roles", List.of("CLIENT"), "client", "ACC-1001", "email", "not-an-address")), 400, "email");
        refused(admin().post("/api/v1/admin/users", Map.of("username", name("c"), "password", PASSWORD,
                "roles", List.of("CLIENT"), "client", "ACC-1001", "email", "PORTAL@romashka.example")), 409, "email");
        refused(admin().post("/api/v1/admin/users", Map.of("username", "romashka", "password", PASSWORD,
                "roles", List.of("CLIENT"), "client", "ACC-1001")), 409, "username");
        assertThat(users()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aClientAdministratorInvitesAColleagueWhoChoosesANameAndAPassword() {
        String email = name("colleague") + "@romashka.example";
        Api.Response invited = romashka().post("/api/v1/portal/colleagues/invitations", Map.of("email", email));
        assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
        assertThat(invited.body().get("role").asText()).isEqualTo("CLIENT");
        assertThat(invited.body().get("mailed").asBoolean()).as("no SMTP server is configured here").isFalse();
        String link = invited.body().get("link").asText();
        assertThat(link).startsWith("/invitation?token=");
        String token = link.substring(link.indexOf('=') + 1);

        Api stranger = Api.anonymous(port);
        JsonNode info = stranger.get("/api/v1/invitations/" + token).body();
        assertThat(info.get("clientName").asText()).isEqualTo("ООО «Ромашка»");
        assertThat(info.get("email").asText()).isEqualTo(email);
        assertThat(stranger.get("/invitation?token=" + token).raw()).contains("ООО «Ромашка»", "name=\"password\"");

        long before = users();
        String name = name("invited");
        refused(stranger.post("/api/v1/invitations/" + token, Map.of("username", name, "password", "12345")), 400,
                "password");
        refused(stranger.post("/api/v1/invitations/" + token, Map.of("username", "Not A Name", "password", CHANGED)),
                400, "username");
        refused(stranger.post("/api/v1/invitations/" + token, Map.of("username", "vector", "password", CHANGED)),
                409, "username");
        assertThat(users()).isEqualTo(before);

        Api.Response accepted = stranger.post("/api/v1/invitations/" + token, Map.of("username", name, "password", CHANGED));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(201);
        assertThat(accepted.body().get("client").asText()).isEqualTo("ACC-1001");
        Api colleague = Api.as(port, name, CHANGED);
        assertThat(colleague.get("/api/v1/me").body().get("mustChangePassword").asBoolean()).isFalse();
        assertThat(colleague.get("/api/v1/portal/accounts").body().findValuesAsText("code")).containsExactly("ACC-1001");

        refused(stranger.post("/api/v1/invitations/" + token, Map.of("username", name("again"), "password", CHANGED)),
                409, "token");
        assertThat(romashka().get("/api/v1/portal/colleagues").body().findValuesAsText("username")).contains(name);
    }

    @Test
    void theInvitationPageSignsThePersonUpWithTheFormOfTheLink() {
        String email = name("page") + "@romashka.example";
        String link = romashka().post("/api/v1/portal/colleagues/invitations", Map.of("email", email)).body()
                .get("link").asText();
        String token = link.substring(link.indexOf('=') + 1);
        String name = name("signup");
        Browser browser = Browser.anonymous(port);
        var weak = browser.submitForm(link, "/invitation", Map.of("token", token, "username", name, "password", "short"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("слишком короткий пароль", "name=\"password\"");
        var accepted = browser.submitForm(link, "/invitation", Map.of("token", token, "username", name, "password", CHANGED));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(303);
        assertThat(accepted.headers().firstValue("Location").orElse("")).isEqualTo("/login?invited");
        assertThat(Api.as(port, name, CHANGED).get("/api/v1/portal/accounts").body().findValuesAsText("code"))
                .containsExactly("ACC-1001");
        assertThat(Browser.anonymous(port).get(link).body()).as("used once").contains("уже зарегистрировались")
                .doesNotContain("name=\"password\"");
    }

    @Test
    void anExpiredOrUnknownInvitationIsRefusedNamingTheToken() {
        String email = name("late") + "@romashka.example";
        String link = romashka().post("/api/v1/portal/colleagues/invitations", Map.of("email", email)).body()
                .get("link").asText();
        String token = link.substring(link.indexOf('=') + 1);
        jdbc.update("update user_invitation set expires_at = now() - interval '1 minute' where email = ?", email);
        long before = users();
        Api stranger = Api.anonymous(port);
        refused(stranger.get("/api/v1/invitations/" + token), 400, "token");
        Api.Response late = stranger.post("/api/v1/invitations/" + token, Map.of("username", name("late"), "password", CHANGED));
        refused(late, 400, "token");
        assertThat(late.body().at("/errors/0/message").asText()).contains("срок приглашения истёк");
        assertThat(stranger.post("/api/v1/invitations/no-such-token", Map.of("username", name("x"), "password", CHANGED))
                .status()).isEqualTo(404);
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void anInvitationToAnotherClientsAddressOrDomainIsRefused() {
        long invitations = jdbc.queryForObject("select count(*) from user_invitation", Long.class);
        refused(romashka().post("/api/v1/portal/colleagues/invitations", Map.of("email", "portal@vektor.example")),
                400, "email");
        refused(romashka().post("/api/v1/portal/colleagues/invitations", Map.of("email", name("x") + "@vektor.example")),
                400, "email");
        refused(romashka().post("/api/v1/portal/colleagues/invitations", Map.of("email", "nobody")), 400, "email");
        refused(romashka().post("/api/v1/portal/colleagues/invitations", Map.of("email", "")), 400, "email");
        refused(romashka().post("/api/v1/portal/colleagues/invitations", Map.of("email", name("r") + "@romashka.example",
                "role", "ADMIN")), 400, "role");
        refused(romashka().post("/api/v1/portal/colleagues/invitations", Map.of("email", "portal@romashka.example")),
                409, "email");
        assertThat(jdbc.queryForObject("select count(*) from user_invitation", Long.class)).isEqualTo(invitations);
        assertThat(Api.as(port, "vector", "vector").post("/api/v1/portal/colleagues/invitations",
                Map.of("email", "x@vektor.example")).status()).as("a CLIENT does not invite").isEqualTo(403);
    }

    @Test
    void aClientAdministratorDisablesColleaguesOfTheOwnClientOnly() {
        String name = name("colleague");
        assertThat(admin().post("/api/v1/admin/users", Map.of("username", name, "password", PASSWORD,
                "roles", List.of("CLIENT"), "client", "ACC-1001")).status()).isEqualTo(201);
        List<String> colleagues = romashka().get("/api/v1/portal/colleagues").body().findValuesAsText("username");
        assertThat(colleagues).contains("romashka", name).doesNotContain("vector", "admin", "finance");

        Api.Response disabled = romashka().put("/api/v1/portal/colleagues/" + name, Map.of("enabled", false));
        assertThat(disabled.status()).as(disabled.raw()).isEqualTo(200);
        assertThat(disabled.body().get("enabled").asBoolean()).isFalse();
        assertThat(Api.as(port, name, PASSWORD).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(romashka().put("/api/v1/portal/colleagues/" + name, Map.of("enabled", true)).status()).isEqualTo(200);
        assertThat(Api.as(port, name, PASSWORD).get("/api/v1/me").status()).isEqualTo(200);

        Api.Response other = romashka().put("/api/v1/portal/colleagues/vector", Map.of("enabled", false));
        assertThat(other.status()).as("another client's user is not found").isEqualTo(404);
        assertThat(romashka().put("/api/v1/portal/colleagues/finance", Map.of("enabled", false)).status()).isEqualTo(404);
        assertThat(Api.as(port, "vector", "vector").get("/api/v1/me").status()).isEqualTo(200);
        refused(romashka().put("/api/v1/portal/colleagues/romashka", Map.of("enabled", false)), 400, "enabled");
    }
}
