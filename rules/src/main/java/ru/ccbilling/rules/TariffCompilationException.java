package ru.ccbilling.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The models of a tariff version do not compile; {@link #messages()} says where and why. */
public class TariffCompilationException extends RuntimeException {
    private final List<ModelMessage> messages;

    public TariffCompilationException(List<ModelMessage> messages) {
        super(messages.stream()
                .filter(m -> m.severity() == ModelMessage.Severity.ERROR)
                .map(m -> m.model() + ": " + m.message())
                .collect(Collectors.joining("; ")));
        this.messages = List.copyOf(messages);
    }

    public List<ModelMessage> messages() {
        return messages;
    }
}
