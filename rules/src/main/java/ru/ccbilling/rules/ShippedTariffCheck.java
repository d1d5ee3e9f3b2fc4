package ru.ccbilling.rules;

import java.util.List;

/** Build step: compiles the shipped tariff and fails the build on any error. */
public final class ShippedTariffCheck {

    private ShippedTariffCheck() { }

    public static void main(String[] args) {
        List<ModelMessage> messages = new TariffCompiler().validate(ShippedTariff.models());
        messages.forEach(m -> System.out.println("[" + m.severity() + "] " + m.model() + ": " + m.message()
                + (m.location() == null ? "" : " at " + m.location())));
        if (messages.stream().anyMatch(m -> m.severity() == ModelMessage.Severity.ERROR)) {
            System.err.println("The shipped tariff " + ShippedTariff.CODE + " does not compile.");
            System.exit(1);
        }
        System.out.println("The shipped tariff " + ShippedTariff.CODE + " compiles.");
    }
}
