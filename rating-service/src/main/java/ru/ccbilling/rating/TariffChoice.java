package ru.ccbilling.rating;

/**
 * Which tariff prices a call. By default the one assigned to the call's account, in the version in force at
 * the call's start; a simulation may name another tariff and/or a version (a draft included).
 */
public record TariffChoice(String tariff, Integer version) {
    public static final TariffChoice ASSIGNED = new TariffChoice(null, null);

    public boolean isAssigned() {
        return tariff == null && version == null;
    }
}
