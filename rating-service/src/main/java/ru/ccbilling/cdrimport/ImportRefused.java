package ru.ccbilling.cdrimport;

/** An import that cannot start, naming the parameter at fault (mapping, source, body); nothing was imported. */
public class ImportRefused extends RuntimeException {

    private final String field;

    ImportRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
