package ru.ccbilling.serviceevent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/** One-time services are priced by the tariff's one-time services table and stored once. */
@PlatformTest
class ServiceEventApiTest {

    @LocalServerPort
    int port;

    @Test
    void smsEmailAndFaxArePricedPerUnit() {
        String source = "se-" + System.nanoTime();
        String batch = """
            {"events":[
              {"source":"%1$s","eventId":"1","service":"SMS","account":"ACC-1001","time":"2026-03-10T10:00:00+03:00","quantity":3},
              {"source":"%1$s","eventId":"2","service":"EMAIL","account":"ACC-1001","time":"2026-03-10T10:00:00+03:00"},
              {"source":"%1$s","eventId":"3","service":"FAX","account":"ACC-1002","time":"2026-03-10T10:00:00+03:00","quantity":7},
              {"source":"%1$s","eventId":"4","service":"FAX","account":"ACC-9999","time":"2026-03-10T10:00:00+03:00"},
              {"source":"%1$s","eventId":"5","service":"PIGEON","account":"ACC-1001","time":"soon","quantity":0},
              {"source":"%1$s","eventId":"6","service":"SMS","account":"ACC-1001","time":"2025-12-31T10:00:00+03:00"}
            ]}
            """.formatted(source);
        Api api = Api.as(port, "admin", "admin");
        JsonNode results = api.post("/api/v1/service-events", batch).body().get("results");
        assertThat(results.get(0).get("amount").asText()).isEqualTo("7.50");
        assertThat(results.get(1).get("amount").asText()).isEqualTo("0.50");
        assertThat(results.get(2).get("amount").asText()).isEqualTo("28.00");
        assertThat(results.get(3).get("reason").asText()).isEqualTo("UNKNOWN_ACCOUNT");
        assertThat(results.get(4).get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(results.get(4).get("errors").findValuesAsText("field")).containsExactly("service", "time", "quantity");
        assertThat(results.get(4).get("errors").findValuesAsText("message")).containsExactly("допустимые значения: SMS, EMAIL, FAX",
                "ожидается время ISO-8601 со смещением, например 2026-03-10T10:15:00+03:00", "ожидается целое число от 1 до 1000000");
        assertThat(results.get(5).get("reason").asText()).isEqualTo("NO_TARIFF");

        JsonNode again = api.post("/api/v1/service-events", batch).body().get("results");
        JsonNode inEnglish = api.inEnglish().post("/api/v1/service-events", batch).body().get("results");
        assertThat(inEnglish.get(4).get("errors").findValuesAsText("message")).containsExactly("must be one of SMS, EMAIL, FAX",
                "must be ISO-8601 with an offset, e.g. 2026-03-10T10:15:00+03:00", "must be a whole number from 1 to 1000000");
        assertThat(again.get(0).get("outcome").asText()).isEqualTo("DUPLICATE");
        JsonNode listed = Api.as(port, "finance", "finance").get("/api/v1/service-events?account=ACC-1002&size=1000").body();
        assertThat(listed.get("items").findValuesAsText("eventId")).contains("3");
    }
}
