package ru.ccbilling.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CC-STANDARD-2026 written a second time, plainly, straight from the tariff sheet and with none of the engine's
 * code: the one oracle that generated calls (GeneratedCallsTest) and the benchmarks' mix (RatingFixtureTest) are
 * checked against. Answers "REJECTED reason" or the lines "COMPONENT amount" in order. Section 7 (virtual office,
 * conference, survey, informing) is {@link #priceService}.
 */
public final class ReferenceTariffOracle {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Set<String> HOLIDAYS = Set.of("01-01", "01-02", "01-05", "01-06", "01-07", "01-08", "01-09",
            "02-23", "03-09", "05-01", "05-11", "06-12", "11-04", "12-31");
    private static final Map<String, String> NUMBERS = Map.of("78005553535", "ACC-1001", "78001002030", "ACC-1002");
    /** section 7.1: virtual-office numbers, held from 2026-01-01 */
    private static final Map<String, String> OFFICE_NUMBERS = Map.of("74951230000", "ACC-1002", "74951230001", "ACC-1001");
    private static final LocalDate SERVICES_FROM = LocalDate.of(2026, 1, 1);
    private static final Set<String> ACCOUNTS = Set.of("ACC-1001", "ACC-1002");
    private static final Map<String, String> SITES = Map.of("OP-101", "MSK", "OP-102", "MSK", "OP-201", "NSK",
            "OP-202", "NSK", "OP-301", "REMOTE");
    private static final Map<String, Set<String>> DEDICATED = Map.of("ACC-1001", Set.of("OP-101", "OP-201"));
    private static final Set<String> TRUNKS = Set.of("TRUNK-A", "TRUNK-B");
    private static final Map<String, String> NETWORK = Map.of("LOCAL/PEAK", "1.20", "LOCAL/OFF_PEAK", "0.90",
            "INTERCITY/PEAK", "2.10", "INTERCITY/OFF_PEAK", "1.60", "MOBILE/PEAK", "2.90", "MOBILE/OFF_PEAK", "2.40");
    private static final Map<String, String> OPERATOR = Map.of("MSK", "18.00", "NSK", "12.00", "REMOTE", "9.00");
    private static final Map<String, String> OUTBOUND = Map.ofEntries(
            Map.entry("MOSCOW_FIXED/TRUNK-A", "0.80"), Map.entry("MOSCOW_FIXED/TRUNK-B", "0.95"),
            Map.entry("RU_MOBILE/TRUNK-A", "1.90"), Map.entry("RU_MOBILE/TRUNK-B", "1.70"),
            Map.entry("RU_INTERCITY/TRUNK-A", "1.50"), Map.entry("RU_INTERCITY/TRUNK-B", "1.50"),
            Map.entry("BELARUS/TRUNK-A", "12.00"), Map.entry("BELARUS/TRUNK-B", "11.00"),
            Map.entry("NORTH_AMERICA/TRUNK-A", "6.00"), Map.entry("NORTH_AMERICA/TRUNK-B", "6.50"));

    private ReferenceTariffOracle() { }

    public static List<String> price(Cdr cdr) {
        String type = cdr.callType().name();
        if (List.of("VIRTUAL_OFFICE", "CONFERENCE", "SURVEY", "INFORMING").contains(type)) {
            return priceService(cdr);
        }
        String account = type.equals("OUTBOUND")
                ? (ACCOUNTS.contains(cdr.accountCode()) ? cdr.accountCode() : null) : NUMBERS.get(cdr.called());
        if (account == null) {
            return List.of("REJECTED UNKNOWN_ACCOUNT");
        }
        for (Cdr.Stage s : cdr.stages()) {
            if (s.type() == Cdr.StageType.OPERATOR && !SITES.containsKey(s.operatorId())) {
                return List.of("REJECTED UNKNOWN_OPERATOR");
            }
        }
        if (!type.equals("INBOUND_800") && (cdr.trunk() == null || !TRUNKS.contains(cdr.trunk()))) {
            return List.of("REJECTED UNKNOWN_TRUNK");
        }
        LocalDateTime local = cdr.startTime().atZoneSameInstant(MOSCOW).toLocalDateTime();
        if (local.toLocalDate().isBefore(LocalDate.of(2026, 1, 1))) {
            return List.of("REJECTED NO_TARIFF");
        }
        String origin = null;
        if (!type.equals("OUTBOUND")) {
            String c = cdr.caller();
            if (c.length() != 11 || !c.startsWith("7")) {
                return List.of("REJECTED NO_RATE");
            }
            origin = c.startsWith("79") ? "MOBILE" : c.startsWith("7495") || c.startsWith("7499") ? "LOCAL" : "INTERCITY";
        }
        String destinationClass = null;
        if (!type.equals("INBOUND_800")) {
            String d = type.equals("OUTBOUND") ? cdr.called() : cdr.forwardedTo();
            destinationClass = d.startsWith("7495") || d.startsWith("7499") ? "MOSCOW_FIXED" : d.startsWith("79")
                    ? "RU_MOBILE" : d.startsWith("7") ? "RU_INTERCITY" : d.startsWith("375") ? "BELARUS"
                    : d.startsWith("1") ? "NORTH_AMERICA" : null;
            if (destinationClass == null) {
                return List.of("REJECTED NO_RATE");
            }
        }
        boolean holiday = HOLIDAYS.contains(String.format("%02d-%02d", local.getMonthValue(), local.getDayOfMonth()))
                && local.getYear() == 2026;
        boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
        String band = !holiday && !weekend && local.getHour() >= 8 && local.getHour() < 20 ? "PEAK" : "OFF_PEAK";

        int d = cdr.durationSec();
        List<String> lines = new ArrayList<>();
        if (!type.equals("OUTBOUND")) {
            lines.add("NETWORK " + (d <= 3 ? "0.00" : money(dec(NETWORK.get(origin + "/" + band)).multiply(BigDecimal.valueOf((d + 59) / 60)))));
        }
        if (!type.equals("INBOUND_800")) {
            int billed = d == 0 ? 0 : d <= 30 ? 30 : 30 + ((d - 30 + 5) / 6) * 6;
            lines.add((type.equals("OUTBOUND") ? "OUTBOUND " : "FORWARD_LEG ")
                    + perMinute(OUTBOUND.get(destinationClass + "/" + cdr.trunk()), billed));
        }
        if (type.equals("OUTBOUND") && destinationClass.equals("RU_MOBILE")) {
            lines.add("MARKING_FEE 0.48");
        }
        boolean withOperator = cdr.stages().stream().anyMatch(s -> s.type() == Cdr.StageType.OPERATOR);
        int ivrSeconds = cdr.stages().stream().filter(s -> s.type() == Cdr.StageType.IVR).mapToInt(Cdr.Stage::durationSec).sum();
        boolean abandoned = !type.equals("OUTBOUND") && !withOperator && ivrSeconds < 10;
        boolean firstOperatorSeen = false;
        boolean postBilled = false;
        for (Cdr.Stage s : cdr.stages()) {
            switch (s.type()) {
                case IVR -> lines.add("IVR " + (abandoned ? "0.00" : perMinute(withOperator ? "0.30" : "0.60", s.durationSec())));
                case OPERATOR -> {
                    String rate = OPERATOR.get(SITES.get(s.operatorId()));
                    String amount = !firstOperatorSeen
                            ? money(dec(rate).multiply(BigDecimal.valueOf((s.durationSec() + 59) / 60)))
                            : perMinute(rate, s.durationSec());
                    firstOperatorSeen = true;
                    boolean dedicated = DEDICATED.getOrDefault(account, Set.of()).contains(s.operatorId());
                    lines.add("OPERATOR " + (dedicated ? "0.00" : amount));
                }
                case POST -> {
                    if (!postBilled && s.durationSec() > 0) {
                        postBilled = true;
                        lines.add("POST 5.00");
                    } else {
                        lines.add("POST 0.00");
                    }
                }
            }
        }
        return lines;
    }

    /** section 7: the services, with the rejections of 7.5 in the order of section 6 and the lines of 7.4 */
    static List<String> priceService(Cdr cdr) {
        String type = cdr.callType().name();
        LocalDateTime local = cdr.startTime().atZoneSameInstant(MOSCOW).toLocalDateTime();
        String account;
        if (type.equals("VIRTUAL_OFFICE")) {
            account = local.toLocalDate().isBefore(SERVICES_FROM) ? null : OFFICE_NUMBERS.get(cdr.called());
        } else {
            account = ACCOUNTS.contains(cdr.accountCode()) ? cdr.accountCode() : null;
        }
        if (account == null) {
            return List.of("REJECTED UNKNOWN_ACCOUNT");
        }
        for (Cdr.Stage s : cdr.stages()) {
            if (s.type() == Cdr.StageType.OPERATOR && !SITES.containsKey(s.operatorId())) {
                return List.of("REJECTED UNKNOWN_OPERATOR");
            }
        }
        boolean forwarded = type.equals("VIRTUAL_OFFICE") && cdr.forwardedTo() != null;
        boolean trunked = type.equals("SURVEY") || type.equals("INFORMING") || forwarded;
        if (trunked && (cdr.trunk() == null || !TRUNKS.contains(cdr.trunk()))) {
            return List.of("REJECTED UNKNOWN_TRUNK");
        }
        for (Cdr.Participant p : cdr.participants()) {
            if (p.direction() == Cdr.Direction.DIAL_OUT && (p.trunk() == null || !TRUNKS.contains(p.trunk()))) {
                return List.of("REJECTED UNKNOWN_TRUNK");
            }
        }
        if (local.toLocalDate().isBefore(LocalDate.of(2026, 1, 1))) {
            return List.of("REJECTED NO_TARIFF");
        }
        String destinationClass = null;
        if (trunked) {
            destinationClass = destinationClass(forwarded ? cdr.forwardedTo() : cdr.called());
            if (destinationClass == null) {
                return List.of("REJECTED NO_RATE");
            }
        }
        for (Cdr.Participant p : cdr.participants()) {
            if (p.direction() == Cdr.Direction.DIAL_OUT && destinationClass(p.number()) == null) {
                return List.of("REJECTED NO_RATE");
            }
        }
        int d = cdr.durationSec();
        List<String> lines = new ArrayList<>();
        switch (type) {
            case "VIRTUAL_OFFICE" -> {
                lines.add("VO_MINUTE " + (d <= 3 ? "0.00" : money(dec("0.40").multiply(BigDecimal.valueOf((d + 59) / 60)))));
                if (forwarded) {
                    lines.add("FORWARD_LEG " + perMinute(OUTBOUND.get(destinationClass + "/" + cdr.trunk()), thirtySix(d)));
                }
            }
            case "CONFERENCE" -> {
                for (Cdr.Participant p : cdr.participants()) {
                    int s = p.durationSec();
                    lines.add("CONFERENCE_PORT " + (s <= 3 ? "0.00" : money(dec("1.20").multiply(BigDecimal.valueOf((s + 59) / 60)))));
                    if (p.direction() == Cdr.Direction.DIAL_OUT) {
                        lines.add("CONFERENCE_LEG " + perMinute(OUTBOUND.get(destinationClass(p.number()) + "/" + p.trunk()),
                                thirtySix(s)));
                    }
                }
            }
            case "SURVEY" -> {
                lines.add("OUTBOUND " + perMinute(OUTBOUND.get(destinationClass + "/" + cdr.trunk()), thirtySix(d)));
                if (destinationClass.equals("RU_MOBILE")) {
                    lines.add("MARKING_FEE 0.48");
                }
                if (cdr.surveyCompleted()) {
                    lines.add("SURVEY_COMPLETED 15.00");
                }
            }
            default -> {
                lines.add("INFORMING_ATTEMPT 0.15");
                lines.add("OUTBOUND " + perMinute(OUTBOUND.get(destinationClass + "/" + cdr.trunk()), thirtySix(d)));
                if (destinationClass.equals("RU_MOBILE")) {
                    lines.add("MARKING_FEE 0.48");
                }
            }
        }
        // stages: as INBOUND_800 on a virtual office, as OUTBOUND on a survey; an informing call's IVR is free
        boolean withOperator = cdr.stages().stream().anyMatch(s -> s.type() == Cdr.StageType.OPERATOR);
        int ivrSeconds = cdr.stages().stream().filter(s -> s.type() == Cdr.StageType.IVR).mapToInt(Cdr.Stage::durationSec).sum();
        boolean abandoned = type.equals("VIRTUAL_OFFICE") && !withOperator && ivrSeconds < 10;
        boolean firstOperatorSeen = false;
        boolean postBilled = false;
        for (Cdr.Stage s : cdr.stages()) {
            switch (s.type()) {
                case IVR -> lines.add("IVR " + (abandoned || type.equals("INFORMING") ? "0.00"
                        : perMinute(withOperator ? "0.30" : "0.60", s.durationSec())));
                case OPERATOR -> {
                    String rate = OPERATOR.get(SITES.get(s.operatorId()));
                    String amount = !firstOperatorSeen
                            ? money(dec(rate).multiply(BigDecimal.valueOf((s.durationSec() + 59) / 60)))
                            : perMinute(rate, s.durationSec());
                    firstOperatorSeen = true;
                    lines.add("OPERATOR " + (DEDICATED.getOrDefault(account, Set.of()).contains(s.operatorId()) ? "0.00" : amount));
                }
                case POST -> {
                    lines.add("POST " + (!postBilled && s.durationSec() > 0 ? "5.00" : "0.00"));
                    postBilled |= s.durationSec() > 0;
                }
            }
        }
        return lines;
    }

    /** section 3: the longest matching prefix */
    private static String destinationClass(String d) {
        return d.startsWith("7495") || d.startsWith("7499") ? "MOSCOW_FIXED" : d.startsWith("79") ? "RU_MOBILE"
                : d.startsWith("7") ? "RU_INTERCITY" : d.startsWith("375") ? "BELARUS" : d.startsWith("1") ? "NORTH_AMERICA"
                : null;
    }

    /** the 30/6 scheme of section 5.2 */
    private static int thirtySix(int d) {
        return d == 0 ? 0 : d <= 30 ? 30 : 30 + ((d - 30 + 5) / 6) * 6;
    }

    /** the call's total: the sum of its lines; null when the sheet rejects the call */
    public static BigDecimal total(Cdr cdr) {
        List<String> lines = price(cdr);
        if (lines.get(0).startsWith("REJECTED")) {
            return null;
        }
        return lines.stream().map(line -> new BigDecimal(line.substring(line.indexOf(' ') + 1)))
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static String perMinute(String rate, int seconds) {
        return money(dec(rate).multiply(BigDecimal.valueOf(seconds)).divide(BigDecimal.valueOf(60), 10, RoundingMode.HALF_UP));
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
