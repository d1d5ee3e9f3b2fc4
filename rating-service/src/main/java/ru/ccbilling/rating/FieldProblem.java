package ru.ccbilling.rating;

/** Why a field of a record is refused: the field's path in the record and the reason. */
public record FieldProblem(String field, String message) {

    /** until intake's messages are keyed too: the text in Russian */
    public FieldProblem(String field, ru.ccbilling.refusal.Text reason) {
        this(field, reason.russian());
    }
}
