package ru.ccbilling.cdrimport;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.rating.Cdr;
import ru.ccbilling.rating.JsonText;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Refusal.Fault;

/**
 * Reads a mapping's JSON definition into a {@link MappingDefinition}, checking everything a tariff manager can
 * get wrong (unknown keys and columns, invalid regexes, time zones and formats), each problem named with its
 * path, e.g. {@code definition.fields.trunk.regex}. Nothing is half-accepted: any problem refuses the mapping.
 */
final class DefinitionReader extends CheckedJson {

    static final String DEFAULT_ZONE = "Europe/Moscow";
    static final String DEFAULT_TIME_FORMAT = "yyyy-MM-dd HH:mm:ss";
    static final List<String> FIELDS = List.of("cdrId", "startTime", "caller", "called", "accountCode", "trunk",
            "forwardedTo");
    private static final Set<String> REQUIRED_FIELDS = Set.of("startTime", "caller", "called");
    private static final Set<String> TOP_KEYS = Set.of("columns", "minColumns", "header", "delimiter", "timeZone",
            "timeFormat", "numberRewrites", "fields", "callType", "stages");
    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$(\\d+)");

    private Map<String, Integer> columnIndex = Map.of();

    private DefinitionReader() { }

    /** the compiled definition; refuses (400) naming every problem */
    static MappingDefinition read(CdrFormat format, JsonNode definition) {
        DefinitionReader reader = new DefinitionReader();
        MappingDefinition compiled = reader.check(format, definition);
        if (!reader.problems.isEmpty()) {
            throw Refusal.of(Refusal.Kind.INVALID, null, reader.problems);
        }
        return compiled;
    }

    /** every problem of the definition; none for a definition that compiles */
    static List<Fault> problems(CdrFormat format, JsonNode definition) {
        DefinitionReader reader = new DefinitionReader();
        reader.check(format, definition);
        return List.copyOf(reader.problems);
    }

    private MappingDefinition check(CdrFormat format, JsonNode definition) {
        if (definition != null) {
            JsonText.storable(definition, "definition", problems);
            if (!problems.isEmpty()) {
                return null;
            }
        }
        return definition(format, definition);
    }

    private MappingDefinition definition(CdrFormat format, JsonNode node) {
        String path = "definition";
        if (node == null || !node.isObject()) {
            problem(path, "json.notObject");
            return null;
        }
        unknownKeys(node, path, TOP_KEYS);
        MappingDefinition.Layout layout = layout(format, node);
        MappingDefinition.Times times = times(node);
        List<MappingDefinition.Rewrite> rewrites = rewrites(node.get("numberRewrites"), path + ".numberRewrites");
        Map<String, Pick> fields = fields(node.get("fields"), path + ".fields");
        CallTypes callTypes = callTypes(node.get("callType"), path + ".callType");
        Stages stages = stages(node.get("stages"), path + ".stages");
        return new MappingDefinition(layout, times, rewrites, fields, callTypes.rules(), callTypes.fallback(),
                stages.rules(), stages.otherwise());
    }

    private record CallTypes(List<MappingDefinition.CallTypeRule> rules, Cdr.CallType fallback) { }

    private record Stages(List<MappingDefinition.StageRule> rules, MappingDefinition.StageRule otherwise) { }

    private CallTypes callTypes(JsonNode node, String path) {
        List<MappingDefinition.CallTypeRule> rules = new ArrayList<>();
        if (node == null || !node.isObject()) {
            problem(path, "mapping.callType.required");
            return new CallTypes(rules, null);
        }
        unknownKeys(node, path, Set.of("rules", "default"));
        forEach(node.get("rules"), path + ".rules", false, (rule, p) -> rules.add(
                new MappingDefinition.CallTypeRule(rule(rule, p, Set.of("when", "unless", "then")),
                        enumValue(rule.get("then"), p + ".then", Cdr.CallType.class, true))));
        Cdr.CallType fallback = enumValue(node.get("default"), path + ".default", Cdr.CallType.class, false);
        if (rules.isEmpty() && fallback == null) {
            problem(path, "mapping.callType.empty");
        }
        return new CallTypes(rules, fallback);
    }

    private Stages stages(JsonNode node, String path) {
        List<MappingDefinition.StageRule> rules = new ArrayList<>();
        if (node == null || !node.isObject()) {
            problem(path, "mapping.stages.required");
            return new Stages(rules, null);
        }
        unknownKeys(node, path, Set.of("rules", "otherwise"));
        forEach(node.get("rules"), path + ".rules", true, (rule, p) -> rules.add(stageRule(rule, p)));
        MappingDefinition.StageRule otherwise = null;
        JsonNode other = node.get("otherwise");
        if (other != null && !other.isNull()) {
            otherwise = other.isObject() ? stageRule(other, path + ".otherwise")
                    : problem(path + ".otherwise", "mapping.stages.otherwiseNotObject");
        }
        if (rules.isEmpty() && otherwise == null) {
            problem(path, "mapping.stages.empty");
        }
        return new Stages(rules, otherwise);
    }

    private MappingDefinition.Layout layout(CdrFormat format, JsonNode node) {
        List<String> columns = format.columns();
        int minColumns = format.minColumns();
        JsonNode columnsNode = node.get("columns");
        if (columnsNode != null && !columnsNode.isNull()) {
            List<String> own = new ArrayList<>();
            forEachValue(columnsNode, "definition.columns", (value, p) -> {
                if (!value.isTextual() || value.asText().isBlank()) {
                    problem(p, "mapping.column.notName");
                } else if (own.contains(value.asText().trim())) {
                    problem(p, "mapping.column.repeated", value.asText().trim());
                } else {
                    own.add(value.asText().trim());
                }
            });
            if (!own.isEmpty()) {
                columns = List.copyOf(own);
                minColumns = Math.min(minColumns, columns.size());
            }
        }
        JsonNode min = node.get("minColumns");
        if (min != null && !min.isNull()) {
            if (!min.canConvertToInt() || !min.isIntegralNumber() || min.intValue() < 1 || min.intValue() > columns.size()) {
                problem("definition.minColumns", "mapping.minColumns", columns.size());
            } else {
                minColumns = min.intValue();
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        columnIndex = index;
        return new MappingDefinition.Layout(columns, minColumns, bool(node.get("header"), "definition.header"),
                delimiter(node.get("delimiter")));
    }

    private char delimiter(JsonNode node) {
        if (node == null || node.isNull()) {
            return ',';
        }
        if (!node.isTextual() || node.asText().length() != 1 || node.asText().equals("\"")) {
            problem("definition.delimiter", "mapping.delimiter");
            return ',';
        }
        return node.asText().charAt(0);
    }

    private MappingDefinition.Times times(JsonNode node) {
        String zoneText = text(node.get("timeZone"), "definition.timeZone", DEFAULT_ZONE);
        ZoneId zone = ZoneId.of(DEFAULT_ZONE);
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            problem("definition.timeZone", "mapping.timeZone", zoneText);
        }
        String pattern = text(node.get("timeFormat"), "definition.timeFormat", DEFAULT_TIME_FORMAT);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(DEFAULT_TIME_FORMAT);
        try {
            format = DateTimeFormatter.ofPattern(pattern);
        } catch (IllegalArgumentException e) {
            problem("definition.timeFormat", "mapping.timeFormat", e.getMessage(), DEFAULT_TIME_FORMAT);
        }
        return new MappingDefinition.Times(zone, pattern, format);
    }

    private List<MappingDefinition.Rewrite> rewrites(JsonNode node, String path) {
        List<MappingDefinition.Rewrite> out = new ArrayList<>();
        forEach(node, path, true, (rewrite, p) -> {
            unknownKeys(rewrite, p, Set.of("matches", "replace"));
            Pattern matches = regex(rewrite.get("matches"), p + ".matches", true);
            String replace = text(rewrite.get("replace"), p + ".replace", "");
            if (matches != null) {
                Matcher groups = GROUP_REFERENCE.matcher(replace);
                while (groups.find()) {
                    if (Integer.parseInt(groups.group(1)) > matches.matcher("").groupCount()) {
                        problem(p + ".replace", "mapping.groupMissing", groups.group());
                    }
                }
                out.add(new MappingDefinition.Rewrite(matches, replace));
            }
        });
        return out;
    }

    private Map<String, Pick> fields(JsonNode node, String path) {
        Map<String, Pick> out = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            problem(path, "mapping.fields.required", String.join(", ", FIELDS));
            return out;
        }
        unknownKeys(node, path, Set.copyOf(FIELDS));
        for (String field : FIELDS) {
            JsonNode pick = node.get(field);
            if (pick == null || pick.isNull()) {
                if (REQUIRED_FIELDS.contains(field)) {
                    problem(path + "." + field, "value.required");
                }
                continue;
            }
            Pick compiled = pick(pick, path + "." + field, Set.of());
            if (compiled != null) {
                out.put(field, compiled);
            }
        }
        return out;
    }

    private MappingDefinition.StageRule stageRule(JsonNode node, String path) {
        Rule rule = rule(node, path, Set.of("type", "when", "unless", "seconds", "operatorId"));
        Cdr.StageType type = enumValue(node.get("type"), path + ".type", Cdr.StageType.class, true);
        JsonNode secondsNode = node.get("seconds");
        MappingDefinition.Seconds seconds = null;
        if (secondsNode == null || !secondsNode.isObject()) {
            problem(path + ".seconds", "mapping.seconds.required");
        } else {
            Pick value = pick(secondsNode, path + ".seconds", Set.of("minus"));
            List<Pick> minus = new ArrayList<>();
            JsonNode minusNode = secondsNode.get("minus");
            if (minusNode != null && minusNode.isObject()) {
                add(minus, pick(minusNode, path + ".seconds.minus", Set.of()));
            } else if (minusNode != null && !minusNode.isNull()) {
                forEach(minusNode, path + ".seconds.minus", true, (m, p) -> add(minus, pick(m, p, Set.of())));
            }
            seconds = new MappingDefinition.Seconds(value, List.copyOf(minus));
        }
        Pick operatorId = null;
        JsonNode operatorNode = node.get("operatorId");
        if (operatorNode != null && !operatorNode.isNull()) {
            operatorId = pick(operatorNode, path + ".operatorId", Set.of());
        } else if (type == Cdr.StageType.OPERATOR) {
            problem(path + ".operatorId", "mapping.operatorId.required");
        }
        return new MappingDefinition.StageRule(type, rule, seconds, operatorId);
    }

    private Rule rule(JsonNode node, String path, Set<String> keys) {
        unknownKeys(node, path, keys);
        return new Rule(conditions(node.get("when"), path + ".when"), conditions(node.get("unless"), path + ".unless"));
    }

    private List<Condition> conditions(JsonNode node, String path) {
        List<Condition> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isObject()) {
            add(out, condition(node, path));
        } else {
            forEach(node, path, true, (c, p) -> add(out, condition(c, p)));
        }
        return out;
    }

    private Condition condition(JsonNode node, String path) {
        unknownKeys(node, path, Set.of("field", "equals", "in", "matches", "empty", "virtualOfficeNumber"));
        Pick.Column column = column(node.get("field"), path + ".field");
        List<String> tests = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!k.equals("field")) {
                tests.add(k);
            }
        });
        if (tests.size() != 1) {
            return problem(path, "mapping.condition.oneTest");
        }
        String test = tests.get(0);
        JsonNode value = node.get(test);
        Set<String> values = null;
        Pattern pattern = null;
        Boolean empty = null;
        Boolean virtualOfficeNumber = null;
        switch (test) {
            case "equals" -> values = Set.of(text(value, path + ".equals", ""));
            case "in" -> {
                Set<String> list = new LinkedHashSet<>();
                forEachValue(value, path + ".in", (v, p) -> list.add(v.isTextual() ? v.asText() : problem(p, "json.notString")));
                values = list;
            }
            case "matches" -> pattern = regex(value, path + ".matches", true);
            case "virtualOfficeNumber" -> virtualOfficeNumber = bool(value, path + ".virtualOfficeNumber");
            default -> empty = bool(value, path + ".empty");
        }
        return column == null ? null : new Condition(column, values, pattern, empty, virtualOfficeNumber);
    }

    private Pick pick(JsonNode node, String path, Set<String> moreKeys) {
        if (!node.isObject()) {
            return problem(path, "mapping.pick.notObject");
        }
        Set<String> keys = new LinkedHashSet<>(List.of("from", "regex", "lookup", "default"));
        keys.addAll(moreKeys);
        unknownKeys(node, path, keys);
        List<Pick.Column> from = new ArrayList<>();
        JsonNode fromNode = node.get("from");
        if (fromNode != null && fromNode.isArray()) {
            forEachValue(fromNode, path + ".from", (c, p) -> add(from, column(c, p)));
        } else if (fromNode != null && !fromNode.isNull()) {
            add(from, column(fromNode, path + ".from"));
        }
        String fallback = node.hasNonNull("default") ? text(node.get("default"), path + ".default", null) : null;
        if (from.isEmpty() && fallback == null && (fromNode == null || fromNode.isNull())) {
            problem(path + ".from", "mapping.from.required");
        }
        Pattern regex = regex(node.get("regex"), path + ".regex", false);
        Map<String, String> lookup = new HashMap<>();
        JsonNode lookupNode = node.get("lookup");
        if (lookupNode != null && !lookupNode.isNull()) {
            if (!lookupNode.isObject()) {
                problem(path + ".lookup", "mapping.lookup.notObject");
            } else {
                lookupNode.fields().forEachRemaining(e -> {
                    if (e.getValue().isTextual()) {
                        lookup.put(e.getKey(), e.getValue().asText());
                    } else {
                        problem(path + ".lookup." + e.getKey(), "json.notString");
                    }
                });
            }
        }
        return new Pick(List.copyOf(from), regex, Map.copyOf(lookup), fallback);
    }

    private Pick.Column column(JsonNode node, String path) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            return problem(path, "mapping.column.required");
        }
        String name = node.asText().trim();
        Integer index = columnIndex.get(name);
        if (index == null) {
            return problem(path, "mapping.column.unknown", name, String.join(", ", columnIndex.keySet().stream().sorted().toList()));
        }
        return new Pick.Column(index, name);
    }


}
