package ru.ccbilling.account;

import java.time.LocalDate;

import ru.ccbilling.inventory.NumberKind;

/**
 * A number held by an account from a date (inclusive) to a date (exclusive, open when null): an 8-800 number, or a
 * virtual-office number with its channels (null for 8-800).
 */
public record NumberAssignment(String number, LocalDate validFrom, LocalDate validTo, NumberKind kind,
                               Integer channels) {

    public NumberAssignment {
        kind = kind == null ? NumberKind.TOLL_FREE_800 : kind;
    }

    /** an 8-800 number */
    public NumberAssignment(String number, LocalDate validFrom, LocalDate validTo) {
        this(number, validFrom, validTo, NumberKind.TOLL_FREE_800, null);
    }

    public static NumberAssignment virtualOffice(String number, int channels, LocalDate validFrom, LocalDate validTo) {
        return new NumberAssignment(number, validFrom, validTo, NumberKind.VIRTUAL_OFFICE, channels);
    }

    public boolean isVirtualOffice() {
        return kind == NumberKind.VIRTUAL_OFFICE;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }

    boolean overlaps(NumberAssignment other) {
        return (other.validTo == null || validFrom.isBefore(other.validTo))
                && (validTo == null || other.validFrom.isBefore(validTo));
    }
}
