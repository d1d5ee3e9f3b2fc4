package ru.ccbilling;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain HTTP client for tests: the real API, as a client would call it. */
public final class Api {

    public record Response(int status, String contentType, JsonNode body, String raw, HttpHeaders headers) {
        public Response(int status, String contentType, JsonNode body, String raw) {
            this(status, contentType, body, raw, HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String[] auth;
    private final String language;

    private Api(String base, String... auth) {
        this(base, auth, null);
    }

    private Api(String base, String[] auth, String language) {
        this.base = base;
        this.auth = auth;
        this.language = language;
    }

    /** the same client asking for answers in English (Accept-Language: en); without it the platform speaks Russian */
    public Api inEnglish() {
        return new Api(base, auth, "en");
    }

    public static Api withApiKey(int port) {
        return new Api("http://127.0.0.1:" + port, "X-Api-Key", "demo-api-key");
    }

    public static Api withApiKey(int port, String key) {
        return new Api("http://127.0.0.1:" + port, "X-Api-Key", key);
    }

    public static Api as(int port, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api("http://127.0.0.1:" + port, "Authorization", "Basic " + token);
    }

    public static Api anonymous(int port) {
        return new Api("http://127.0.0.1:" + port);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body))));
    }

    public Response put(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body))));
    }

    public Response send(HttpRequest.Builder request) {
        if (auth.length == 2) {
            request.header(auth[0], auth[1]);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && !raw.isEmpty()) {
                body = JSON.readTree(raw);
            }
            return new Response(response.statusCode(), type, body, raw, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
