package ru.ccbilling.cdrimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * Mappings are data: a tariff manager reads, writes and deletes them through the API, a definition that cannot
 * work is refused naming the field, and an import uses the mapping as it is stored.
 */
@PlatformTest
class CdrMappingApiTest {

    @LocalServerPort
    int port;

    private Api manager() {
        return Api.as(port, "manager", "manager");
    }

    private Api.Response delete(Api api, String path) {
        return api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).DELETE());
    }

    private ObjectNode shippedAsterisk() {
        Api.Response response = manager().get("/api/v1/cdr-mappings/asterisk-default");
        assertThat(response.status()).isEqualTo(200);
        return (ObjectNode) response.body();
    }

    @Test
    void theShippedMappingsAreListedAndReadable() {
        JsonNode all = Api.withApiKey(port).get("/api/v1/cdr-mappings").body();
        assertThat(all.findValuesAsText("name")).contains("asterisk-default", "freeswitch-default");
        ObjectNode asterisk = shippedAsterisk();
        assertThat(asterisk.get("format").asText()).isEqualTo("ASTERISK_CSV");
        assertThat(asterisk.get("definition").get("fields").get("trunk").get("regex").asText()).isEqualTo("^SIP/(TRUNK-[A-Z])-");
        // written as a person wrote it: the keys keep their order
        assertThat(asterisk.get("definition").fieldNames().next()).isEqualTo("timeZone");
        assertThat(manager().get("/api/v1/cdr-mappings/freeswitch-default").body().get("format").asText())
                .isEqualTo("FREESWITCH_CSV");
        assertThat(manager().get("/api/v1/cdr-mappings/no-such").status()).isEqualTo(404);
    }

    @Test
    void aManagerWritesAMappingThatAnImportUsesAndDeletesIt() {
        String name = "asterisk-utc-" + System.nanoTime();
        ObjectNode mapping = shippedAsterisk();
        mapping.remove("updatedAt");
        mapping.put("name", name).put("description", "Asterisk writing GMT times (usegmtime=yes)");
        ((ObjectNode) mapping.get("definition")).put("timeZone", "UTC");
        Api.Response put = manager().put("/api/v1/cdr-mappings", mapping);
        assertThat(put.status()).as(put.raw()).isEqualTo(200);
        assertThat(put.body().get("updatedAt").asText()).isNotBlank();
        assertThat(manager().get("/api/v1/cdr-mappings/" + name).body().get("definition").get("timeZone").asText())
                .isEqualTo("UTC");

        String source = "pbx-utc-" + System.nanoTime();
        byte[] line = ("\"\",\"79161234567\",\"78005553535\",\"from-trunk\",\"79161234567\",\"SIP/TRUNK-A-00000001\",\"\","
                + "\"BackGround\",\"ivr\",\"2026-03-10 07:15:00\",\"2026-03-10 07:15:00\",\"2026-03-10 07:16:01\",61,61,"
                + "\"ANSWERED\",\"DOCUMENTATION\",\"utc-1\",\"\"\n").getBytes(StandardCharsets.UTF_8);
        JsonNode job = new Imports(port, Api.as(port, "admin", "admin")).importAndWait(name, source, line);
        assertThat(Imports.count(job, "RATED")).isEqualTo(1);
        JsonNode cdr = Api.as(port, "admin", "admin").get("/api/v1/cdrs/" + source + "/utc-1").body();
        assertThat(cdr.get("record").get("startTime").asText()).isEqualTo("2026-03-10T07:15:00Z");

        // PUT by name replaces it; a body naming another mapping is refused
        mapping.put("description", "changed");
        assertThat(manager().put("/api/v1/cdr-mappings/" + name, mapping).body().get("description").asText()).isEqualTo("changed");
        Api.Response otherName = manager().put("/api/v1/cdr-mappings/other-" + name, mapping);
        assertThat(otherName.status()).isEqualTo(400);
        assertThat(otherName.body().get("errors").findValuesAsText("field")).containsExactly("name");

        assertThat(delete(Api.withApiKey(port), "/api/v1/cdr-mappings/" + name).status()).isEqualTo(403);
        assertThat(delete(manager(), "/api/v1/cdr-mappings/" + name).status()).isEqualTo(204);
        assertThat(manager().get("/api/v1/cdr-mappings/" + name).status()).isEqualTo(404);
        assertThat(delete(manager(), "/api/v1/cdr-mappings/" + name).status()).isEqualTo(404);
    }

    @Test
    void aDefinitionThatCannotWorkIsRefusedNamingEachField() {
        ObjectNode mapping = shippedAsterisk();
        mapping.remove("updatedAt");
        mapping.put("name", "broken-" + System.nanoTime());
        ObjectNode definition = (ObjectNode) mapping.get("definition");
        ((ObjectNode) definition.get("fields").get("trunk")).put("regex", "^SIP/(TRUNK-[A-Z]-");
        ((ObjectNode) definition.get("fields").get("caller")).put("from", "source");
        definition.put("timeZone", "Europe/Atlantis");
        ((ObjectNode) definition.get("callType").get("rules").get(0)).put("then", "LOCAL");
        ((ObjectNode) definition.get("stages").get("rules").get(2)).remove("operatorId");
        definition.put("timezone", "UTC");

        Api.Response response = manager().put("/api/v1/cdr-mappings", mapping);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "definition.fields.trunk.regex", "definition.fields.caller.from", "definition.timeZone",
                "definition.callType.rules[0].then", "definition.stages.rules[2].operatorId", "definition.timezone");
        assertThat(response.body().get("detail").asText()).contains("definition.fields.trunk.regex: неверное регулярное выражение");
        assertThat(response.body().get("detail").asText()).contains("definition.timeZone: неизвестный часовой пояс «Europe/Atlantis»");
        Api.Response english = manager().inEnglish().put("/api/v1/cdr-mappings", mapping);
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body().get("errors").findValuesAsText("field"))
                .isEqualTo(response.body().get("errors").findValuesAsText("field"));
        assertThat(english.body().get("detail").asText()).contains("definition.fields.trunk.regex: invalid regular expression")
                .contains("definition.timeZone: unknown time zone 'Europe/Atlantis'");
        assertThat(manager().get("/api/v1/cdr-mappings/" + mapping.get("name").asText()).status()).isEqualTo(404);

        // only tariff managers and administrators write mappings
        mapping.put("name", "by-client-" + System.nanoTime());
        assertThat(Api.withApiKey(port).put("/api/v1/cdr-mappings", shippedAsterisk().put("name", "by-client")).status())
                .isEqualTo(403);
        // the name, the format and the definition are required
        assertThat(manager().put("/api/v1/cdr-mappings", "{\"format\":\"ASTERISK_CSV\",\"definition\":{}}").body()
                .get("errors").findValuesAsText("field")).containsExactly("name");
        assertThat(manager().put("/api/v1/cdr-mappings/x", "{\"definition\":{}}").body()
                .get("errors").findValuesAsText("field")).containsExactly("format");
    }
}
