package ru.ccbilling.cdrimport;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.refusal.Refusal.Fault;
import ru.ccbilling.refusal.Text;

/**
 * Reading a JSON document written by a person: each accessor checks the shape of one value and records a problem
 * naming its path instead of failing, so that every mistake of a document is reported at once.
 */
abstract class CheckedJson {

    final List<Fault> problems = new ArrayList<>();

    Pattern regex(JsonNode node, String path, boolean required) {
        if (node == null || node.isNull()) {
            return required ? problem(path, "mapping.regex.required") : null;
        }
        if (!node.isTextual()) {
            return problem(path, "mapping.regex.notString");
        }
        try {
            return Pattern.compile(node.asText());
        } catch (PatternSyntaxException e) {
            return problem(path, "mapping.regexInvalid", e.getDescription(), e.getIndex());
        }
    }

    <E extends Enum<E>> E enumValue(JsonNode node, String path, Class<E> type, boolean required) {
        if (node == null || node.isNull()) {
            return required ? problem(path, "mapping.enum.required", List.of(type.getEnumConstants())) : null;
        }
        try {
            return Enum.valueOf(type, node.asText());
        } catch (IllegalArgumentException e) {
            return problem(path, "json.oneOf", List.of(type.getEnumConstants()));
        }
    }

    String text(JsonNode node, String path, String fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            problem(path, "json.notString");
            return fallback;
        }
        return node.asText();
    }

    boolean bool(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            problem(path, "json.notBoolean");
            return false;
        }
        return node.booleanValue();
    }

    void unknownKeys(JsonNode node, String path, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(path + "." + name, "mapping.unknownKey", String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    interface Each {
        void accept(JsonNode node, String path);
    }

    /** each element of an array of objects (an absent array is empty unless required) */
    void forEach(JsonNode node, String path, boolean optional, Each each) {
        if (node == null || node.isNull()) {
            if (!optional) {
                problem(path, "mapping.list.required");
            }
            return;
        }
        forEachValue(node, path, (element, p) -> {
            if (element.isObject()) {
                each.accept(element, p);
            } else {
                problem(p, "mapping.notObject");
            }
        });
    }

    void forEachValue(JsonNode node, String path, Each each) {
        if (!node.isArray()) {
            problem(path, "mapping.notList");
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            each.accept(node.get(i), path + "[" + i + "]");
        }
    }

    static <T> void add(List<T> list, T value) {
        if (value != null) {
            list.add(value);
        }
    }

    /** records a problem (a catalogue key and its arguments) and answers null, so a reader can return {@code problem(...)} */
    <T> T problem(String path, String key, Object... args) {
        problems.add(new Fault(path, Text.of(key, args)));
        return null;
    }
}
