package ru.ccbilling.rating;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.input.ClientDates;
import ru.ccbilling.input.StoredText;

/** Reading checked fields of an incoming JSON record, each problem named with its field. */
public final class JsonFields {

    private JsonFields() { }

    /** an identifier: a source, a record or event id, an account, trunk or operator code ({@link StoredText}) */
    public static String identifier(JsonNode node, String field, int maxLength, boolean required,
                                    List<FieldProblem> problems) {
        String text = text(node, field, maxLength, required, problems);
        if (text == null) {
            return null;
        }
        ru.ccbilling.refusal.Text problem = StoredText.identifierProblem(text);
        if (problem != null) {
            problems.add(new FieldProblem(field, problem));
            return null;
        }
        return text;
    }

    public static String text(JsonNode node, String field, int maxLength, boolean required, List<FieldProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new FieldProblem(field, "must be a string"));
            return null;
        }
        // checked before trimming: trim() would quietly drop a trailing NUL or control character
        ru.ccbilling.refusal.Text problem = StoredText.problem(value.asText());
        if (problem != null) {
            problems.add(new FieldProblem(field, problem));
            return null;
        }
        String text = value.asText().trim();
        if (text.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, "must not be blank"));
            }
            return null;
        }
        if (text.length() > maxLength) {
            problems.add(new FieldProblem(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        return text;
    }


    public static OffsetDateTime timestamp(JsonNode node, String field, List<FieldProblem> problems) {
        String text = text(node, field, 64, true, problems);
        if (text == null) {
            return null;
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be ISO-8601 with an offset, e.g. 2026-03-10T10:15:00+03:00"));
            return null;
        }
        if (!ClientDates.inRange(time.getYear())) {
            // a call time outside these years is a broken clock, not a call
            problems.add(new FieldProblem(field, ClientDates.RANGE));
            return null;
        }
        return time;
    }
}
