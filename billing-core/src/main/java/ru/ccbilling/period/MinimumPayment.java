package ru.ccbilling.period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import ru.ccbilling.money.Money;

/**
 * The minimum monthly payment of a client tariff (issue 17) an account owes for a month, prorated by the days in
 * force: each minimum M counts round_half_up(M × n / D, 2) for the n days of the D-day month on which the account had
 * a tariff whose version in force has that minimum (the same days by which {@link CloseEntries} prorates the monthly
 * fees). A whole month of one minimum is M itself. The close tops the month's usage up to {@link #amount()}.
 *
 * @param terms the last version in force in the month with a minimum (its tariff and version name the top-up)
 * @param parts each minimum with its days, in the order they first applied
 */
record MinimumPayment(MonthlyTerms terms, List<Part> parts, int daysInMonth) {

    /** one minimum monthly payment and the days of the month it was in force */
    record Part(Money monthly, int days) { }

    static final MinimumPayment NONE = new MinimumPayment(null, List.of(), 0);

    MinimumPayment {
        parts = List.copyOf(parts);
    }

    /** the minimum of the month from the terms in force on each day the account had a tariff */
    static MinimumPayment of(YearMonth month, SortedMap<LocalDate, MonthlyTerms> termsByDay) {
        Map<BigDecimal, Integer> days = new LinkedHashMap<>();
        MonthlyTerms last = null;
        for (MonthlyTerms terms : termsByDay.values()) {
            Optional<Money> minimum = terms.minimumMonthlyPayment();
            if (minimum.isPresent()) {
                days.merge(minimum.get().amount(), 1, Integer::sum);
                last = terms;
            }
        }
        if (last == null) {
            return NONE;
        }
        List<Part> parts = new ArrayList<>();
        days.forEach((monthly, n) -> parts.add(new Part(Money.of(monthly), n)));
        return new MinimumPayment(last, parts, month.lengthOfMonth());
    }

    boolean isNone() {
        return parts.isEmpty();
    }

    /** Σ round_half_up(M × n / D, 2); M itself for a whole month of one minimum */
    Money amount() {
        Money sum = Money.ZERO;
        for (Part p : parts) {
            sum = sum.plus(prorated(p));
        }
        return sum;
    }

    /** whether some minimum applied for less than the whole month */
    boolean prorated() {
        return parts.size() != 1 || parts.get(0).days() != daysInMonth;
    }

    /** max(0, the minimum − the month's usage) */
    Money topUp(Money used) {
        Money topUp = amount().minus(used);
        return topUp.amount().signum() <= 0 ? Money.ZERO : topUp;
    }

    /**
     * The top-up's reason: as it always was for a whole month («минимальный платёж 20000.00, использовано 189.00»);
     * a prorated one says so: «минимальный платёж 10 000,00 за 16 из 30 дней: 5 333,33, использовано 189,00».
     */
    String reason(Money used) {
        String head = terms.tariff() + " v" + terms.version() + ": ";
        if (!prorated()) {
            return head + "минимальный платёж " + parts.get(0).monthly() + ", использовано " + used;
        }
        List<String> each = new ArrayList<>();
        for (Part p : parts) {
            each.add("минимальный платёж " + ru(p.monthly()) + " за " + p.days() + " из " + daysInMonth + " дней: "
                    + ru(prorated(p)));
        }
        return head + String.join("; ", each) + ", использовано " + ru(used);
    }

    private Money prorated(Part p) {
        return Money.of(p.monthly().amount().multiply(BigDecimal.valueOf(p.days()))
                .divide(BigDecimal.valueOf(daysInMonth), 2, RoundingMode.HALF_UP));
    }

    /** "10 000,00" */
    private static String ru(Money m) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator(' ');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(m.amount());
    }
}
