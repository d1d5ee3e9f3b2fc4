package ru.ccbilling.rating;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.input.StoredText;

/** Every text of a JSON tree (values and names) checked to be text PostgreSQL stores as sent, naming its path. */
public final class JsonText {

    private JsonText() { }

    /** any problem of {@link StoredText}: a mapping definition, stored as jsonb */
    public static void storable(JsonNode node, String path, List<FieldProblem> problems) {
        walk(node, path, text -> {
            ru.ccbilling.refusal.Text problem = StoredText.problem(text);
            return problem == null ? null : problem.russian();
        }, problems);
    }

    /**
     * The vendor's extra fields of a CDR are stored as sent; a lone UTF-16 surrogate would be stored as '?', so the
     * record is refused naming the field. A NUL there is stored as U+FFFD ({@code cdr.CdrRows}).
     */
    static void loneSurrogates(JsonNode node, String path, List<FieldProblem> problems) {
        walk(node, path, JsonText::loneSurrogate, problems);
    }

    private static void walk(JsonNode node, String path, UnaryOperator<String> problemOf, List<FieldProblem> problems) {
        if (node.isTextual()) {
            String problem = problemOf.apply(node.textValue());
            if (problem != null) {
                problems.add(new FieldProblem(path, problem));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", problemOf, problems);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                String problem = problemOf.apply(field.getKey());
                if (problem != null) {
                    problems.add(new FieldProblem(name, "its name " + problem));
                }
                walk(field.getValue(), name, problemOf, problems);
            }
        }
    }

    private static String loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain a lone UTF-16 surrogate (at " + i + ")";
            }
        }
        return null;
    }
}
