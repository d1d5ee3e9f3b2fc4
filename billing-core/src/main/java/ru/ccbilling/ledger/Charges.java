package ru.ccbilling.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.ccbilling.account.AccountDirectory;
import ru.ccbilling.money.Money;
import ru.ccbilling.refusal.Refusal;

/**
 * What finance enters by hand: one-time charges and deductions (разовые начисления и вычеты) with a reason,
 * adjustments, payments, and the reversal of any of them. Each lands in the period of its date, which must still
 * be open for the account; a deduction may not exceed {@code ccbilling.billing.max-deduction}.
 */
@Service
public class Charges {

    private final Ledger ledger;
    private final AccountDirectory accounts;
    private final OpenPeriods periods;
    private final Clock clock;
    private final Money maxDeduction;

    Charges(Ledger ledger, AccountDirectory accounts, OpenPeriods periods, Clock clock,
            @Value("${ccbilling.billing.max-deduction:100000.00}") BigDecimal maxDeduction) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.periods = periods;
        this.clock = clock;
        this.maxDeduction = Money.of(maxDeduction);
    }

    public Money maxDeduction() {
        return maxDeduction;
    }

    /**
     * A one-time charge (positive amount), a deduction (positive amount, booked as a credit) or an adjustment
     * (either sign), with its reason, on the date given or today.
     */
    @Transactional
    public LedgerEntry charge(String account, EntryKind kind, Money amount, LocalDate date, String reason, String actor) {
        if (kind != EntryKind.ONE_TIME_CHARGE && kind != EntryKind.DEDUCTION && kind != EntryKind.ADJUSTMENT) {
            throw Refusal.invalid("kind", "ledger.kindManual");
        }
        requireReason(reason);
        if (kind == EntryKind.ADJUSTMENT ? amount.amount().signum() == 0 : amount.amount().signum() <= 0) {
            throw Refusal.invalid("amount", kind == EntryKind.ADJUSTMENT
                    ? "ledger.amountNotZero" : "ledger.amountPositiveDeduction");
        }
        if (kind == EntryKind.DEDUCTION && amount.compareTo(maxDeduction) > 0) {
            throw Refusal.unprocessable("ledger.deductionOverLimit", maxDeduction, amount).at("amount");
        }
        LocalDate day = bookable(account, date);
        Money booked = kind == EntryKind.DEDUCTION ? Money.ZERO.minus(amount) : amount;
        return ledger.post(NewEntry.of(account, kind, YearMonth.from(day), day, booked, actor)
                .withItem("ONE_TIME", null, null).withReason(reason.trim()));
    }

    /** A payment received (positive amount); the payment order's reference registers it once per account. */
    @Transactional
    public LedgerEntry pay(String account, Money amount, LocalDate date, String reference, String reason, String actor) {
        if (amount.amount().signum() <= 0) {
            throw Refusal.invalid("amount", "ledger.amountPositive");
        }
        LocalDate day = bookable(account, date);
        try {
            return ledger.post(NewEntry.of(account, EntryKind.PAYMENT, YearMonth.from(day), day, Money.ZERO.minus(amount), actor)
                    .withItem(null, null, reference == null || reference.isBlank() ? null : reference.trim())
                    .withReason(reason == null || reason.isBlank() ? null : reason.trim()));
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("ledger.paymentRegistered", reference, account).at("reference");
        }
    }

    /** Reverses an entry finance made, in its own period (which must still be open for the account). */
    @Transactional
    public LedgerEntry reverse(String account, long entryId, String reason, String actor) {
        requireReason(reason);
        LedgerEntry entry = ledger.find(entryId).filter(e -> e.account().equals(account))
                .orElseThrow(() -> Refusal.notFound("ledger.unknownEntry", account, entryId).at("entry"));
        if (!EntryKind.MANUAL.contains(entry.kind()) || entry.reverses() != null) {
            throw Refusal.conflict(entry.reverses() != null ? "ledger.reversalNotReversible" : "ledger.notReversible",
                    entryId, entry.kind()).at("entry");
        }
        if (entry.reversedBy() != null) {
            throw Refusal.conflict("ledger.alreadyReversed", entryId, entry.reversedBy()).at("entry");
        }
        if (!periods.isOpen(account, entry.period())) {
            throw Refusal.conflict("ledger.entryPeriodClosed", entry.period(), entryId, account).at("entry");
        }
        ledger.reverse(List.of(entryId), reason.trim(), actor);
        return ledger.find(entryId).flatMap(e -> ledger.find(e.reversedBy())).orElseThrow();
    }

    private LocalDate bookable(String account, LocalDate date) {
        if (!accounts.exists(account)) {
            throw Refusal.notFound("account.unknown", account).at("account");
        }
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        if (!periods.isOpen(account, YearMonth.from(day))) {
            throw Refusal.conflict("ledger.periodClosed", YearMonth.from(day), account).at("date");
        }
        return day;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid("reason", "value.required");
        }
    }
}
