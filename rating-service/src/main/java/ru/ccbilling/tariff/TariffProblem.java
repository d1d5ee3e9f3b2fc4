package ru.ccbilling.tariff;

import java.util.List;

import ru.ccbilling.rules.ModelMessage;

/** Why a tariff operation was refused; the web layer turns the kind into 404, 409 or 422. */
public class TariffProblem extends RuntimeException {

    public enum Kind { NOT_FOUND, NOT_A_DRAFT, DOES_NOT_COMPILE, DATE_REFUSED, INVALID }

    private final Kind kind;
    private final List<ModelMessage> messages;

    public TariffProblem(Kind kind, String detail, List<ModelMessage> messages) {
        super(detail);
        this.kind = kind;
        this.messages = List.copyOf(messages);
    }

    public TariffProblem(Kind kind, String detail) {
        this(kind, detail, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public List<ModelMessage> messages() {
        return messages;
    }
}
