package ru.ccbilling.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.rules.CallToPrice.ParticipantToPrice;
import ru.ccbilling.rules.CallToPrice.StageToPrice;

/**
 * The demo reference data of the tariff sheet (sections 1, 3 and 7.1), by hand, to turn a golden CDR into the
 * {@link CallToPrice} the rating engine would build: the test's stand-in for the engine's classification.
 */
final class SheetReference {

    private static final Map<String, String> DESTINATION_PREFIXES = Map.of("7495", "MOSCOW_FIXED",
            "7499", "MOSCOW_FIXED", "79", "RU_MOBILE", "7", "RU_INTERCITY", "375", "BELARUS", "1", "NORTH_AMERICA");
    private static final Map<String, String> SITES = Map.of("OP-101", "MSK", "OP-102", "MSK", "OP-201", "NSK",
            "OP-202", "NSK", "OP-301", "REMOTE");
    private static final Map<String, Set<String>> DEDICATED = Map.of("ACC-1001", Set.of("OP-101", "OP-201"));
    /** virtual-office numbers and their holders (7.1) */
    private static final Map<String, String> VIRTUAL_OFFICE_HOLDERS = Map.of("74951230000", "ACC-1002",
            "74951230001", "ACC-1001");
    private static final Set<String> HOLIDAYS_2026 = Set.of("01-01", "01-02", "01-05", "01-06", "01-07", "01-08",
            "01-09", "02-23", "03-09", "05-01", "05-11", "06-12", "11-04", "12-31");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    record Classified(String account, CallToPrice call) { }

    private SheetReference() { }

    static Classified classify(JsonNode cdr) {
        String type = cdr.get("callType").asText();
        String account = type.equals("VIRTUAL_OFFICE") ? VIRTUAL_OFFICE_HOLDERS.get(cdr.get("called").asText())
                : cdr.get("accountCode").asText();
        String band = timeBand(OffsetDateTime.parse(cdr.get("startTime").asText()));
        List<StageToPrice> stages = stages(cdr, account);
        String trunk = text(cdr, "trunk");
        CallToPrice call = switch (type) {
            case "VIRTUAL_OFFICE" -> CallToPrice.virtualOffice(band, destinationClass(text(cdr, "forwardedTo")), trunk, stages);
            case "CONFERENCE" -> CallToPrice.conference(band, participants(cdr));
            case "SURVEY" -> CallToPrice.survey(band, destinationClass(text(cdr, "called")), trunk,
                    cdr.path("surveyCompleted").asBoolean(false), stages);
            case "INFORMING" -> CallToPrice.informing(band, destinationClass(text(cdr, "called")), trunk, stages);
            default -> throw new IllegalArgumentException("not a service of section 7: " + type);
        };
        return new Classified(account, call);
    }

    private static List<StageToPrice> stages(JsonNode cdr, String account) {
        List<StageToPrice> stages = new ArrayList<>();
        for (JsonNode s : cdr.path("stages")) {
            String operator = text(s, "operatorId");
            boolean dedicated = operator != null && DEDICATED.getOrDefault(account, Set.of()).contains(operator);
            stages.add(new StageToPrice(s.get("type").asText(), s.get("durationSec").asInt(), operator,
                    operator == null ? null : SITES.get(operator), dedicated));
        }
        return stages;
    }

    private static List<ParticipantToPrice> participants(JsonNode cdr) {
        List<ParticipantToPrice> participants = new ArrayList<>();
        for (JsonNode p : cdr.get("participants")) {
            boolean out = p.get("direction").asText().equals("DIAL_OUT");
            participants.add(new ParticipantToPrice(p.get("direction").asText(), p.get("durationSec").asInt(),
                    out ? destinationClass(p.get("number").asText()) : null, out ? text(p, "trunk") : null));
        }
        return participants;
    }

    /** the class of the longest matching prefix, or null */
    static String destinationClass(String number) {
        if (number == null) {
            return null;
        }
        for (int length = number.length(); length > 0; length--) {
            String found = DESTINATION_PREFIXES.get(number.substring(0, length));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** PEAK on working weekdays from 08:00:00 to 19:59:59 Moscow time, OFF_PEAK otherwise */
    static String timeBand(OffsetDateTime start) {
        ZonedDateTime moscow = start.atZoneSameInstant(MOSCOW);
        LocalDate day = moscow.toLocalDate();
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        boolean holiday = day.getYear() == 2026 && HOLIDAYS_2026.contains(String.format("%02d-%02d",
                day.getMonthValue(), day.getDayOfMonth()));
        LocalTime time = moscow.toLocalTime();
        boolean working = !time.isBefore(LocalTime.of(8, 0)) && time.isBefore(LocalTime.of(20, 0));
        return !weekend && !holiday && working ? "PEAK" : "OFF_PEAK";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
