package ru.ccbilling.rules;

/** The shipped reference tariff compiled once for all tests of this module. */
final class ReferenceTariff {
    static final CompiledTariff TARIFF = new TariffCompiler().compile(ShippedTariff.models());

    private ReferenceTariff() { }
}
