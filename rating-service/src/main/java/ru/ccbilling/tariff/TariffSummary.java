package ru.ccbilling.tariff;

/** A tariff with its latest version and the version in force (null when it has none). */
public record TariffSummary(String code, String name, Integer latestVersion, Integer versionInForce) {

    TariffSummary inForce(Integer version) {
        return new TariffSummary(code, name, latestVersion, version);
    }
}
