package ru.ccbilling.document;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import ru.ccbilling.document.IssuedDocument.PackageKind;
import ru.ccbilling.money.Money;
import ru.ccbilling.refusal.Refusal;

/**
 * Офактуривание: documents for one-time services on demand, outside the monthly run, dated today. The client's
 * details come from the account's latest issued package, else from billing's latest closed statement.
 */
@Service
public class OneTimeInvoicing {

    /** one service to invoice: quantity × price, rounded half up to kopecks once */
    public record Item(String name, String unitCode, String unitName, BigDecimal quantity, BigDecimal price) { }

    static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(1_000_000);

    private final PackageIssue issue;
    private final DocumentStore store;
    private final Clock clock;

    OneTimeInvoicing(PackageIssue issue, DocumentStore store, Clock clock) {
        this.issue = issue;
        this.store = store;
        this.clock = clock;
    }

    /** a quantity of at most a million with three decimals; money with two decimals, no amount above the largest */
    private static void checkBounds(Item item, String path) {
        if (item.quantity().stripTrailingZeros().scale() > 3 || item.quantity().compareTo(MAX_QUANTITY) > 0) {
            throw Refusal.invalid(path + ".quantity", "document.quantityBounds", MAX_QUANTITY);
        }
        if (item.price().stripTrailingZeros().scale() > 2 || item.price().compareTo(Money.LARGEST_ENTERED) > 0) {
            throw Refusal.invalid(path + ".price", "document.priceBounds", Money.LARGEST_ENTERED);
        }
        if (item.quantity().multiply(item.price()).compareTo(Money.LARGEST_ENTERED) > 0) {
            throw Refusal.invalid(path + ".price", "document.totalBounds", Money.LARGEST_ENTERED);
        }
    }

    public UUID invoice(String account, List<Item> items) {
        if (items == null || items.isEmpty()) {
            throw Refusal.invalid("items", "document.itemsRequired");
        }
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.name() == null || item.name().isBlank()) {
                throw Refusal.invalid("items[" + i + "].name", "value.required");
            }
            if (item.quantity() == null || item.quantity().signum() <= 0) {
                throw Refusal.invalid("items[" + i + "].quantity", "document.quantityPositive");
            }
            if (item.price() == null || item.price().signum() < 0) {
                throw Refusal.invalid("items[" + i + "].price", "document.priceNotNegative");
            }
            checkBounds(item, "items[" + i + "]");
        }
        Statement known = clientDetails(account);
        LocalDate today = LocalDate.now(clock);
        List<Statement.Line> lines = items.stream().map(i -> new Statement.Line(Statement.Service.ONE_TIME, i.name(),
                i.unitCode() == null ? "796" : i.unitCode(), i.unitName() == null ? "шт" : i.unitName(), i.quantity(),
                i.price(), Money.of(i.quantity().multiply(i.price())))).toList();
        Statement statement = new Statement(account, YearMonth.from(today), today, known.seller(), known.client(),
                known.contract(), lines);
        StatementCheck.require(statement);
        return issue.issueAll(List.of(statement), PackageKind.ONE_TIME).get(0);
    }

    private Statement clientDetails(String account) {
        Optional<Statement> stored = store.latestStatement(account);
        if (stored.isPresent()) {
            return stored.get();
        }
        StatementSource source = issue.source();
        YearMonth month = YearMonth.now(clock);
        for (int back = 0; back < 12; back++, month = month.minusMonths(1)) {
            Optional<Statement> s = source.statement(account, month);
            if (s.isPresent()) {
                return s.get();
            }
        }
        throw Refusal.unprocessable("document.noClientDetails", account).at("account");
    }
}
