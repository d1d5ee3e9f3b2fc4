package ru.ccbilling.rules;

/**
 * A compile error or warning of one model, with where it is when the engine says so. {@code message} is English (the
 * checks' and the engine's words); {@link #russian()} is what a Russian reader sees.
 */
public record ModelMessage(String model, Severity severity, String message, String location) {
    public enum Severity { ERROR, WARNING, INFO }

    /** the message in Russian ({@link ModelTextsRu}); an engine's own words quoted after a Russian lead-in */
    public String russian() {
        return ModelTextsRu.russian(message);
    }
}
