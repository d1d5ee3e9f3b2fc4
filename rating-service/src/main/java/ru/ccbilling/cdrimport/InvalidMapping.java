package ru.ccbilling.cdrimport;

import java.util.List;

import ru.ccbilling.rating.FieldProblem;

/** A mapping that cannot be used, with every problem named by its path (e.g. definition.fields.trunk.regex). */
public class InvalidMapping extends RuntimeException {

    private final List<FieldProblem> problems;

    InvalidMapping(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
