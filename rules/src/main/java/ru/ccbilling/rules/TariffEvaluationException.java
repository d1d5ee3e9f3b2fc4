package ru.ccbilling.rules;

/** A compiled tariff could not price a call because its models misbehave (not because data is unknown). */
public class TariffEvaluationException extends RuntimeException {
    public TariffEvaluationException(String message) {
        super(message);
    }
}
