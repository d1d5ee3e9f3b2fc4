package ru.ccbilling.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;

/** The public golden files of the tariff sheet ({cdr, expected} cases) and how an API answer is held against them. */
final class GoldenFiles {

    private GoldenFiles() { }

    static List<JsonNode> load(String resource, int cases) {
        List<JsonNode> golden = new ArrayList<>();
        try (InputStream in = GoldenFiles.class.getResourceAsStream(resource)) {
            Api.json().readTree(in).forEach(golden::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(golden).as(resource).hasSize(cases);
        return golden;
    }

    /** status and reason, or account, total, tariff and the lines (component and amount, in order) with their notes */
    static void assertMatches(JsonNode golden, JsonNode actual) {
        JsonNode expected = golden.get("expected");
        String id = golden.get("cdr").get("cdrId").asText();
        assertThat(actual.get("status").asText()).as(id + " status").isEqualTo(expected.get("status").asText());
        if (expected.get("status").asText().equals("REJECTED")) {
            assertThat(actual.get("reason").asText()).as(id + " reason").isEqualTo(expected.get("reason").asText());
            return;
        }
        assertThat(actual.get("account").asText()).as(id + " account").isEqualTo(expected.get("account").asText());
        assertThat(actual.get("total").asText()).as(id + " total").isEqualTo(expected.get("total").asText());
        assertThat(actual.get("currency").asText()).isEqualTo("RUB");
        assertThat(actual.get("tariff").asText()).isEqualTo("CC-STANDARD-2026");
        List<String> lines = new ArrayList<>();
        actual.get("lines").forEach(l -> lines.add(l.get("component").asText() + " " + l.get("amount").asText()));
        List<String> wanted = new ArrayList<>();
        expected.get("lines").forEach(l -> wanted.add(l.get("component").asText() + " " + l.get("amount").asText()));
        assertThat(lines).as(id + " lines").isEqualTo(wanted);
        actual.get("lines").forEach(l -> assertThat(l.get("note").asText()).as(id + " note").isNotBlank());
    }
}
