package ru.ccbilling.rating;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.input.ClientDates;
import ru.ccbilling.input.StoredText;
import ru.ccbilling.refusal.Refusal.Fault;
import ru.ccbilling.refusal.Text;

/** Reading checked fields of an incoming JSON record, each problem named with its field. */
public final class JsonFields {

    private JsonFields() { }

    /** a field and the catalogue text of what is wrong with it */
    public static Fault fault(String field, String key, Object... args) {
        return new Fault(field, Text.of(key, args));
    }

    /** an identifier: a source, a record or event id, an account, trunk or operator code ({@link StoredText}) */
    public static String identifier(JsonNode node, String field, int maxLength, boolean required,
                                    List<Fault> problems) {
        return identifier(node, field, field, maxLength, required, problems);
    }

    /** an identifier of a nested object: problems are named by {@code path}, e.g. {@code participants[2].trunk} */
    public static String identifier(JsonNode node, String field, String path, int maxLength, boolean required,
                                    List<Fault> problems) {
        String text = text(node, field, path, maxLength, required, problems);
        if (text == null) {
            return null;
        }
        Text problem = StoredText.identifierProblem(text);
        if (problem != null) {
            problems.add(new Fault(path, problem));
            return null;
        }
        return text;
    }

    public static String text(JsonNode node, String field, int maxLength, boolean required, List<Fault> problems) {
        return text(node, field, field, maxLength, required, problems);
    }

    public static String text(JsonNode node, String field, String path, int maxLength, boolean required,
                              List<Fault> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(fault(path, "value.required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            problems.add(fault(path, "json.notString"));
            return null;
        }
        // checked before trimming: trim() would quietly drop a trailing NUL or control character
        Text problem = StoredText.problem(value.asText());
        if (problem != null) {
            problems.add(new Fault(path, problem));
            return null;
        }
        String text = value.asText().trim();
        if (text.isEmpty()) {
            if (required) {
                problems.add(fault(path, "json.blank"));
            }
            return null;
        }
        if (text.length() > maxLength) {
            problems.add(fault(path, "json.tooLong", maxLength));
            return null;
        }
        return text;
    }


    public static OffsetDateTime timestamp(JsonNode node, String field, List<Fault> problems) {
        String text = text(node, field, 64, true, problems);
        if (text == null) {
            return null;
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(fault(field, "json.timestamp", "2026-03-10T10:15:00+03:00"));
            return null;
        }
        if (!ClientDates.inRange(time.getYear())) {
            // a call time outside these years is a broken clock, not a call
            problems.add(new Fault(field, ClientDates.RANGE));
            return null;
        }
        return time;
    }
}
