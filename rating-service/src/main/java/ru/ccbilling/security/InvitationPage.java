package ru.ccbilling.security;

import java.time.format.DateTimeFormatter;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.HttpServletRequest;
import ru.ccbilling.clock.ClockConfiguration;
import ru.ccbilling.refusal.Catalogue;
import ru.ccbilling.refusal.Refusal;

/**
 * The page an invitation link opens (public, like the sign-in page): whose cabinet it is, and a form for the new
 * username and password. Accepted, it sends the person to the sign-in page; refused, it says why in Russian.
 */
@Controller
class InvitationPage {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(ClockConfiguration.BUSINESS_ZONE);

    private final ClientUsers clientUsers;

    InvitationPage(ClientUsers clientUsers) {
        this.clientUsers = clientUsers;
    }

    @GetMapping(value = "/invitation", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> show(@RequestParam(name = "token", required = false) String token, HttpServletRequest request) {
        try {
            ClientUsers.Invitation invitation = clientUsers.invitation(token);
            String about = "Вас пригласили в личный кабинет клиента «" + HtmlUtils.htmlEscape(invitation.clientName(), "UTF-8")
                    + "» (" + HtmlUtils.htmlEscape(invitation.email()) + "). Ссылка действует до "
                    + UNTIL.format(invitation.expiresAt()) + ".";
            return ResponseEntity.ok(page(about, "", token, request));
        } catch (Refusal refusal) {
            return ResponseEntity.status(refusal.kind().status()).body(page("", error(refusal), null, request));
        }
    }

    @PostMapping(value = "/invitation", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> accept(@RequestParam(name = "token", required = false) String token,
                                  @RequestParam(name = "username", required = false) String username,
                                  @RequestParam(name = "password", required = false) String password,
                                  HttpServletRequest request) {
        try {
            clientUsers.accept(token, username, password);
            return ResponseEntity.status(303).header("Location", "/login?invited").build();
        } catch (Refusal refusal) {
            boolean retry = refusal.faults().stream().anyMatch(f -> !"token".equals(f.field()))
                    && refusal.kind() != Refusal.Kind.NOT_FOUND;
            return ResponseEntity.status(refusal.kind().status())
                    .body(page("", error(refusal), retry ? token : null, request));
        }
    }

    private static String error(Refusal refusal) {
        return "<p class=\"error\" role=\"alert\">" + HtmlUtils.htmlEscape(refusal.faults().isEmpty()
                ? refusal.detail(Catalogue.RUSSIAN)
                : refusal.faults().stream().map(f -> f.in(Catalogue.RUSSIAN)).reduce((a, b) -> a + "; " + b).orElse(""))
                + "</p>";
    }

    private static String page(String about, String message, String token, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String hidden = csrf == null ? "" : "<input type=\"hidden\" name=\"" + csrf.getParameterName()
                + "\" value=\"" + HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
        String form = token == null ? "<p><a href=\"/login\">Войти · Sign in</a></p>" : """
              <input type="hidden" name="token" value="%s">
              <label for="username">Имя пользователя (латиница, цифры, . _ -) · Username</label>
              <input type="text" id="username" name="username" autocomplete="username" autofocus required>
              <label for="password">Пароль, не короче 10 символов · Password</label>
              <input type="password" id="password" name="password" autocomplete="new-password" required>
              %s
              <button type="submit">Зарегистрироваться · Sign up</button>
            """.formatted(HtmlUtils.htmlEscape(token), hidden);
        return """
            <!doctype html>
            <html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Приглашение · Invitation</title>
            <style>
              body{font-family:Roboto,Helvetica,Arial,sans-serif;background:#eef2f6;display:flex;align-items:center;justify-content:center;min-height:100vh;margin:0}
              form{background:#fff;padding:32px 36px;border-radius:8px;box-shadow:0 2px 12px rgba(0,0,0,.12);width:320px;max-width:90vw}
              h1{font-size:22px;margin:0 0 12px}p{font-size:14px;color:#334}
              label{display:block;font-size:13px;color:#445;margin:12px 0 4px}
              input[type=text],input[type=password]{width:100%%;box-sizing:border-box;padding:10px;border:1px solid #c5ccd6;border-radius:4px;font-size:15px}
              button{margin-top:20px;width:100%%;padding:11px;border:0;border-radius:4px;background:#1565c0;color:#fff;font-size:15px;cursor:pointer}
              .error{color:#b00020}
            </style></head>
            <body><form method="post" action="/invitation">
              <h1>Личный кабинет</h1>
              <p>%s</p>
              %s
              %s
            </form></body></html>
            """.formatted(about, message, form);
    }
}
