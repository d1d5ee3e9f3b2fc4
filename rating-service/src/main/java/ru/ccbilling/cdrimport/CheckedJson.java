package ru.ccbilling.cdrimport;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.rating.FieldProblem;

/**
 * Reading a JSON document written by a person: each accessor checks the shape of one value and records a problem
 * naming its path instead of failing, so that every mistake of a document is reported at once.
 */
abstract class CheckedJson {

    final List<FieldProblem> problems = new ArrayList<>();

    Pattern regex(JsonNode node, String path, boolean required) {
        if (node == null || node.isNull()) {
            return required ? problem(path, "is required: a regular expression") : null;
        }
        if (!node.isTextual()) {
            return problem(path, "must be a regular expression in a string");
        }
        try {
            return Pattern.compile(node.asText());
        } catch (PatternSyntaxException e) {
            return problem(path, "invalid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    <E extends Enum<E>> E enumValue(JsonNode node, String path, Class<E> type, boolean required) {
        if (node == null || node.isNull()) {
            return required ? problem(path, "is required: one of " + List.of(type.getEnumConstants())) : null;
        }
        try {
            return Enum.valueOf(type, node.asText());
        } catch (IllegalArgumentException e) {
            return problem(path, "must be one of " + List.of(type.getEnumConstants()));
        }
    }

    String text(JsonNode node, String path, String fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            problem(path, "must be a string");
            return fallback;
        }
        return node.asText();
    }

    boolean bool(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            problem(path, "must be true or false");
            return false;
        }
        return node.booleanValue();
    }

    void unknownKeys(JsonNode node, String path, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(path + "." + name, "unknown key; expected " + String.join(", ", known.stream().sorted().toList()));
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
                problem(path, "is required: a list");
            }
            return;
        }
        forEachValue(node, path, (element, p) -> {
            if (element.isObject()) {
                each.accept(element, p);
            } else {
                problem(p, "must be an object");
            }
        });
    }

    void forEachValue(JsonNode node, String path, Each each) {
        if (!node.isArray()) {
            problem(path, "must be a list");
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

    /** records a problem and answers null, so a reader can return {@code problem(...)} */
    <T> T problem(String path, String message) {
        problems.add(new FieldProblem(path, message));
        return null;
    }
}
