package ru.ccbilling.period;

import java.math.BigDecimal;
import java.util.List;

import ru.ccbilling.money.Money;

/**
 * An account's rated usage in a month as rating reports it: totals by service and component, the billed NETWORK
 * minutes (for the volume coefficient), and what it covers: how many CDRs and one-time service events, and a
 * fingerprint of their identities (a later record for the month changes it).
 */
public record MonthUsage(String account, List<UsageTotal> totals, BigDecimal networkMinutes, long cdrs,
                         long serviceEvents, String fingerprint) {

    public MonthUsage {
        totals = List.copyOf(totals);
    }

    public static MonthUsage none(String account) {
        return new MonthUsage(account, List.of(), BigDecimal.ZERO, 0, 0, null);
    }

    /** the month's NETWORK amount, over every call type */
    public Money networkTotal() {
        return totals.stream().filter(t -> UsageTotal.NETWORK.equals(t.component())).map(UsageTotal::amount)
                .reduce(Money.ZERO, Money::plus);
    }

    public Money total() {
        return totals.stream().map(UsageTotal::amount).reduce(Money.ZERO, Money::plus);
    }
}
