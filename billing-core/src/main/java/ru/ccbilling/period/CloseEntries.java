package ru.ccbilling.period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;

import ru.ccbilling.account.Account;
import ru.ccbilling.account.Holdings;
import ru.ccbilling.account.NumberAssignment;
import ru.ccbilling.ledger.EntryKind;
import ru.ccbilling.ledger.NewEntry;
import ru.ccbilling.money.Money;

/**
 * The entries that close one account's month (tariff sheet, section 4): its usage by service, component and price
 * (one entry per rate and rating note: reference = the note, rate = the price); the
 * 8-800 number rental per number held, the virtual-office number by its channels (section 7.3) and the dedicated
 * seat per dedicated operator, each prorated by the days held (amount × days / days in month, rounded once, half up)
 * at the rate of the tariff version in force each day; the
 * volume discount −round(NETWORK × (1 − coefficient)); the top-up to a client tariff's minimum monthly payment, prorated
 * by the same days ({@link MinimumPayment}); and the partner's share of NETWORK after the discount.
 */
final class CloseEntries {

    /** The partner operator and its share of each account's NETWORK amount after the volume discount. */
    record Partner(String name, BigDecimal share) { }

    /** The entries, and the tariff version whose volume coefficient applied (null when no tariff was in force). */
    record Result(List<NewEntry> entries, MonthlyTerms terms) { }

    /** a fee charged by days: of a number or operator, under a tariff version; channels of a virtual-office number, else 0 */
    private record Fee(String fee, String reference, int channels, String tariff, int version) { }

    /** by service and component, then the dearer price first: the order documents print them in */
    static final Comparator<UsageTotal> USAGE_ORDER = Comparator.comparing(UsageTotal::service)
            .thenComparing(UsageTotal::component)
            .thenComparing(UsageTotal::rate, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(UsageTotal::detail, Comparator.nullsLast(Comparator.naturalOrder()));

    private CloseEntries() { }

    static Result of(YearMonth month, Holdings holdings, MonthUsage usage, TariffTerms tariffs, Partner partner,
                     String actor) {
        String account = holdings.account().code();
        LocalDate day = month.atEndOfMonth();
        List<NewEntry> entries = new ArrayList<>();
        usage.totals().stream()
                .filter(t -> t.amount().amount().signum() != 0)
                .sorted(USAGE_ORDER)
                .forEach(t -> entries.add(NewEntry.of(account, EntryKind.USAGE, month, day, t.amount(), actor)
                        .withItem(t.service(), t.component(), t.detail())
                        .withQuantity(BigDecimal.valueOf(t.quantity()), t.unit(), t.rate())));
        SortedMap<LocalDate, MonthlyTerms> termsByDay = termsByDay(month, holdings.account(), tariffs::inForce);
        MonthlyTerms last = termsByDay.isEmpty() ? null : termsByDay.get(termsByDay.lastKey());
        fees(month, holdings, termsByDay, actor, entries);
        minimumTopUp(account, month, usage, MinimumPayment.of(month, termsByDay), actor).ifPresent(entries::add);
        Money discount = volumeDiscount(last, usage);
        if (discount.amount().signum() != 0) {
            entries.add(discountEntry(account, month, usage, last, discount, actor));
        }
        Money accrual = partnerAccrual(partner, usage, discount);
        if (accrual.amount().signum() != 0) {
            entries.add(NewEntry.of(account, EntryKind.PARTNER_ACCRUAL, month, day, accrual, actor)
                    .withItem(null, UsageTotal.NETWORK, null).withQuantity(null, null, partner.share())
                    .withCounterparty(partner.name()));
        }
        return new Result(entries, last);
    }

    /**
     * The top-up of the month's usage entries (net of VAT, before monthly fees and the volume discount) to the
     * minimum monthly payment, prorated by the days in force ({@link MinimumPayment}: each minimum M counts
     * round_half_up(M × days / days in month, 2)); none when the usage reaches it or no tariff had a minimum
     */
    static Optional<NewEntry> minimumTopUp(String account, YearMonth month, MonthUsage usage, MinimumPayment minimum,
                                           String actor) {
        Money topUp = minimumTopUpAmount(usage, minimum);
        if (topUp.amount().signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(NewEntry.of(account, EntryKind.MINIMUM_TOPUP, month, month.atEndOfMonth(), topUp, actor)
                .withItem("MONTHLY", "MINIMUM_TOPUP", null)
                .withQuantity(BigDecimal.ONE, null, minimum.amount().amount())
                .withReason(minimum.reason(used(usage))));
    }

    /** max(0, prorated minimum − usage): zero without a minimum in force (re-rating corrects the top-up with this) */
    static Money minimumTopUpAmount(MonthUsage usage, MinimumPayment minimum) {
        return minimum.isNone() ? Money.ZERO : minimum.topUp(used(usage));
    }

    private static Money used(MonthUsage usage) {
        return usage.totals().stream().map(UsageTotal::amount).reduce(Money.ZERO, Money::plus);
    }

    /** −round(NETWORK × (1 − coefficient)), zero without a tariff or below the first threshold */
    static Money volumeDiscount(MonthlyTerms terms, MonthUsage usage) {
        Money network = usage.networkTotal();
        if (terms == null || network.amount().signum() == 0) {
            return Money.ZERO;
        }
        BigDecimal coefficient = terms.volumeCoefficient(usage.networkMinutes());
        return Money.ZERO.minus(network.times(BigDecimal.ONE.subtract(coefficient)));
    }

    static NewEntry discountEntry(String account, YearMonth month, MonthUsage usage, MonthlyTerms terms, Money discount,
                                  String actor) {
        return NewEntry.of(account, EntryKind.VOLUME_DISCOUNT, month, month.atEndOfMonth(), discount, actor)
                .withItem(null, UsageTotal.NETWORK, null)
                .withQuantity(usage.networkMinutes(), "MIN", terms.volumeCoefficient(usage.networkMinutes()));
    }

    /** round(share × (NETWORK + discount)) */
    static Money partnerAccrual(Partner partner, MonthUsage usage, Money discount) {
        return usage.networkTotal().plus(discount).times(partner.share());
    }

    /**
     * The days in force: each day of the month on which the account had a tariff with a version in force, with that
     * version's terms ({@code termsOn}: the terms of a tariff on a day). Monthly fees and the minimum monthly payment
     * are prorated by these days.
     */
    static SortedMap<LocalDate, MonthlyTerms> termsByDay(YearMonth month, Account account,
                                                         BiFunction<String, LocalDate, Optional<MonthlyTerms>> termsOn) {
        SortedMap<LocalDate, MonthlyTerms> byDay = new TreeMap<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            Optional<String> tariff = account.tariffOn(d);
            if (tariff.isEmpty()) {
                continue;
            }
            Optional<MonthlyTerms> terms = termsOn.apply(tariff.get(), d);
            if (terms.isPresent()) {
                byDay.put(d, terms.get());
            }
        }
        return byDay;
    }

    /** adds the monthly fee entries of the days in force */
    private static void fees(YearMonth month, Holdings holdings, SortedMap<LocalDate, MonthlyTerms> termsByDay,
                             String actor, List<NewEntry> entries) {
        Account account = holdings.account();
        Map<Fee, Integer> days = new TreeMap<>(Comparator.comparing(Fee::fee).thenComparing(Fee::reference)
                .thenComparingInt(Fee::channels).thenComparing(Fee::tariff).thenComparingInt(Fee::version));
        Map<Fee, Money> rates = new HashMap<>();
        termsByDay.forEach((d, terms) -> {
            for (NumberAssignment number : holdings.numbers()) {
                if (number.covers(d) && number.isVirtualOffice()) {
                    count(days, rates, terms, virtualOffice(terms, number.channels()),
                            MonthlyTerms.VIRTUAL_OFFICE_NUMBER, number.number(), number.channels());
                } else if (number.covers(d)) {
                    count(days, rates, terms, terms.monthlyFee(MonthlyTerms.NUMBER_RENTAL),
                            MonthlyTerms.NUMBER_RENTAL, number.number(), 0);
                }
            }
            for (Account.DedicatedOperator operator : account.dedicatedOperators()) {
                if (!d.isBefore(operator.validFrom()) && (operator.validTo() == null || d.isBefore(operator.validTo()))) {
                    count(days, rates, terms, terms.monthlyFee(MonthlyTerms.DEDICATED_SEAT),
                            MonthlyTerms.DEDICATED_SEAT, operator.operatorId(), 0);
                }
            }
        });
        BigDecimal daysInMonth = BigDecimal.valueOf(month.lengthOfMonth());
        days.forEach((fee, n) -> {
            Money rate = rates.get(fee);
            Money amount = Money.of(rate.amount().multiply(BigDecimal.valueOf(n)).divide(daysInMonth, 2, RoundingMode.HALF_UP));
            boolean channels = fee.channels() > 0;
            entries.add(NewEntry.of(account.code(), EntryKind.MONTHLY_FEE, month, month.atEndOfMonth(), amount, actor)
                    .withItem("MONTHLY", fee.fee(), fee.reference())
                    .withQuantity(BigDecimal.valueOf(n), "DAY", rate.amount())
                    .withChannels(channels ? fee.channels() : null)
                    .withReason(fee.tariff() + " v" + fee.version() + ": " + rate + " × " + n + "/" + daysInMonth
                            + (channels ? ", каналов: " + fee.channels() : "")));
        });
    }

    /**
     * The full month of a virtual-office number with these channels: the number's fee and each channel beyond those
     * included (none when the tariff has no number fee; extra channels free when it has no channel fee).
     */
    static Optional<Money> virtualOffice(MonthlyTerms terms, int channels) {
        int extra = Math.max(0, channels - terms.virtualOfficeChannelsIncluded());
        Money channel = terms.monthlyFee(MonthlyTerms.VIRTUAL_OFFICE_CHANNEL).orElse(Money.ZERO);
        return terms.monthlyFee(MonthlyTerms.VIRTUAL_OFFICE_NUMBER)
                .map(number -> number.plus(channel.times(BigDecimal.valueOf(extra))));
    }

    private static void count(Map<Fee, Integer> days, Map<Fee, Money> rates, MonthlyTerms terms, Optional<Money> rate,
                              String fee, String reference, int channels) {
        if (rate.isEmpty()) {
            return;
        }
        Fee key = new Fee(fee, reference, channels, terms.tariff(), terms.version());
        days.merge(key, 1, Integer::sum);
        rates.putIfAbsent(key, rate.get());
    }
}
