package ru.ccbilling.rating;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading checked fields of an incoming JSON record, each problem named with its field. */
public final class JsonFields {

    /** a call time outside these years is a broken clock, not a call */
    public static final int EARLIEST_YEAR = 1970;
    public static final int LATEST_YEAR = 9999;

    private JsonFields() { }

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
        if (text.indexOf('\u0000') >= 0) {
            // PostgreSQL text cannot hold it
            problems.add(new FieldProblem(field, "must not contain the NUL character"));
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
        if (time.getYear() < EARLIEST_YEAR || time.getYear() > LATEST_YEAR) {
            problems.add(new FieldProblem(field, "must be in the years " + EARLIEST_YEAR + " to " + LATEST_YEAR));
            return null;
        }
        return time;
    }
}
