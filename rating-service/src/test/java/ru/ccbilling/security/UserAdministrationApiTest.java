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

/** An administrator creates, changes, disables and resets users; people change their own passwords. */
@PlatformTest
class UserAdministrationApiTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    static final String PASSWORD = "Zelyonyj-Slon-42";
    static final String CHANGED = "Sinij-Kit-Plyvyot-7";

    @LocalServerPort
    int port;
    @Autowired
    UserAdministration administration;
    @Autowired
    JdbcTemplate jdbc;

    private Api admin() {
        return Api.as(port, "admin", "admin");
    }

    /** a user who has signed in and changed the administrator's password, so every call of the role is open */
    private String readyUser(String role) {
        String name = newUser(role);
        assertThat(Api.as(port, name, PASSWORD).post("/api/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", CHANGED)).status()).isEqualTo(204);
        return name;
    }

    private String newUser(String role) {
        String name = "user-" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100000;
        Api.Response created = admin().post("/api/v1/admin/users",
                Map.of("username", name, "password", PASSWORD, "roles", List.of(role)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return name;
    }

    @Test
    void aNewUserMustChangeTheAdministratorsPasswordBeforeAnythingElse() {
        String name = newUser("FINANCE");
        Api user = Api.as(port, name, PASSWORD);
        assertThat(user.get("/api/v1/me").body().get("mustChangePassword").asBoolean()).isTrue();

        Api.Response refused = user.get("/api/v1/periods");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("password");
        assertThat(refused.body().get("detail").asText()).contains("Пароль задан администратором");

        assertThat(user.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD, "newPassword", CHANGED))
                .status()).isEqualTo(204);
        assertThat(Api.as(port, name, PASSWORD).get("/api/v1/me").status()).isEqualTo(401);
        Api changed = Api.as(port, name, CHANGED);
        assertThat(changed.get("/api/v1/me").body().get("mustChangePassword").asBoolean()).isFalse();
        assertThat(changed.get("/api/v1/periods").status()).isEqualTo(200);
    }

    @Test
    void withoutAPasswordATemporaryOneIsAnsweredOnceAndNeverAgain() {
        String name = "temp-" + System.nanoTime() % 1000000;
        Api.Response created = admin().post("/api/v1/admin/users", Map.of("username", name, "roles", List.of("SALES")));
        assertThat(created.status()).isEqualTo(201);
        String temporary = created.body().get("temporaryPassword").asText();
        assertThat(temporary).hasSize(16);
        assertThat(created.body().at("/user/mustChangePassword").asBoolean()).isTrue();

        assertThat(Api.as(port, name, temporary).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/admin/users/" + name).raw()).doesNotContain(temporary).doesNotContain("password\"");
        assertThat(admin().get("/api/v1/admin/users").raw()).doesNotContain(temporary);
    }

    @Test
    void aDisabledUserIs401UntilEnabledAgain() {
        String name = readyUser("FINANCE");
        Api user = Api.as(port, name, CHANGED);
        assertThat(admin().put("/api/v1/admin/users/" + name, Map.of("roles", List.of("FINANCE"), "enabled", false))
                .body().get("enabled").asBoolean()).isFalse();
        assertThat(user.get("/api/v1/me").status()).isEqualTo(401);

        admin().put("/api/v1/admin/users/" + name, Map.of("roles", List.of("FINANCE"), "enabled", true));
        assertThat(user.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void aDisabledUsersSessionEndsAtItsNextRequest() {
        String name = readyUser("FINANCE");
        Browser browser = Browser.signIn(port, name, CHANGED);
        assertThat(browser.get("/api/v1/periods").statusCode()).isEqualTo(200);

        admin().put("/api/v1/admin/users/" + name, Map.of("roles", List.of("FINANCE"), "enabled", false));
        assertThat(browser.get("/api/v1/periods").statusCode()).isEqualTo(401);
    }

    @Test
    void aRoleChangeTakesEffectOnTheNextRequestSessionsIncluded() {
        String name = readyUser("FINANCE");
        Api user = Api.as(port, name, CHANGED);
        Browser browser = Browser.signIn(port, name, CHANGED);
        assertThat(user.get("/api/v1/periods").status()).isEqualTo(200);
        assertThat(user.get("/api/v1/tariffs").status()).isEqualTo(200);
        assertThat(browser.get("/api/v1/periods").statusCode()).isEqualTo(200);

        Api.Response changed = admin().put("/api/v1/admin/users/" + name,
                Map.of("roles", List.of("TARIFF_MANAGER"), "enabled", true));
        assertThat(changed.body().get("roles").toString()).isEqualTo("[\"TARIFF_MANAGER\"]");
        assertThat(user.get("/api/v1/periods").status()).isEqualTo(403);
        assertThat(browser.get("/api/v1/periods").statusCode()).isEqualTo(403);
        assertThat(browser.get("/api/v1/me").body()).contains("TARIFF_MANAGER");
    }

    @Test
    void aWeakPasswordIsRefusedNamingItInRussianOrEnglishAndNoUserIsMade() {
        for (String weak : List.of("", "short1", "qwertyuiop", "weak-user-x-1", "aaaaaaaaaaaa")) {
            Api.Response refused = admin().post("/api/v1/admin/users",
                    Map.of("username", "weak-user-x", "password", weak, "roles", List.of("SALES")));
            assertThat(refused.status()).as(weak).isEqualTo(400);
            assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("password");
        }
        Api.Response russian = admin().post("/api/v1/admin/users",
                Map.of("username", "weak-user-x", "password", "short1", "roles", List.of("SALES")));
        assertThat(russian.body().at("/errors/0/message").asText()).contains("не меньше 10 символов");
        Api.Response english = admin().inEnglish().post("/api/v1/admin/users",
                Map.of("username", "weak-user-x", "password", "short1", "roles", List.of("SALES")));
        assertThat(english.body().at("/errors/0/message").asText()).contains("at least 10 characters");
        assertThat(admin().get("/api/v1/admin/users/weak-user-x").status()).isEqualTo(404);
    }

    @Test
    void aTakenUsernameIsRefusedNamingItAndTheUserStaysAsItWas() {
        String name = newUser("SALES");
        Api.Response refused = admin().post("/api/v1/admin/users",
                Map.of("username", name, "password", "Drugoj-Parol-99", "roles", List.of("FINANCE")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("username");
        assertThat(admin().get("/api/v1/admin/users/" + name).body().get("roles").toString()).isEqualTo("[\"SALES\"]");
        assertThat(Api.as(port, name, PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void anUnknownRoleOrABadUsernameIsRefusedNamingItAndNothingChanges() {
        Api.Response unknown = admin().post("/api/v1/admin/users",
                Map.of("username", "role-user-x", "password", PASSWORD, "roles", List.of("SALES", "BOSS")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().at("/errors/0/field").asText()).isEqualTo("roles[1]");
        assertThat(unknown.body().at("/errors/0/message").asText()).contains("неизвестная роль «BOSS»");
        Api.Response keysRole = admin().post("/api/v1/admin/users",
                Map.of("username", "role-user-x", "password", PASSWORD, "roles", List.of("API_CLIENT")));
        assertThat(keysRole.body().at("/errors/0/field").asText()).isEqualTo("roles[0]");
        Api.Response none = admin().post("/api/v1/admin/users",
                Map.of("username", "role-user-x", "password", PASSWORD, "roles", List.of()));
        assertThat(none.body().at("/errors/0/field").asText()).isEqualTo("roles");
        Api.Response badName = admin().post("/api/v1/admin/users",
                Map.of("username", "Role User", "password", PASSWORD, "roles", List.of("SALES")));
        assertThat(badName.body().at("/errors/0/field").asText()).isEqualTo("username");
        assertThat(admin().get("/api/v1/admin/users/role-user-x").status()).isEqualTo(404);

        String name = newUser("SALES");
        Api.Response change = admin().put("/api/v1/admin/users/" + name, Map.of("roles", List.of("NOBODY"), "enabled", false));
        assertThat(change.status()).isEqualTo(400);
        JsonNode after = admin().get("/api/v1/admin/users/" + name).body();
        assertThat(after.get("roles").toString()).isEqualTo("[\"SALES\"]");
        assertThat(after.get("enabled").asBoolean()).isTrue();
    }

    @Test
    void aResetPasswordReplacesTheOldOneAndMustBeChangedAgain() {
        String name = readyUser("FINANCE");
        Api.Response reset = admin().post("/api/v1/admin/users/" + name + "/password-reset", "{}");
        assertThat(reset.status()).isEqualTo(200);
        String temporary = reset.body().get("temporaryPassword").asText();
        assertThat(Api.as(port, name, CHANGED).get("/api/v1/me").status()).isEqualTo(401);
        Api user = Api.as(port, name, temporary);
        assertThat(user.get("/api/v1/me").body().get("mustChangePassword").asBoolean()).isTrue();
        assertThat(user.get("/api/v1/periods").status()).isEqualTo(403);

        Api.Response given = admin().post("/api/v1/admin/users/" + name + "/password-reset",
                Map.of("password", "Novyj-Parol-Adm-5"));
        assertThat(given.body().has("temporaryPassword")).isFalse();
        assertThat(Api.as(port, name, "Novyj-Parol-Adm-5").get("/api/v1/me").body().get("mustChangePassword").asBoolean())
                .isTrue();
        assertThat(admin().post("/api/v1/admin/users/" + name + "/password-reset", Map.of("password", "123"))
                .body().at("/errors/0/field").asText()).isEqualTo("password");
    }

    @Test
    void theOwnPasswordChangeNamesAWrongCurrentOrAWeakNewPassword() {
        String name = newUser("SALES");
        Api user = Api.as(port, name, PASSWORD);
        Api.Response wrong = user.post("/api/v1/me/password", Map.of("currentPassword", "not-it-at-all", "newPassword", CHANGED));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().at("/errors/0/field").asText()).isEqualTo("currentPassword");
        Api.Response weak = user.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "1234567890"));
        assertThat(weak.body().at("/errors/0/field").asText()).isEqualTo("newPassword");
        Api.Response same = user.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD, "newPassword", PASSWORD));
        assertThat(same.body().at("/errors/0/field").asText()).isEqualTo("newPassword");
        assertThat(user.get("/api/v1/me").body().get("mustChangePassword").asBoolean()).isTrue();
    }

    @Test
    void theLastAdministratorIsNeitherDisabledNorDemoted() {
        Api.Response demote = admin().put("/api/v1/admin/users/admin", Map.of("roles", List.of("FINANCE"), "enabled", true));
        assertThat(demote.status()).isEqualTo(409);
        assertThat(admin().put("/api/v1/admin/users/admin", Map.of("roles", List.of("ADMIN"), "enabled", false)).status())
                .isEqualTo(409);
        assertThat(admin().get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void theFirstAdministratorIsMadeOnlyWhereNoAdministratorIsEnabled() {
        assertThat(administration.createFirstAdmin("first-admin-x", "Pervyj-Admin-2026")).isFalse();
        assertThat(admin().get("/api/v1/admin/users/first-admin-x").status()).isEqualTo(404);
        jdbc.update("update app_user set enabled = false where username = 'admin'");
        try {
            assertThat(administration.createFirstAdmin("first-admin", "Pervyj-Admin-2026")).isTrue();
        } finally {
            jdbc.update("update app_user set enabled = true where username = 'admin'");
        }
        try {
            Api first = Api.as(port, "first-admin", "Pervyj-Admin-2026");
            assertThat(first.get("/api/v1/me").body().get("roles").toString()).isEqualTo("[\"ADMIN\"]");
            assertThat(first.get("/api/v1/me").body().get("mustChangePassword").asBoolean()).isTrue();
        } finally {
            jdbc.update("update app_user set enabled = false where username = 'first-admin'");
        }
    }

    @Test
    void theSignInAuditShowsFailuresAndSuccessesWithoutPasswords() {
        String name = newUser("SALES");
        assertThat(Api.as(port, name, "Wrong-Guess-1234").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, name, PASSWORD).get("/api/v1/me").status()).isEqualTo(200);

        Api.Response audit = admin().get("/api/v1/admin/sign-ins?username=" + name);
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.raw()).doesNotContain("Wrong-Guess-1234").doesNotContain(PASSWORD);
        assertThat(audit.body()).hasSize(2);
        assertThat(audit.body().get(0).get("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(audit.body().get(1).get("outcome").asText()).isEqualTo("WRONG_PASSWORD");
        assertThat(audit.body().get(1).get("method").asText()).isEqualTo("BASIC");
        assertThat(audit.body().get(1).get("address").asText()).isEqualTo("127.0.0.1");
        assertThat(admin().get("/api/v1/admin/sign-ins?outcome=WRONG_PASSWORD&username=" + name).body()).hasSize(1);
    }

    @Test
    void aFormSignInIsAuditedAsSuch() {
        String name = readyUser("SALES");
        Browser.signIn(port, name, CHANGED);
        JsonNode audit = admin().get("/api/v1/admin/sign-ins?username=" + name).body();
        assertThat(audit.get(0).get("method").asText()).isEqualTo("FORM");
        assertThat(audit.get(0).get("outcome").asText()).isEqualTo("SUCCESS");
    }
}
