package ru.ccbilling.period;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import ru.ccbilling.ledger.EntryKind;
import ru.ccbilling.ledger.Ledger;
import ru.ccbilling.money.Money;

/**
 * An account's usage in a month by service and component. For a month closed for the account these are the
 * frozen figures of its close plus corrections since; records that arrived for the month after its close are
 * counted as late (they wait for the next re-rating). For an open month, the live figures from rating.
 */
@Service
public class UsageReport {

    /** One line: service, component, quantity in unit, amount. */
    public record Line(String service, String component, BigDecimal quantity, String unit, Money amount) { }

    public record Report(String account, YearMonth month, boolean closed, List<Line> lines, Money total,
                         BigDecimal networkMinutes, long cdrs, long serviceEvents, long lateRecords) { }

    private final Periods periods;
    private final UsageSource usage;
    private final Ledger ledger;

    UsageReport(Periods periods, UsageSource usage, Ledger ledger) {
        this.periods = periods;
        this.usage = usage;
        this.ledger = ledger;
    }

    public Report of(String account, YearMonth month) {
        MonthUsage live = usage.usage(month, List.of(account)).getOrDefault(account, MonthUsage.none(account));
        Optional<AccountClose> close = periods.activeClose(account, month);
        if (close.isEmpty()) {
            // rating splits a component by price; the report shows components
            Map<List<String>, UsageTotal> byComponent = new java.util.TreeMap<>(
                    Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
            live.totals().forEach(t -> byComponent.merge(List.of(t.service(), t.component()), t, UsageTotal::plus));
            List<Line> lines = byComponent.values().stream()
                    .map(t -> new Line(t.service(), t.component(), BigDecimal.valueOf(t.quantity()), t.unit(), t.amount()))
                    .toList();
            return new Report(account, month, false, lines, live.total(), live.networkMinutes(), live.cdrs(),
                    live.serviceEvents(), 0);
        }
        List<Line> lines = new ArrayList<>();
        ledger.booked(account, month).forEach((item, booked) -> {
            if (item.kind() == EntryKind.USAGE && (booked.amount().amount().signum() != 0
                    || (booked.quantity() != null && booked.quantity().signum() != 0))) {
                lines.add(new Line(item.service(), item.component(), booked.quantity(), booked.unit(), booked.amount()));
            }
        });
        lines.sort(Comparator.comparing(Line::service).thenComparing(Line::component));
        AccountClose c = close.get();
        long late = Math.max(0, live.cdrs() - c.cdrs()) + Math.max(0, live.serviceEvents() - c.serviceEvents());
        return new Report(account, month, true, lines, lines.stream().map(Line::amount).reduce(Money.ZERO, Money::plus),
                c.networkMinutes(), c.cdrs(), c.serviceEvents(), late);
    }
}
