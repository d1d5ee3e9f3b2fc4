package ru.ccbilling.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import ru.ccbilling.money.Money;

/**
 * An entry about to be posted. {@code period} is the financial period it is booked in; {@code entryDate} the day the
 * service or movement belongs to, which chooses the VAT rate. Built with {@link #of} and the {@code with...} steps.
 */
public record NewEntry(String account, EntryKind kind, YearMonth period, LocalDate entryDate, Money amount,
                       String createdBy, String service, String component, String reference, BigDecimal quantity,
                       String unit, BigDecimal rate, YearMonth refersTo, EntryKind corrects, Money oldAmount,
                       Money newAmount, String counterparty, String reason, Long closeId,
                       Integer channels) {

    public static NewEntry of(String account, EntryKind kind, YearMonth period, LocalDate entryDate, Money amount,
                              String createdBy) {
        return new NewEntry(account, kind, period, entryDate, amount, createdBy, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** what was charged: service (INBOUND_800, MONTHLY...), component (NETWORK, NUMBER_RENTAL...), the number or operator */
    public NewEntry withItem(String service, String component, String reference) {
        return new NewEntry(account, kind, period, entryDate, amount, createdBy, service, component, reference, quantity,
                unit, rate, refersTo, corrects, oldAmount, newAmount, counterparty, reason, closeId, channels);
    }

    /** how much of it (seconds, days, calls, messages) and at what rate or coefficient */
    public NewEntry withQuantity(BigDecimal quantity, String unit, BigDecimal rate) {
        return new NewEntry(account, kind, period, entryDate, amount, createdBy, service, component, reference, quantity,
                unit, rate, refersTo, corrects, oldAmount, newAmount, counterparty, reason, closeId, channels);
    }

    /** a correction of an amount of an earlier month: from old to new */
    public NewEntry withCorrection(YearMonth refersTo, EntryKind corrects, Money oldAmount, Money newAmount) {
        return new NewEntry(account, kind, period, entryDate, amount, createdBy, service, component, reference, quantity,
                unit, rate, refersTo, corrects, oldAmount, newAmount, counterparty, reason, closeId, channels);
    }

    public NewEntry withCounterparty(String counterparty) {
        return new NewEntry(account, kind, period, entryDate, amount, createdBy, service, component, reference, quantity,
                unit, rate, refersTo, corrects, oldAmount, newAmount, counterparty, reason, closeId, channels);
    }

    public NewEntry withReason(String reason) {
        return new NewEntry(account, kind, period, entryDate, amount, createdBy, service, component, reference, quantity,
                unit, rate, refersTo, corrects, oldAmount, newAmount, counterparty, reason, closeId, channels);
    }

    /** the channels of the virtual-office number a monthly rental charges */
    public NewEntry withChannels(Integer channels) {
        return new NewEntry(account, kind, period, entryDate, amount, createdBy, service, component, reference, quantity,
                unit, rate, refersTo, corrects, oldAmount, newAmount, counterparty, reason, closeId, channels);
    }

    /** made by the close of an account's month */
    public NewEntry withClose(Long closeId) {
        return new NewEntry(account, kind, period, entryDate, amount, createdBy, service, component, reference, quantity,
                unit, rate, refersTo, corrects, oldAmount, newAmount, counterparty, reason, closeId, channels);
    }
}
