package ru.ccbilling.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.ccbilling.Api;

/**
 * Thousands of calls generated at random (durations around every threshold of the sheet, all call types,
 * holidays, nights, unknown numbers, operators and trunks) are rated by the engine with the shipped tariff
 * and compared, line by line, with {@link ReferenceTariffOracle}, written from the tariff sheet alone.
 */
public class GeneratedCallsTest {

    private static final String[] CALLERS = {"7916", "7903", "7495", "7499", "7383", "7343", "7812", "7727", "380", "44", "7"};
    private static final String[] CALLED = {"78005553535", "78005553535", "78001002030", "78009990000"};
    private static final String[] DESTINATIONS = {"7495", "7499", "7926", "7343", "375", "1212", "44", "7"};
    private static final String[] OPERATORS = {"OP-101", "OP-102", "OP-201", "OP-202", "OP-301", "OP-101", "OP-202", "OP-999"};
    private static final String[] TRUNKS = {"TRUNK-A", "TRUNK-B", "TRUNK-A", "TRUNK-B", "TRUNK-Z", null};
    private static final String[] ACCOUNTS = {"ACC-1001", "ACC-1002", "ACC-1001", "ACC-9999"};

    private final RatingEngine engine = DemoReference.engine();

    @Test
    void tenThousandGeneratedCallsAgreeWithTheTariffSheet() {
        Random random = new Random(20261126);
        int rated = 0;
        for (int i = 0; i < 10_000; i++) {
            Cdr cdr = CdrReader.read(randomCall(random, i)).cdr();
            List<String> expected = ReferenceTariffOracle.price(cdr);
            RatingResult result = engine.rate(cdr);
            List<String> actual = new ArrayList<>();
            if (result instanceof RatingResult.Rated r) {
                r.lines().forEach(l -> actual.add(l.component() + " " + l.amount().toPlainString()));
                rated++;
            } else {
                actual.add("REJECTED " + ((RatingResult.Rejected) result).reason());
            }
            assertThat(actual).as(cdr.raw().toString()).isEqualTo(expected);
        }
        assertThat(rated).as("a good share of generated calls is rated, not rejected").isGreaterThan(3_000);
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
        return call;
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
