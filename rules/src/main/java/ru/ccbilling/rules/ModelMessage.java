package ru.ccbilling.rules;

/** A compile error or warning of one model, with where it is when the engine says so. */
public record ModelMessage(String model, Severity severity, String message, String location) {
    public enum Severity { ERROR, WARNING, INFO }
}
