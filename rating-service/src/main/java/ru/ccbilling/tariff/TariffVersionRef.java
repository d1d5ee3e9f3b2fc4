package ru.ccbilling.tariff;

import java.time.OffsetDateTime;

import ru.ccbilling.rules.CompiledTariff;

/** A tariff version ready to rate: its code and number, when it takes effect, and its compiled models. */
public record TariffVersionRef(String code, int version, OffsetDateTime effectiveFrom, CompiledTariff compiled) { }
