package ru.ccbilling.rating;

/** Why a field of a record is refused: the field's path in the record and the reason. */
public record FieldProblem(String field, String message) { }
