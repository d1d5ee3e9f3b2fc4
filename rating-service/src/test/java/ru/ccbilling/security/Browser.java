package ru.ccbilling.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser for tests: signs in on the login page and keeps its cookies (session, XSRF-TOKEN). */
final class Browser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String sessionCookieHeader = "";

    private Browser(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** the login form, sent as a person would; the answer of the sign-in itself */
    static HttpResponse<String> submitLogin(Browser browser, String username, String password) {
        String page = browser.get("/login").body();
        Matcher csrf = CSRF_FIELD.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF field on the login page");
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(browser.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        browser.sessionCookieHeader = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse("");
        return response;
    }

    /** a form of a server page sent as a person would: the page loaded, its CSRF field sent with {@code fields} */
    HttpResponse<String> submitForm(String page, String action, java.util.Map<String, String> fields) {
        Matcher csrf = CSRF_FIELD.matcher(get(page).body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF field on " + page);
        }
        StringBuilder form = new StringBuilder("_csrf=" + encode(csrf.group(1)));
        fields.forEach((name, value) -> form.append('&').append(encode(name)).append('=').append(encode(value)));
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    static Browser anonymous(int port) {
        return new Browser(port);
    }

    static Browser signIn(int port, String username, String password) {
        Browser browser = new Browser(port);
        HttpResponse<String> response = submitLogin(browser, username, password);
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("/login")) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + response.statusCode());
        }
        return browser;
    }

    /** the Set-Cookie header of the session, as the sign-in answered it */
    String sessionCookieHeader() {
        return sessionCookieHeader;
    }

    HttpResponse<String> get(String path, String... header) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (header.length == 2) {
            request.header(header[0], header[1]);
        }
        return send(request);
    }

    /** a JSON POST of {@code {}}, with the XSRF-TOKEN cookie echoed in X-XSRF-TOKEN when {@code withCsrf} */
    HttpResponse<String> post(String path, boolean withCsrf, String... header) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (withCsrf) {
            get("/api/v1/me"); // the sign-in renewed the token: a page load brings the new XSRF-TOKEN cookie
            request.header("X-XSRF-TOKEN", cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow());
        }
        if (header.length == 2) {
            request.header(header[0], header[1]);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
