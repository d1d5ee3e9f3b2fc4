package ru.ccbilling.cdrimport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.ccbilling.refusal.Text;
import ru.ccbilling.rating.Cdr;

/**
 * A mapping's definition, checked and compiled ({@link DefinitionReader}): turns one line of an equipment file
 * into the JSON record that {@code POST /api/v1/cdrs} takes, or says why the line cannot be one. Only what the
 * line itself gets wrong is refused here (field count, times, durations); the record is then checked by intake
 * like any other.
 */
public final class MappingDefinition {

    record Rewrite(Pattern matches, String replace) { }

    record CallTypeRule(Rule rule, Cdr.CallType then) { }

    record Seconds(Pick value, List<Pick> minus) { }

    record StageRule(Cdr.StageType type, Rule rule, Seconds seconds, Pick operatorId) { }

    /** the line as a JSON record, or the reason it cannot be one; exactly one is present */
    /** the record, or why the line cannot be one (stored in the job's result in Russian) */
    public record Conversion(ObjectNode record, Text refusal) { }

    record Layout(List<String> columns, int minColumns, boolean header, char delimiter) { }

    record Times(ZoneId zone, String pattern, DateTimeFormatter format) { }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Layout layout;
    private final Times times;
    private final List<Rewrite> numberRewrites;
    private final Map<String, Pick> fields;
    private final List<CallTypeRule> callTypes;
    private final Cdr.CallType defaultCallType;
    private final List<StageRule> stages;
    private final StageRule otherwise;
    /** the virtual-office numbers accounts hold, as the rating reference knows them (none until told) */
    private final Predicate<String> virtualOfficeNumbers;

    MappingDefinition(Layout layout, Times times, List<Rewrite> numberRewrites, Map<String, Pick> fields,
                      List<CallTypeRule> callTypes, Cdr.CallType defaultCallType, List<StageRule> stages,
                      StageRule otherwise) {
        this.layout = layout;
        this.times = times;
        this.numberRewrites = numberRewrites;
        this.fields = fields;
        this.callTypes = callTypes;
        this.defaultCallType = defaultCallType;
        this.stages = stages;
        this.otherwise = otherwise;
        this.virtualOfficeNumbers = number -> false;
    }

    private MappingDefinition(MappingDefinition definition, Predicate<String> virtualOfficeNumbers) {
        this.layout = definition.layout;
        this.times = definition.times;
        this.numberRewrites = definition.numberRewrites;
        this.fields = definition.fields;
        this.callTypes = definition.callTypes;
        this.defaultCallType = definition.defaultCallType;
        this.stages = definition.stages;
        this.otherwise = definition.otherwise;
        this.virtualOfficeNumbers = virtualOfficeNumbers;
    }

    /** the same mapping, whose {@code virtualOfficeNumber} conditions ask {@code numbers} (E.164, after rewrites) */
    public MappingDefinition withVirtualOfficeNumbers(Predicate<String> numbers) {
        return new MappingDefinition(this, numbers);
    }

    private boolean isVirtualOfficeNumber(String raw) {
        return virtualOfficeNumbers.test(number(raw));
    }

    public boolean header() {
        return layout.header();
    }

    public char delimiter() {
        return layout.delimiter();
    }

    public Conversion convert(CsvLine line, String source) {
        try {
            return new Conversion(record(line, source), null);
        } catch (Refusal r) {
            return new Conversion(null, r.reason);
        }
    }

    private ObjectNode record(CsvLine line, String source) {
        int max = layout.columns().size();
        if (line.size() < layout.minColumns() || line.size() > max) {
            throw layout.minColumns() == max ? new Refusal("import.line.fieldCount", max, line.size())
                    : new Refusal("import.line.fieldCountRange", layout.minColumns(), max, line.size());
        }
        ObjectNode record = JSON.objectNode();
        record.put("source", source);
        String cdrId = value("cdrId", line);
        record.put("cdrId", cdrId != null ? cdrId : "line-" + hash(line));
        record.put("callType", callType(line).name());
        record.put("startTime", startTime(line));
        putIfPresent(record, "caller", number(value("caller", line)));
        putIfPresent(record, "called", number(value("called", line)));
        putIfPresent(record, "accountCode", value("accountCode", line));
        putIfPresent(record, "trunk", value("trunk", line));
        putIfPresent(record, "forwardedTo", number(value("forwardedTo", line)));
        record.set("stages", stages(line));
        return record;
    }

    private Cdr.CallType callType(CsvLine line) {
        for (CallTypeRule rule : callTypes) {
            if (rule.rule().applies(line, this::isVirtualOfficeNumber)) {
                return rule.then();
            }
        }
        if (defaultCallType == null) {
            throw new Refusal("import.line.noCallType");
        }
        return defaultCallType;
    }

    private String startTime(CsvLine line) {
        Pick.Picked picked = fields.get("startTime").pick(line);
        if (picked == null) {
            throw new Refusal("import.line.startTimeEmpty", fields.get("startTime").describe());
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    LocalDateTime.parse(picked.value(), times.format()).atZone(times.zone()));
        } catch (DateTimeParseException e) {
            throw new Refusal("import.line.timeUnreadable", name(picked), picked.value(), times.pattern());
        }
    }

    private ArrayNode stages(CsvLine line) {
        ArrayNode out = JSON.arrayNode();
        for (StageRule rule : stages) {
            if (rule.rule().applies(line, this::isVirtualOfficeNumber)) {
                out.add(stage(rule, line));
            }
        }
        if (out.isEmpty() && otherwise != null) {
            out.add(stage(otherwise, line));
        }
        if (out.isEmpty()) {
            throw new Refusal("import.line.noStage");
        }
        return out;
    }

    private ObjectNode stage(StageRule rule, CsvLine line) {
        ObjectNode stage = JSON.objectNode();
        stage.put("type", rule.type().name());
        stage.put("durationSec", seconds(rule, line));
        if (rule.operatorId() != null) {
            putIfPresent(stage, "operatorId", rule.operatorId().value(line));
        }
        return stage;
    }

    private long seconds(StageRule rule, CsvLine line) {
        Pick.Picked picked = rule.seconds().value().pick(line);
        if (picked == null) {
            throw new Refusal("import.line.durationEmpty", rule.seconds().value().describe(), rule.type());
        }
        long seconds = wholeSeconds(picked);
        for (Pick minus : rule.seconds().minus()) {
            Pick.Picked less = minus.pick(line);
            if (less != null) {
                seconds -= wholeSeconds(less);
            }
        }
        if (seconds < 0) {
            throw new Refusal("import.line.negativeStage", rule.type(), seconds);
        }
        return seconds;
    }

    private static long wholeSeconds(Pick.Picked picked) {
        long seconds;
        try {
            seconds = Long.parseLong(picked.value());
        } catch (NumberFormatException e) {
            throw new Refusal("import.line.notSeconds", name(picked), picked.value());
        }
        if (seconds < 0) {
            throw new Refusal("import.line.negative", name(picked), seconds);
        }
        return seconds;
    }

    private String value(String field, CsvLine line) {
        Pick pick = fields.get(field);
        return pick == null ? null : pick.value(line);
    }

    private String number(String raw) {
        if (raw == null) {
            return null;
        }
        String number = raw;
        for (Rewrite rewrite : numberRewrites) {
            number = rewrite.matches().matcher(number).replaceAll(rewrite.replace());
        }
        return number;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }

    private static String name(Pick.Picked picked) {
        return picked.column() == null ? "default" : picked.column();
    }

    /** a line without an id is known by its content: the same line again is the same record */
    private static String hash(CsvLine line) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.join("\u001f", line.values()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** a line the mapping cannot turn into a record; cheap, no stack trace */
    private static final class Refusal extends RuntimeException {
        private final Text reason;

        Refusal(String key, Object... args) {
            super(null, null, false, false);
            this.reason = Text.of(key, args);
        }
    }
}
