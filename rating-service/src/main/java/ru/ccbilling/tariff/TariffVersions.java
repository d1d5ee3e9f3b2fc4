package ru.ccbilling.tariff;

import java.time.Instant;
import java.util.Optional;

/** Compiled tariff versions: the one in force at an instant, or a given one. */
public interface TariffVersions {

    Optional<TariffVersionRef> inForce(String code, Instant at);

    Optional<TariffVersionRef> version(String code, int version);
}
