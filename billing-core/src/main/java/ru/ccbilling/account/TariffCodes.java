package ru.ccbilling.account;

/**
 * Which tariffs exist. An account is rated under its tariffs, so it is only given existing ones (one that does not
 * exist would reject every call as NO_TARIFF). Implemented by rating, which owns the tariffs.
 */
public interface TariffCodes {

    boolean exists(String code);
}
