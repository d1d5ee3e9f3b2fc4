package ru.ccbilling.cdrimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;

/** Uploading equipment files to the real API and following their jobs, as a client would. */
final class Imports {

    private final int port;
    private final Api api;

    Imports(int port, Api api) {
        this.port = port;
        this.api = api;
    }

    static byte[] sample(String name) {
        try (InputStream in = Imports.class.getResourceAsStream("/cdr-samples/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Api.Response upload(String mapping, String source, HttpRequest.BodyPublisher file) {
        StringBuilder query = new StringBuilder();
        if (mapping != null) {
            query.append("mapping=").append(URLEncoder.encode(mapping, StandardCharsets.UTF_8));
        }
        if (source != null) {
            query.append(query.isEmpty() ? "" : "&").append("source=").append(URLEncoder.encode(source, StandardCharsets.UTF_8));
        }
        return api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cdrs/import?" + query))
                .header("Content-Type", "text/csv").POST(file));
    }

    /** uploads, checks the 202 answer, and waits for the job to end; answers the finished job */
    JsonNode importAndWait(String mapping, String source, byte[] file) {
        return await(started(upload(mapping, source, HttpRequest.BodyPublishers.ofByteArray(file))), job -> { });
    }

    static String started(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(202);
        String id = response.body().get("id").asText();
        assertThat(response.body().get("kind").asText()).isEqualTo("CDR_IMPORT");
        return id;
    }

    /** polls GET /api/v1/jobs/{id} until the job is no longer RUNNING, showing each reading to {@code seen} */
    JsonNode await(String id, Consumer<JsonNode> seen) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            Api.Response response = api.get("/api/v1/jobs/" + id);
            assertThat(response.status()).isEqualTo(200);
            seen.accept(response.body());
            if (!"RUNNING".equals(response.body().get("state").asText())) {
                return response.body();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + id + " did not finish in time");
    }

    static long count(JsonNode job, String outcome) {
        JsonNode n = job.get("counts").get(outcome);
        return n == null ? 0 : n.asLong();
    }
}
