package ru.ccbilling.benchmarks;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.ccbilling.account.Account;
import ru.ccbilling.rating.Cdr;
import ru.ccbilling.rating.CdrReader;
import ru.ccbilling.rating.HeldNumbers;
import ru.ccbilling.rating.RatingEngine;
import ru.ccbilling.rating.RatingReference;
import ru.ccbilling.rating.RatingResult;
import ru.ccbilling.rating.RejectReason;
import ru.ccbilling.reference.PrefixTable;
import ru.ccbilling.rules.CompiledTariff;
import ru.ccbilling.rules.ShippedTariff;
import ru.ccbilling.rules.TariffCompiler;
import ru.ccbilling.tariff.TariffVersionRef;
import ru.ccbilling.tariff.TariffVersions;

/**
 * The rating engine as the service runs it, without Spring or a database: the shipped CC-STANDARD-2026 tariff,
 * compiled once, and a fixed reference snapshot holding the demo data of the tariff sheet (sections 1 and 3).
 * Also generates a realistic, reproducible mix of CDRs, each read by {@link CdrReader} as the API would read it.
 */
public final class RatingFixture {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String NUMBER_ACC_1001 = "78005553535";
    static final String NUMBER_ACC_1002 = "78001002030";
    /** the virtual-office numbers of the tariff sheet's section 7.1 */
    static final String OFFICE_ACC_1001 = "74951230001";
    static final String OFFICE_ACC_1002 = "74951230000";
    static final OffsetDateTime TARIFF_EFFECTIVE = OffsetDateTime.parse("2026-01-01T00:00+03:00");

    private static final LocalDate FROM_2026 = LocalDate.of(2026, 1, 1);
    private static final List<String> OPERATORS = List.of("OP-101", "OP-102", "OP-201", "OP-202", "OP-301");
    private static final List<String> TRUNKS = List.of("TRUNK-A", "TRUNK-B");
    /** ABC codes of regions other than Moscow: St Petersburg, Novosibirsk, Yekaterinburg, Kazan, Krasnodar... */
    private static final List<String> OTHER_REGIONS = List.of("812", "383", "343", "843", "861", "846", "863", "391",
            "351", "473", "4212", "423");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private RatingFixture() { }

    // ---------------------------------------------------------------- the engine

    public static RatingReference demoReference() {
        Account acc1001 = new Account("ACC-1001", "ООО «Ромашка»",
                Set.of(new Account.TariffAssignment(ShippedTariff.CODE, FROM_2026, null)),
                Set.of(new Account.DedicatedOperator("OP-101", FROM_2026, null),
                        new Account.DedicatedOperator("OP-201", FROM_2026, null)));
        Account acc1002 = new Account("ACC-1002", "АО «Вектор»",
                Set.of(new Account.TariffAssignment(ShippedTariff.CODE, FROM_2026, null)), Set.of());
        PrefixTable destinations = new PrefixTable(Map.of("7495", "MOSCOW_FIXED", "7499", "MOSCOW_FIXED",
                "79", "RU_MOBILE", "7", "RU_INTERCITY", "375", "BELARUS", "1", "NORTH_AMERICA"));
        PrefixTable origins = new PrefixTable(Map.of("79", "MOBILE", "7495", "LOCAL", "7499", "LOCAL", "7", "INTERCITY"));
        Set<LocalDate> holidays = Set.of("01-01", "01-02", "01-05", "01-06", "01-07", "01-08", "01-09", "02-23", "03-09",
                "05-01", "05-11", "06-12", "11-04", "12-31").stream()
                .map(d -> LocalDate.parse("2026-" + d)).collect(java.util.stream.Collectors.toSet());
        return new RatingReference(
                Map.of("ACC-1001", acc1001, "ACC-1002", acc1002),
                Map.of(NUMBER_ACC_1001, "ACC-1001", NUMBER_ACC_1002, "ACC-1002"),
                Map.of("OP-101", "MSK", "OP-102", "MSK", "OP-201", "NSK", "OP-202", "NSK", "OP-301", "REMOTE"),
                Set.copyOf(TRUNKS), destinations, origins, holidays, new HeldNumbers.Builder()
                        .add(OFFICE_ACC_1001, new HeldNumbers.Holding("ACC-1001", FROM_2026, null))
                        .add(OFFICE_ACC_1002, new HeldNumbers.Holding("ACC-1002", FROM_2026, null)).build());
    }

    /** CC-STANDARD-2026 version 1, in force from 2026-01-01 Moscow time. */
    public static TariffVersions tariffVersions(CompiledTariff compiled) {
        TariffVersionRef v1 = new TariffVersionRef(ShippedTariff.CODE, 1, TARIFF_EFFECTIVE, compiled);
        return new TariffVersions() {
            @Override
            public Optional<TariffVersionRef> inForce(String code, java.time.Instant at) {
                return code.equals(v1.code()) && !at.isBefore(v1.effectiveFrom().toInstant())
                        ? Optional.of(v1) : Optional.empty();
            }

            @Override
            public Optional<TariffVersionRef> version(String code, int version) {
                return code.equals(v1.code()) && version == v1.version() ? Optional.of(v1) : Optional.empty();
            }
        };
    }

    /** Compiles the shipped tariff (seconds: do it once) and builds the engine around it. */
    public static RatingEngine newEngine() {
        CompiledTariff compiled = new TariffCompiler().compile(ShippedTariff.models());
        RatingReference reference = demoReference();
        return new RatingEngine(() -> reference, tariffVersions(compiled), number -> Optional.empty());
    }

    // ---------------------------------------------------------------- the golden case

    /** Golden case g01 of the tariff sheet: rated for ACC-1001 at 91.68. */
    public static final String GOLDEN_G01 = """
            {"source":"pbx-msk-1","cdrId":"g01","callType":"INBOUND_800","startTime":"2026-03-10T10:15:00+03:00",
             "caller":"79161234567","called":"78005553535",
             "stages":[{"type":"IVR","durationSec":35},{"type":"OPERATOR","durationSec":200,"operatorId":"OP-102"},
                       {"type":"POST","durationSec":60}]}""";

    /** Fails unless the engine rates the golden case g01 exactly as the tariff sheet says. */
    public static void checkGolden(RatingEngine engine) {
        RatingResult result = engine.rate(read(parse(GOLDEN_G01)));
        if (!(result instanceof RatingResult.Rated rated) || !rated.account().equals("ACC-1001")
                || !rated.total().amount().toPlainString().equals("91.68") || rated.lines().size() != 4) {
            throw new IllegalStateException("the engine does not rate golden case g01 as 91.68 for ACC-1001: " + result);
        }
    }

    // ---------------------------------------------------------------- the CDRs

    /** What a generated mix holds, to check it is the mix it claims to be. */
    public record MixStats(Map<Cdr.CallType, Integer> byType, int rated, Map<RejectReason, Integer> rejected) {
        @Override
        public String toString() {
            int total = rated + rejected.values().stream().mapToInt(Integer::intValue).sum();
            return "%d CDRs %s, rated %d (%.1f%%), rejected %s".formatted(total, byType, rated, 100.0 * rated / total,
                    rejected);
        }
    }

    public static MixStats stats(RatingEngine engine, Cdr[] cdrs) {
        Map<Cdr.CallType, Integer> byType = new EnumMap<>(Cdr.CallType.class);
        Map<RejectReason, Integer> rejected = new TreeMap<>();
        int rated = 0;
        for (Cdr cdr : cdrs) {
            byType.merge(cdr.callType(), 1, Integer::sum);
            RatingResult result = engine.rate(cdr);
            if (result instanceof RatingResult.Rejected r) {
                rejected.merge(r.reason(), 1, Integer::sum);
            } else {
                rated++;
            }
        }
        return new MixStats(byType, rated, rejected);
    }

    /**
     * The realistic mix: about 55% INBOUND_800, 27% OUTBOUND, 8% FORWARD and the other services of section 7
     * (4% VIRTUAL_OFFICE, 2% each CONFERENCE, SURVEY, INFORMING), spread over 2026 (days, nights,
     * weekends, holidays), with about 2% that the engine rejects (an unknown operator or trunk).
     */
    public static Cdr[] mix(int count, long seed) {
        List<ObjectNode> records = mixRecords(count, seed);
        Cdr[] cdrs = new Cdr[count];
        for (int i = 0; i < count; i++) {
            cdrs[i] = read(records.get(i));
        }
        return cdrs;
    }

    /** the mix of before the other services: 60% INBOUND_800, 30% OUTBOUND, 10% FORWARD (the yardstick) */
    public static Cdr[] hotlinesAndOutbound(int count, long seed) {
        Random random = new Random(seed);
        Cdr[] cdrs = new Cdr[count];
        for (int i = 0; i < count; i++) {
            double kind = random.nextDouble();
            cdrs[i] = read(kind < 0.60 ? inbound(random, i) : kind < 0.90 ? outbound(random, i) : forward(random, i));
        }
        return cdrs;
    }

    /** the realistic mix as JSON records, as a client sends them (cdrId i0, o1, f2...) */
    public static List<ObjectNode> mixRecords(int count, long seed) {
        Random random = new Random(seed);
        List<ObjectNode> records = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double kind = random.nextDouble();
            records.add(kind < 0.55 ? inbound(random, i) : kind < 0.82 ? outbound(random, i)
                    : kind < 0.90 ? forward(random, i) : kind < 0.94 ? virtualOffice(random, i)
                    : kind < 0.96 ? conference(random, i) : kind < 0.98 ? survey(random, i) : informing(random, i));
        }
        return records;
    }

    /** Short INBOUND_800 calls only: an IVR under 30 s, sometimes a short operator stage; no rejections. */
    public static Cdr[] shortInbound(int count, long seed) {
        Random random = new Random(seed);
        Cdr[] cdrs = new Cdr[count];
        for (int i = 0; i < count; i++) {
            ObjectNode node = header(random, "s" + i, "INBOUND_800");
            node.put("caller", caller(random));
            node.put("called", random.nextInt(3) == 0 ? NUMBER_ACC_1002 : NUMBER_ACC_1001);
            ArrayNode stages = node.putArray("stages");
            stage(stages, "IVR", random.nextInt(31), null);
            if (random.nextInt(3) == 0) {
                stage(stages, "OPERATOR", 5 + random.nextInt(56), pick(random, OPERATORS));
            }
            cdrs[i] = read(node);
        }
        return cdrs;
    }

    private static ObjectNode inbound(Random random, int i) {
        ObjectNode node = header(random, "i" + i, "INBOUND_800");
        node.put("caller", caller(random));
        node.put("called", random.nextInt(5) < 3 ? NUMBER_ACC_1001 : NUMBER_ACC_1002);
        ArrayNode stages = node.putArray("stages");
        double shape = random.nextDouble();
        if (shape < 0.15) {
            // abandoned in the IVR, often within a few seconds
            stage(stages, "IVR", random.nextBoolean() ? random.nextInt(12) : ivrSeconds(random), null);
            return node;
        }
        boolean ivr = shape < 0.85;
        if (ivr) {
            stage(stages, "IVR", ivrSeconds(random), null);
        }
        stage(stages, "OPERATOR", operatorSeconds(random), operator(random));
        int room = 4 - stages.size();
        if (room >= 2 && random.nextDouble() < 0.12) {
            stage(stages, "OPERATOR", operatorSeconds(random), operator(random)); // a transfer
        }
        if (stages.size() < 4 && random.nextDouble() < 0.70) {
            stage(stages, "POST", postSeconds(random), null);
        }
        return node;
    }

    private static ObjectNode outbound(Random random, int i) {
        ObjectNode node = header(random, "o" + i, "OUTBOUND");
        node.put("caller", random.nextBoolean() ? NUMBER_ACC_1001.replace("7800", "7495") : "74997001020");
        node.put("called", destination(random));
        node.put("accountCode", random.nextInt(5) < 3 ? "ACC-1001" : "ACC-1002");
        node.put("trunk", trunk(random));
        ArrayNode stages = node.putArray("stages");
        double shape = random.nextDouble();
        if (shape < 0.10) {
            stage(stages, "IVR", random.nextInt(61), null); // an automated notification call
        } else if (shape < 0.25) {
            stage(stages, "OPERATOR", random.nextInt(31), operator(random)); // not answered or a few seconds
        } else {
            stage(stages, "OPERATOR", operatorSeconds(random), operator(random));
            if (random.nextDouble() < 0.05) {
                stage(stages, "OPERATOR", operatorSeconds(random), operator(random));
            }
            if (random.nextDouble() < 0.60) {
                stage(stages, "POST", postSeconds(random), null);
            }
        }
        return node;
    }

    private static ObjectNode forward(Random random, int i) {
        ObjectNode node = header(random, "f" + i, "FORWARD");
        node.put("caller", caller(random));
        node.put("called", random.nextInt(5) < 3 ? NUMBER_ACC_1001 : NUMBER_ACC_1002);
        node.put("forwardedTo", destination(random));
        node.put("trunk", trunk(random));
        ArrayNode stages = node.putArray("stages");
        stage(stages, "IVR", ivrSeconds(random), null);
        if (random.nextDouble() < 0.40) {
            stage(stages, "OPERATOR", operatorSeconds(random), operator(random)); // an operator forwards the call
            if (random.nextDouble() < 0.30) {
                stage(stages, "POST", postSeconds(random), null);
            }
        } else {
            // forwarded from the IVR menu; the forwarded leg itself is a long IVR-routed stage
            stage(stages, "IVR", 5 + random.nextInt(900), null);
        }
        return node;
    }

    /** a call into a virtual-office number: an 8-800-like call, sometimes forwarded to an employee's phone */
    private static ObjectNode virtualOffice(Random random, int i) {
        ObjectNode node = inbound(random, i);
        node.put("cdrId", "v" + i);
        node.put("callType", "VIRTUAL_OFFICE");
        node.put("called", random.nextInt(5) < 3 ? OFFICE_ACC_1001 : OFFICE_ACC_1002);
        if (random.nextDouble() < 0.20) {
            node.put("forwardedTo", destination(random));
            node.put("trunk", trunk(random));
        }
        return node;
    }

    /** an audio conference of 2 to 12 participants, most dialling in, some called out by the bridge */
    private static ObjectNode conference(Random random, int i) {
        ObjectNode node = header(random, "c" + i, "CONFERENCE");
        node.put("caller", OFFICE_ACC_1001);
        node.put("accountCode", random.nextInt(5) < 3 ? "ACC-1001" : "ACC-1002");
        ArrayNode participants = node.putArray("participants");
        int count = 2 + random.nextInt(11);
        for (int p = 0; p < count; p++) {
            ObjectNode participant = participants.addObject();
            boolean out = random.nextDouble() < 0.30;
            participant.put("number", out ? destination(random) : caller(random));
            participant.put("direction", out ? "DIAL_OUT" : "DIAL_IN");
            participant.put("durationSec", random.nextDouble() < 0.05 ? random.nextInt(4) : 60 + random.nextInt(3540));
            if (out) {
                participant.put("trunk", trunk(random));
            }
        }
        return node;
    }

    /** a phone survey: a questionnaire in the IVR, sometimes with an operator; completed in about half */
    private static ObjectNode survey(Random random, int i) {
        ObjectNode node = header(random, "q" + i, "SURVEY");
        node.put("caller", "74997001020");
        node.put("called", destination(random));
        node.put("accountCode", random.nextInt(5) < 3 ? "ACC-1001" : "ACC-1002");
        node.put("trunk", trunk(random));
        ArrayNode stages = node.putArray("stages");
        int ivr = random.nextDouble() < 0.25 ? random.nextInt(20) : 30 + random.nextInt(270);
        stage(stages, "IVR", ivr, null);
        if (random.nextDouble() < 0.15) {
            stage(stages, "OPERATOR", operatorSeconds(random), operator(random));
        }
        node.put("surveyCompleted", ivr >= 30 && random.nextBoolean());
        return node;
    }

    /** an automatic informing call: a recorded message, answered or not; a few reach an operator */
    private static ObjectNode informing(Random random, int i) {
        ObjectNode node = header(random, "n" + i, "INFORMING");
        node.put("caller", "74997001020");
        node.put("called", destination(random));
        node.put("accountCode", random.nextInt(5) < 3 ? "ACC-1001" : "ACC-1002");
        node.put("trunk", trunk(random));
        ArrayNode stages = node.putArray("stages");
        stage(stages, "IVR", random.nextDouble() < 0.30 ? 0 : 10 + random.nextInt(50), null);
        if (random.nextDouble() < 0.05) {
            stage(stages, "OPERATOR", operatorSeconds(random), operator(random));
        }
        return node;
    }

    private static ObjectNode header(Random random, String id, String callType) {
        ObjectNode node = JSON.createObjectNode();
        node.put("source", random.nextInt(4) == 0 ? "pbx-nsk-1" : "pbx-msk-1");
        node.put("cdrId", id);
        node.put("callType", callType);
        node.put("startTime", startTime(random));
        return node;
    }

    /** a start in 2026: busy hours mostly, but nights too; every day of the year, weekends and holidays included */
    private static String startTime(Random random) {
        LocalDate day = FROM_2026.plusDays(random.nextInt(365));
        int second;
        if (random.nextDouble() < 0.78) {
            second = 8 * 3600 + random.nextInt(12 * 3600);         // 08:00-19:59
        } else {
            second = (20 * 3600 + random.nextInt(12 * 3600)) % 86_400; // 20:00-07:59
        }
        LocalDateTime moscow = day.atStartOfDay().plusSeconds(second);
        double offset = random.nextDouble();
        // most PBXs stamp Moscow time; some stamp UTC or Novosibirsk time
        ZoneOffset zone = offset < 0.80 ? ZoneOffset.ofHours(3) : offset < 0.90 ? ZoneOffset.UTC : ZoneOffset.ofHours(7);
        return moscow.atOffset(ZoneOffset.ofHours(3)).withOffsetSameInstant(zone).format(ISO);
    }

    /** a caller into 8-800: mobile, Moscow fixed or another region */
    private static String caller(Random random) {
        double kind = random.nextDouble();
        if (kind < 0.55) {
            return "79" + digits(random, 9);
        }
        if (kind < 0.75) {
            return (random.nextInt(3) == 0 ? "7499" : "7495") + digits(random, 7);
        }
        String code = pick(random, OTHER_REGIONS);
        return "7" + code + digits(random, 10 - code.length());
    }

    /** a number called out or forwarded to, across every destination class */
    private static String destination(Random random) {
        double kind = random.nextDouble();
        if (kind < 0.25) {
            return (random.nextBoolean() ? "7495" : "7499") + digits(random, 7);
        }
        if (kind < 0.60) {
            return "79" + digits(random, 9);
        }
        if (kind < 0.85) {
            String code = pick(random, OTHER_REGIONS);
            return "7" + code + digits(random, 10 - code.length());
        }
        if (kind < 0.93) {
            return "375" + (random.nextBoolean() ? "29" : "17") + digits(random, 7);
        }
        return "1" + (200 + random.nextInt(800)) + digits(random, 7);
    }

    private static String operator(Random random) {
        return random.nextDouble() < 0.01 ? "OP-" + (900 + random.nextInt(100)) : pick(random, OPERATORS);
    }

    private static String trunk(Random random) {
        return random.nextDouble() < 0.025 ? "TRUNK-X" : pick(random, TRUNKS);
    }

    private static int ivrSeconds(Random random) {
        return Math.min(120, (int) Math.round(Math.abs(random.nextGaussian()) * 40));
    }

    /** talk time: log-normal, median about 2.5 minutes, 5 to 900 s */
    private static int operatorSeconds(Random random) {
        double seconds = Math.exp(Math.log(150) + 0.8 * random.nextGaussian());
        return (int) Math.max(5, Math.min(900, Math.round(seconds)));
    }

    private static int postSeconds(Random random) {
        return random.nextDouble() < 0.10 ? 0 : 1 + random.nextInt(120);
    }

    private static void stage(ArrayNode stages, String type, int seconds, String operatorId) {
        ObjectNode stage = stages.addObject();
        stage.put("type", type);
        stage.put("durationSec", seconds);
        if (operatorId != null) {
            stage.put("operatorId", operatorId);
        }
    }

    private static String digits(Random random, int count) {
        char[] digits = new char[count];
        for (int i = 0; i < count; i++) {
            digits[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(digits);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** as the API reads it: a generated record that intake would refuse is a bug of the generator */
    static Cdr read(JsonNode node) {
        CdrReader.Read read = CdrReader.read(node);
        if (!read.ok()) {
            throw new IllegalStateException("intake refuses a generated CDR " + node + ": " + read.problems());
        }
        return read.cdr();
    }
}
