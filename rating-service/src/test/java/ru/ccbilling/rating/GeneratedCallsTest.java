package ru.ccbilling.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.ccbilling.Api;

/**
 * Thousands of calls generated at random (durations around every threshold of the sheet, all call types,
 * holidays, nights, unknown numbers, operators and trunks; and the services of section 7 with their participants,
 * surveys and time zones) are rated by the engine with the shipped tariff
 * and compared, line by line, with {@link ReferenceTariffOracle}, written from the tariff sheet alone.
 */
public class GeneratedCallsTest {

    private static final String[] CALLERS = {"7916", "7903", "7495", "7499", "7383", "7343", "7812", "7727", "380", "44", "7"};
    private static final String[] CALLED = {"78005553535", "78005553535", "78001002030", "78009990000"};
    private static final String[] DESTINATIONS = {"7495", "7499", "7926", "7343", "375", "1212", "44", "7"};
    private static final String[] OPERATORS = {"OP-101", "OP-102", "OP-201", "OP-202", "OP-301", "OP-101", "OP-202", "OP-999"};
    private static final String[] TRUNKS = {"TRUNK-A", "TRUNK-B", "TRUNK-A", "TRUNK-B", "TRUNK-Z", null};
    private static final String[] ACCOUNTS = {"ACC-1001", "ACC-1002", "ACC-1001", "ACC-9999"};

    private static final String[] OFFICE_NUMBERS = {"74951230000", "74951230001", "74951230001", "73833120000"};
    private static final String[] SERVICES = {"VIRTUAL_OFFICE", "CONFERENCE", "SURVEY", "INFORMING"};
    private static final ZoneOffset[] OFFSETS = {ZoneOffset.ofHours(3), ZoneOffset.UTC, ZoneOffset.ofHours(7),
            ZoneOffset.ofHours(-5), ZoneOffset.ofHoursMinutes(5, 30)};

    private final RatingEngine engine = DemoReference.engine();

    @Test
    void tenThousandGeneratedCallsAgreeWithTheTariffSheet() {
        Random random = new Random(20261126);
        int rated = 0;
        for (int i = 0; i < 10_000; i++) {
            rated += agreesWithTheSheet(randomCall(random, i)) ? 1 : 0;
        }
        assertThat(rated).as("a good share of generated calls is rated, not rejected").isGreaterThan(3_000);
    }

    @Test
    void tenThousandGeneratedCallsOfTheServicesAgreeWithTheTariffSheet() {
        Random random = new Random(20261205);
        Map<String, Integer> ratedByType = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            ObjectNode call = randomServiceCall(random, i);
            if (agreesWithTheSheet(call)) {
                ratedByType.merge(call.get("callType").asText(), 1, Integer::sum);
            }
        }
        for (String type : SERVICES) {
            assertThat(ratedByType.getOrDefault(type, 0)).as("rated " + type + " calls").isGreaterThan(800);
        }
    }

    /** rates the call with the engine and with the oracle, line by line; whether it was rated */
    private boolean agreesWithTheSheet(ObjectNode json) {
        CdrReader.Read read = CdrReader.read(json);
        assertThat(read.problems()).as(json.toString()).isEmpty();
        Cdr cdr = read.cdr();
        List<String> expected = ReferenceTariffOracle.price(cdr);
        RatingResult result = engine.rate(cdr);
        List<String> actual = new ArrayList<>();
        if (result instanceof RatingResult.Rated r) {
            r.lines().forEach(l -> actual.add(l.component() + " " + l.amount().toPlainString()));
        } else {
            actual.add("REJECTED " + ((RatingResult.Rejected) result).reason());
        }
        assertThat(actual).as(cdr.raw().toString()).isEqualTo(expected);
        return result instanceof RatingResult.Rated;
    }

    /**
     * a random call of a service of section 7: virtual-office numbers held or not, forwarded out or not, conferences
     * of 1 to 50 participants in and out, surveys completed or not, informing calls; trunks known, unknown or
     * missing; start times in several time zones; never malformed
     */
    public static ObjectNode randomServiceCall(Random random, int i) {
        ObjectNode call = Api.json().createObjectNode();
        String type = SERVICES[random.nextInt(SERVICES.length)];
        call.put("source", "gen-services").put("cdrId", "s" + i).put("callType", type);
        long from = OffsetDateTime.parse("2025-12-30T00:00:00+03:00").toEpochSecond();
        long to = OffsetDateTime.parse("2027-01-01T00:00:00+03:00").toEpochSecond();
        Instant start = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
        call.put("startTime", start.atOffset(OFFSETS[random.nextInt(OFFSETS.length)]).toString());
        call.put("caller", number(CALLERS[random.nextInt(CALLERS.length)], random));
        if (!type.equals("VIRTUAL_OFFICE")) {
            call.put("accountCode", ACCOUNTS[random.nextInt(ACCOUNTS.length)]);
        }
        switch (type) {
            case "VIRTUAL_OFFICE" -> {
                call.put("called", OFFICE_NUMBERS[random.nextInt(OFFICE_NUMBERS.length)]);
                if (random.nextBoolean()) {
                    call.put("forwardedTo", number(DESTINATIONS[random.nextInt(DESTINATIONS.length)], random));
                    trunk(call, random);
                } else if (random.nextInt(4) == 0) {
                    call.put("trunk", "TRUNK-Z"); // a trunk on a call not forwarded out is not used
                }
            }
            case "CONFERENCE" -> {
                ArrayNode participants = call.putArray("participants");
                int count = random.nextInt(10) == 0 ? 1 + random.nextInt(50) : 1 + random.nextInt(5);
                for (int p = 0; p < count; p++) {
                    ObjectNode participant = participants.addObject();
                    boolean out = random.nextInt(3) == 0;
                    participant.put("number", out ? number(DESTINATIONS[random.nextInt(DESTINATIONS.length - 1)], random)
                            : number(CALLERS[random.nextInt(CALLERS.length)], random));
                    participant.put("direction", out ? "DIAL_OUT" : "DIAL_IN").put("durationSec", duration(random));
                    if (out ? random.nextInt(40) != 0 : random.nextInt(5) == 0) {
                        participant.put("trunk", random.nextInt(40) == 0 ? "TRUNK-Z" : TRUNKS[random.nextInt(4)]);
                    }
                }
            }
            default -> {
                call.put("called", number(DESTINATIONS[random.nextInt(DESTINATIONS.length)], random));
                trunk(call, random);
            }
        }
        if (!type.equals("CONFERENCE")) {
            stages(call, random);
        }
        int seconds = 0;
        for (var stage : call.path("stages")) {
            seconds += stage.get("durationSec").asInt();
        }
        if (type.equals("SURVEY") && seconds > 0 && random.nextBoolean()) {
            call.put("surveyCompleted", true);
        } else if (random.nextInt(5) == 0) {
            call.put("surveyCompleted", false);
        }
        return call;
    }

    private static void trunk(ObjectNode call, Random random) {
        String trunk = TRUNKS[random.nextInt(TRUNKS.length)];
        if (trunk != null) {
            call.put("trunk", trunk);
        }
    }

    /** a random call of any type, about half of them rejected for one reason or another; never malformed */
    public static ObjectNode randomCall(Random random, int i) {
        ObjectNode call = Api.json().createObjectNode();
        String type = List.of("INBOUND_800", "INBOUND_800", "OUTBOUND", "FORWARD").get(random.nextInt(4));
        call.put("source", "gen").put("cdrId", "g" + i).put("callType", type);
        long from = OffsetDateTime.parse("2025-12-30T00:00:00+03:00").toEpochSecond();
        long to = OffsetDateTime.parse("2027-01-01T00:00:00+03:00").toEpochSecond();
        Instant start = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
        ZoneOffset offset = random.nextBoolean() ? ZoneOffset.ofHours(3) : ZoneOffset.UTC;
        call.put("startTime", start.atOffset(offset).toString());
        call.put("caller", number(CALLERS[random.nextInt(CALLERS.length)], random));
        if (type.equals("OUTBOUND")) {
            call.put("called", number(DESTINATIONS[random.nextInt(DESTINATIONS.length)], random));
            call.put("accountCode", ACCOUNTS[random.nextInt(ACCOUNTS.length)]);
        } else {
            call.put("called", CALLED[random.nextInt(CALLED.length)]);
        }
        if (!type.equals("INBOUND_800")) {
            String trunk = TRUNKS[random.nextInt(TRUNKS.length)];
            if (trunk != null) {
                call.put("trunk", trunk);
            }
        }
        if (type.equals("FORWARD")) {
            call.put("forwardedTo", number(DESTINATIONS[random.nextInt(DESTINATIONS.length)], random));
        }
        stages(call, random);
        return call;
    }

    private static void stages(ObjectNode call, Random random) {
        ArrayNode stages = call.putArray("stages");
        int count = 1 + random.nextInt(4);
        for (int s = 0; s < count; s++) {
            ObjectNode stage = stages.addObject();
            String stageType = List.of("IVR", "OPERATOR", "POST").get(random.nextInt(3));
            stage.put("type", stageType).put("durationSec", duration(random));
            if (stageType.equals("OPERATOR")) {
                stage.put("operatorId", OPERATORS[random.nextInt(OPERATORS.length)]);
            }
        }
    }

    /** durations cluster around the thresholds of the sheet: 0, 3 s, 10 s, 30 s, minutes */
    private static int duration(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextInt(13);
            case 1 -> 25 + random.nextInt(12);
            case 2 -> 55 + random.nextInt(12);
            case 3 -> 115 + random.nextInt(12);
            default -> random.nextInt(1800);
        };
    }

    private static String number(String prefix, Random random) {
        int length = prefix.startsWith("7") && !prefix.equals("7") ? 11 : prefix.equals("7") ? 1 + random.nextInt(12) : 12;
        StringBuilder out = new StringBuilder(prefix);
        while (out.length() < length) {
            out.append(random.nextInt(10));
        }
        return out.toString();
    }
}
