package ru.ccbilling.tariff;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;

/** Steps tariff tests share: drafts, the mobile peak rate edit, simulated calls. */
final class TariffFixtures {

    static final String TARIFF = "CC-STANDARD-2026";
    static final String MOBILE_PEAK_RATE = "<outputEntry id=\"NetworkMinute_r5_o\"><text>2.90</text></outputEntry>";

    private TariffFixtures() { }

    static int draftFrom(Api api, String tariff, int basedOn) {
        Api.Response created = api.post("/api/v1/tariffs/" + tariff + "/versions", Map.of("basedOn", basedOn));
        if (created.status() != 201) {
            throw new AssertionError("draft not created: " + created.raw());
        }
        return created.body().get("version").asInt();
    }

    static String model(Api api, String tariff, int version, String name) {
        for (JsonNode model : api.get("/api/v1/tariffs/" + tariff + "/versions/" + version).body().get("models")) {
            if (model.get("name").asText().equals(name)) {
                return model.get("content").asText();
            }
        }
        throw new AssertionError("no model " + name);
    }

    static Api.Response put(Api api, String tariff, int version, String name, String kind, String content) {
        return api.put("/api/v1/tariffs/" + tariff + "/versions/" + version + "/models/" + name,
                Map.of("kind", kind, "content", content));
    }

    static String withMobilePeakRate(String networkMinuteDmn, String rate) {
        if (!networkMinuteDmn.contains(MOBILE_PEAK_RATE)) {
            throw new AssertionError("the mobile peak row is not where the test expects it");
        }
        return networkMinuteDmn.replace(MOBILE_PEAK_RATE, MOBILE_PEAK_RATE.replace("2.90", rate));
    }

    static String mobileCall(String id, String startTime) {
        return """
            {"source":"tariff-test","cdrId":"%s","callType":"INBOUND_800","startTime":"%s","caller":"79161234567",
             "called":"78005553535","stages":[{"type":"IVR","durationSec":60}]}
            """.formatted(id, startTime);
    }

    /** the NETWORK amount of a simulated 60 s mobile call, i.e. the mobile rate in force at that time */
    static String networkAmount(Api api, String startTime) {
        JsonNode result = api.post("/api/v1/rating/simulate", "{\"records\":[" + mobileCall("n", startTime) + "]}")
                .body().get("results").get(0);
        return result.get("lines").get(0).get("amount").asText();
    }
}
