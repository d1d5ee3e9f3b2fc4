package ru.ccbilling.tariff;

/** A tariff, whether it is the standard one, its latest version and the version in force (null when it has none). */
public record TariffSummary(String code, String name, boolean standard, Integer latestVersion, Integer versionInForce) {

    TariffSummary inForce(Integer version) {
        return new TariffSummary(code, name, standard, latestVersion, version);
    }
}
