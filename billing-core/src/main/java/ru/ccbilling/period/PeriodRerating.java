package ru.ccbilling.period;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import ru.ccbilling.account.Account;
import ru.ccbilling.account.AccountDirectory;
import ru.ccbilling.ledger.EntryKind;
import ru.ccbilling.ledger.Ledger;
import ru.ccbilling.ledger.NewEntry;
import ru.ccbilling.money.Money;
import ru.ccbilling.refusal.Refusal;

/**
 * Re-rates an account's month under a chosen tariff version. An open month simply gets its records priced anew.
 * A closed month keeps its figures: the differences per component (usage, and the volume discount and partner
 * accrual that follow from NETWORK, and the top-up to a minimum monthly payment that follows from the usage) become CORRECTION entries (partner: PARTNER_ACCRUAL) in the current period,
 * linked to the month, with the old and new amounts. "Old" is what the month holds now, its corrections included,
 * so running the same re-rating again finds nothing more to correct. Late records of the closed month are picked up
 * the same way.
 */
@Service
public class PeriodRerating {

    /** One item of the month before and after re-rating. */
    public record Difference(EntryKind kind, String service, String component, Money oldAmount, Money newAmount) {
        public Money difference() {
            return newAmount.minus(oldAmount);
        }
    }

    /** What re-rating found, and whether it was applied (and where corrections were booked). */
    public record Outcome(YearMonth month, String account, String tariff, Integer tariffVersion, boolean closed,
                          boolean applied, int records, List<String> unrated, List<Difference> differences,
                          YearMonth bookedIn, int corrections) { }

    private record Figure(Money amount, BigDecimal quantity, String unit) { }

    private final Periods periods;
    private final AccountDirectory accounts;
    private final Rerating rerating;
    private final UsageSource usage;
    private final TariffTerms tariffs;
    private final Ledger ledger;
    private final PeriodClose close;
    private final TransactionTemplate tx;
    private final Clock clock;

    PeriodRerating(Periods periods, AccountDirectory accounts, Rerating rerating, UsageSource usage, TariffTerms tariffs,
                   Ledger ledger, PeriodClose close, TransactionTemplate tx, Clock clock) {
        this.periods = periods;
        this.accounts = accounts;
        this.rerating = rerating;
        this.usage = usage;
        this.tariffs = tariffs;
        this.ledger = ledger;
        this.close = close;
        this.tx = tx;
        this.clock = clock;
    }

    public Outcome rerate(YearMonth month, String account, String tariff, Integer version, boolean apply, String actor) {
        Account found = accounts.find(account).orElseThrow(() ->
                Refusal.notFound("account.unknown", account).at("account"));
        if (month.isAfter(YearMonth.now(clock))) {
            throw Refusal.invalid("month", "period.monthNotBegun", month);
        }
        MonthlyTerms terms = terms(month, found, tariff, version);
        MinimumPayment minimum = minimum(month, found, tariff, version, terms);
        if (!apply) {
            return compute(month, account, tariff, version, terms, minimum, false, actor);
        }
        return tx.execute(status -> {
            UUID running = periods.running(periods.lock(month).closingJob());
            if (running != null) {
                throw Refusal.conflict("period.closingRerateLater", month, running).at("month");
            }
            return compute(month, account, tariff, version, terms, minimum, true, actor);
        });
    }

    private Outcome compute(YearMonth month, String account, String tariff, Integer version, MonthlyTerms terms,
                            MinimumPayment minimum, boolean apply, String actor) {
        boolean closed = !periods.isOpen(account, month);
        YearMonth current = YearMonth.now(clock);
        if (apply && closed && !periods.isOpen(account, current)) {
            throw Refusal.conflict("period.currentClosed", current, account).at("month");
        }
        MonthUsage before = closed ? null : usage.usage(month, List.of(account)).getOrDefault(account, MonthUsage.none(account));
        Rerating.Rerated rerated = rerating.rerate(account, month, tariff, version, apply);
        if (apply && !rerated.unrated().isEmpty()) {
            throw Refusal.unprocessable("period.unpriced", rerated.unrated().size(), rerated.unrated().get(0))
                    .at("tariffVersion");
        }
        Map<Ledger.Item, Figure> after = figures(rerated.usage(), terms, minimum, closed);
        Map<Ledger.Item, Figure> old = closed ? booked(account, month) : figures(before, terms, minimum, false);
        List<Difference> differences = differences(old, after);
        int corrections = 0;
        if (apply && closed) {
            List<NewEntry> entries = corrections(month, account, current, old, after, tariff, version, actor,
                    rerated.usage());
            ledger.post(entries);
            corrections = entries.size();
        }
        if (apply) {
            periods.audit(month, "RERATED", actor, null, 1, account + " по " + (tariff == null ? "назначенному тарифу" : "тарифу " + tariff)
                    + (version == null ? "" : " v" + version) + ": записей " + rerated.records() + ", "
                    + (closed ? "корректировок " + corrections + " в периоде " + current : "потребление заменено"), null);
        }
        return new Outcome(month, account, tariff, version, closed, apply, rerated.records(), rerated.unrated(),
                differences, closed && apply ? current : null, corrections);
    }

    /** usage by item; with {@code withDiscount} (a closed month) the volume discount and partner accrual too */
    private Map<Ledger.Item, Figure> figures(MonthUsage usage, MonthlyTerms terms, MinimumPayment minimum,
                                             boolean withDiscount) {
        Map<Ledger.Item, Figure> figures = new LinkedHashMap<>();
        for (UsageTotal t : usage.totals()) {
            // rating splits a component by price; the ledger compares components
            figures.merge(new Ledger.Item(EntryKind.USAGE, t.service(), t.component()),
                    new Figure(t.amount(), BigDecimal.valueOf(t.quantity()), t.unit()),
                    (a, b) -> new Figure(a.amount().plus(b.amount()), a.quantity().add(b.quantity()), a.unit()));
        }
        if (withDiscount) {
            Money discount = CloseEntries.volumeDiscount(terms, usage);
            figures.put(new Ledger.Item(EntryKind.VOLUME_DISCOUNT, null, UsageTotal.NETWORK),
                    new Figure(discount, discount.amount().signum() == 0 ? null : usage.networkMinutes(), "MIN"));
            figures.put(new Ledger.Item(EntryKind.PARTNER_ACCRUAL, null, UsageTotal.NETWORK),
                    new Figure(CloseEntries.partnerAccrual(close.partner(), usage, discount), null, null));
            // the top-up to the minimum monthly payment follows the usage: re-rating corrects it as well, against the
            // minimum prorated as the close prorated it
            figures.put(new Ledger.Item(EntryKind.MINIMUM_TOPUP, "MONTHLY", "MINIMUM_TOPUP"),
                    new Figure(CloseEntries.minimumTopUpAmount(usage, minimum), null, null));
        }
        return figures;
    }

    private Map<Ledger.Item, Figure> booked(String account, YearMonth month) {
        Map<Ledger.Item, Figure> figures = new LinkedHashMap<>();
        ledger.booked(account, month).forEach((item, b) -> figures.put(item, new Figure(b.amount(), b.quantity(), null)));
        return figures;
    }

    private static List<Difference> differences(Map<Ledger.Item, Figure> old, Map<Ledger.Item, Figure> after) {
        Map<Ledger.Item, Difference> all = new LinkedHashMap<>();
        old.forEach((item, f) -> all.put(item, new Difference(item.kind(), item.service(), item.component(), f.amount(),
                after.containsKey(item) ? after.get(item).amount() : Money.ZERO)));
        after.forEach((item, f) -> all.putIfAbsent(item, new Difference(item.kind(), item.service(), item.component(),
                Money.ZERO, f.amount())));
        List<Difference> sorted = new ArrayList<>(all.values());
        sorted.sort(Comparator.comparing((Difference d) -> d.kind().ordinal())
                .thenComparing(d -> Objects.toString(d.service(), ""))
                .thenComparing(d -> Objects.toString(d.component(), "")));
        return sorted;
    }

    private List<NewEntry> corrections(YearMonth month, String account, YearMonth current, Map<Ledger.Item, Figure> old,
                                       Map<Ledger.Item, Figure> after, String tariff, Integer version, String actor,
                                       MonthUsage rerated) {
        String reason = "перетарификация " + month + " по " + (tariff == null ? "назначенному тарифу" : "тарифу " + tariff)
                + (version == null ? "" : " v" + version);
        List<NewEntry> entries = new ArrayList<>();
        for (Difference d : differences(old, after)) {
            // a component whose prices moved both ways may keep its total: its price lines are still corrected
            if (d.kind() == EntryKind.USAGE) {
                entries.addAll(usageCorrections(month, account, current, d, rerated, reason, actor));
                continue;
            }
            if (d.difference().amount().signum() == 0) {
                continue;
            }
            Ledger.Item item = new Ledger.Item(d.kind(), d.service(), d.component());
            Figure before = old.get(item);
            Figure now = after.get(item);
            BigDecimal quantity = quantity(now).subtract(quantity(before));
            boolean partner = d.kind() == EntryKind.PARTNER_ACCRUAL;
            NewEntry entry = NewEntry.of(account, partner ? EntryKind.PARTNER_ACCRUAL : EntryKind.CORRECTION, current,
                            month.atEndOfMonth(), d.difference(), actor)
                    .withItem(d.service(), d.component(), null)
                    .withQuantity(quantity.signum() == 0 ? null : quantity, now == null ? null : now.unit(), null)
                    .withCorrection(month, partner ? null : d.kind(), d.oldAmount(), d.newAmount())
                    .withReason(reason);
            entries.add(partner ? entry.withCounterparty(close.partner().name())
                    .withQuantity(null, null, close.partner().share()) : entry);
        }
        return entries;
    }

    /**
     * The correction of a usage component, price by price (the close books one entry per rating note, the reference):
     * each price line whose amount changed gets its own entry with its old and new amounts and its new rate, so that
     * a correction VAT invoice can repeat the line it corrects. Their sum is the component's difference.
     */
    private List<NewEntry> usageCorrections(YearMonth month, String account, YearMonth current, Difference d,
                                            MonthUsage rerated, String reason, String actor) {
        Map<String, Ledger.Booked> before = new LinkedHashMap<>();
        ledger.bookedUsageByPrice(account, month).forEach((item, booked) -> {
            if (Objects.equals(item.service(), d.service()) && Objects.equals(item.component(), d.component())) {
                before.put(item.reference(), booked);
            }
        });
        Map<String, UsageTotal> now = new LinkedHashMap<>();
        rerated.totals().stream().filter(t -> Objects.equals(t.service(), d.service())
                        && Objects.equals(t.component(), d.component()))
                .forEach(t -> now.merge(t.detail(), t, UsageTotal::plus));
        java.util.Set<String> references = new java.util.LinkedHashSet<>(before.keySet());
        references.addAll(now.keySet());
        List<NewEntry> entries = new ArrayList<>();
        for (String reference : references) {
            Money old = before.containsKey(reference) ? before.get(reference).amount() : Money.ZERO;
            UsageTotal t = now.get(reference);
            Money neu = t == null ? Money.ZERO : t.amount();
            if (neu.minus(old).amount().signum() == 0) {
                continue;
            }
            BigDecimal oldQuantity = before.containsKey(reference) && before.get(reference).quantity() != null
                    ? before.get(reference).quantity() : BigDecimal.ZERO;
            BigDecimal quantity = (t == null ? BigDecimal.ZERO : BigDecimal.valueOf(t.quantity())).subtract(oldQuantity);
            String unit = t != null ? t.unit() : before.get(reference).unit();
            entries.add(NewEntry.of(account, EntryKind.CORRECTION, current, month.atEndOfMonth(), neu.minus(old), actor)
                    .withItem(d.service(), d.component(), reference)
                    .withQuantity(quantity.signum() == 0 ? null : quantity, unit, t == null ? null : t.rate())
                    .withCorrection(month, EntryKind.USAGE, old, neu)
                    .withReason(reason));
        }
        return entries;
    }

    private static BigDecimal quantity(Figure figure) {
        return figure == null || figure.quantity() == null ? BigDecimal.ZERO : figure.quantity();
    }

    /**
     * The minimum monthly payment the re-rated month is topped up to, prorated by the days in force as the close does
     * ({@link CloseEntries#termsByDay}): without a choice exactly the close's; a chosen tariff stands for the
     * account's on each day it had one and the chosen tariff had a version in force, and a chosen version stands for
     * that day's version, so that re-rating under the very version that was in force counts the same days.
     */
    private MinimumPayment minimum(YearMonth month, Account account, String tariff, Integer version, MonthlyTerms chosen) {
        return MinimumPayment.of(month, CloseEntries.termsByDay(month, account, (code, day) -> {
            Optional<MonthlyTerms> inForce = tariffs.inForce(tariff != null ? tariff : code, day);
            return version != null ? inForce.map(t -> chosen) : inForce;
        }));
    }

    /** the terms whose volume coefficient applies: the chosen version, else the one in force at the month's end */
    private MonthlyTerms terms(YearMonth month, Account account, String tariff, Integer version) {
        Optional<String> code = Optional.ofNullable(tariff);
        LocalDate lastDay = null;
        for (LocalDate d = month.atEndOfMonth(); !d.isBefore(month.atDay(1)) && lastDay == null; d = d.minusDays(1)) {
            if (account.tariffOn(d).isPresent()) {
                lastDay = d;
                if (code.isEmpty()) {
                    code = account.tariffOn(d);
                }
            }
        }
        if (code.isEmpty()) {
            if (version != null) {
                throw Refusal.invalid("tariff", "period.noTariffInMonth", account.code(), month);
            }
            return null;
        }
        String chosen = code.get();
        if (version != null) {
            return tariffs.version(chosen, version).orElseThrow(() ->
                    Refusal.notFound("period.noTariffVersion", chosen, version).at("tariffVersion"));
        }
        Optional<MonthlyTerms> inForce = tariffs.inForce(chosen, lastDay == null ? month.atEndOfMonth() : lastDay);
        if (inForce.isEmpty() && tariff != null) {
            throw Refusal.notFound("period.noVersionInForce", tariff, month).at("tariff");
        }
        return inForce.orElse(null);
    }
}
