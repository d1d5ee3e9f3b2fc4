package ru.ccbilling.security;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.HttpServletRequest;

/** The sign-in page of the admin UI, in Russian and English. */
@Controller
class LoginPage {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String csrf = token == null ? "" : "<input type=\"hidden\" name=\"" + token.getParameterName()
                + "\" value=\"" + HtmlUtils.htmlEscape(token.getToken()) + "\">";
        String message = "";
        if (request.getParameter("error") != null) {
            message = "<p class=\"error\" role=\"alert\">Неверное имя или пароль · Wrong username or password</p>";
        } else if (request.getParameter("locked") != null) {
            message = "<p class=\"error\" role=\"alert\">Слишком много неудачных попыток входа, повторите позже"
                    + " · Too many failed sign-ins, try again later</p>";
        } else if (request.getParameter("invited") != null) {
            message = "<p class=\"info\">Вы зарегистрированы: войдите · You have signed up: sign in</p>";
        } else if (request.getParameter("logout") != null) {
            message = "<p class=\"info\">Вы вышли · You have signed out</p>";
        }
        return """
            <!doctype html>
            <html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Биллинг КЦ · CC Billing</title>
            <style>
              body{font-family:Roboto,Helvetica,Arial,sans-serif;background:#eef2f6;display:flex;align-items:center;justify-content:center;min-height:100vh;margin:0}
              form{background:#fff;padding:32px 36px;border-radius:8px;box-shadow:0 2px 12px rgba(0,0,0,.12);width:320px}
              h1{font-size:22px;margin:0 0 4px}p.sub{color:#667;margin:0 0 20px;font-size:14px}
              label{display:block;font-size:13px;color:#445;margin:12px 0 4px}
              input[type=text],input[type=password]{width:100%%;box-sizing:border-box;padding:10px;border:1px solid #c5ccd6;border-radius:4px;font-size:15px}
              button{margin-top:20px;width:100%%;padding:11px;border:0;border-radius:4px;background:#1565c0;color:#fff;font-size:15px;cursor:pointer}
              .error{color:#b00020;font-size:14px}.info{color:#2e7d32;font-size:14px}
            </style></head>
            <body><form method="post" action="/login">
              <h1>Биллинг КЦ</h1><p class="sub">CC Billing · тарификация и биллинг колл-центра</p>
              %s
              <label for="username">Имя пользователя · Username</label>
              <input type="text" id="username" name="username" autocomplete="username" autofocus required>
              <label for="password">Пароль · Password</label>
              <input type="password" id="password" name="password" autocomplete="current-password" required>
              %s
              <button type="submit">Войти · Sign in</button>
            </form></body></html>
            """.formatted(message, csrf);
    }
}
