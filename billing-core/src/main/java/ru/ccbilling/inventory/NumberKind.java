package ru.ccbilling.inventory;

/**
 * What a number is sold as (tariff sheet, sections 4 and 7): an 8-800 number, rented as {@code NUMBER_RENTAL}, or a
 * geographic multichannel number of the virtual office, rented by its channel count.
 */
public enum NumberKind {
    TOLL_FREE_800, VIRTUAL_OFFICE
}
