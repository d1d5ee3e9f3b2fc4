package ru.ccbilling.rating;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.input.StoredText;
import ru.ccbilling.refusal.Refusal.Fault;
import ru.ccbilling.refusal.Text;

/** Every text of a JSON tree (values and names) checked to be text PostgreSQL stores as sent, naming its path. */
public final class JsonText {

    private JsonText() { }

    /** any problem of {@link StoredText}: a mapping definition, stored as jsonb */
    public static void storable(JsonNode node, String path, List<Fault> problems) {
        walk(node, path, StoredText::problem, problems);
    }

    /**
     * The vendor's extra fields of a CDR are stored as sent; a lone UTF-16 surrogate would be stored as '?', so the
     * record is refused naming the field. A NUL there is stored as U+FFFD ({@code cdr.CdrRows}).
     */
    static void loneSurrogates(JsonNode node, String path, List<Fault> problems) {
        walk(node, path, JsonText::loneSurrogate, problems);
    }

    private static void walk(JsonNode node, String path, Function<String, Text> problemOf, List<Fault> problems) {
        if (node.isTextual()) {
            Text problem = problemOf.apply(node.textValue());
            if (problem != null) {
                problems.add(new Fault(path, problem));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", problemOf, problems);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                Text problem = problemOf.apply(field.getKey());
                if (problem != null) {
                    problems.add(new Fault(name, ofName(problem)));
                }
                walk(field.getValue(), name, problemOf, problems);
            }
        }
    }

    /** the same problem said of a field's name: "its name must not contain…" ({@code json.name.<key>}) */
    private static Text ofName(Text problem) {
        return new Text("json.name." + problem.key(), problem.args());
    }

    private static Text loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Text.of("text.surrogate", i);
            }
        }
        return null;
    }
}
