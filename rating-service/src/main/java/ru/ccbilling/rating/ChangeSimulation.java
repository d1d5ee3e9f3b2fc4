package ru.ccbilling.rating;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.money.Money;
import ru.ccbilling.rules.PricedLine;

/**
 * What a tariff change would do: each record rated under the candidate version and as it is rated now (the
 * version in force for its account), with the differences per record and the totals per account and component.
 */
@Service
public class ChangeSimulation {

    public static final int MAX_LISTED = 1000;

    public record Request(List<JsonNode> records, String account, OffsetDateTime from, OffsetDateTime to, int limit) { }

    public record RecordDiff(Cdr cdr, RatingResult current, RatingResult candidate) {
        public Money delta() {
            return total(candidate).minus(total(current));
        }
    }

    public record ComponentTotal(String account, String component, Money current, Money candidate) {
        public Money delta() {
            return candidate.minus(current);
        }
    }

    public record Result(int recordCount, int changedCount, Money currentTotal, Money candidateTotal,
                         List<ComponentTotal> totals, List<RecordDiff> records) { }

    private final RatingEngine engine;
    private final StoredRecords stored;

    ChangeSimulation(RatingEngine engine, StoredRecords stored) {
        this.engine = engine;
        this.stored = stored;
    }

    public Result simulate(String tariff, int version, Request request) {
        List<JsonNode> records = request.records() != null && !request.records().isEmpty() ? request.records()
                : stored.of(request.account(), request.from(), request.to(), request.limit());
        TariffChoice candidate = new TariffChoice(tariff, version);
        Map<String, Money[]> byComponent = new TreeMap<>();
        List<RecordDiff> all = new ArrayList<>();
        Money currentTotal = Money.ZERO;
        Money candidateTotal = Money.ZERO;
        for (JsonNode node : records) {
            CdrReader.Read read = CdrReader.read(node);
            if (!read.ok()) {
                continue;
            }
            RecordDiff diff = new RecordDiff(read.cdr(), engine.rate(read.cdr()), engine.rate(read.cdr(), candidate));
            all.add(diff);
            currentTotal = currentTotal.plus(total(diff.current()));
            candidateTotal = candidateTotal.plus(total(diff.candidate()));
            add(byComponent, diff.current(), 0);
            add(byComponent, diff.candidate(), 1);
        }
        List<RecordDiff> changed = all.stream().filter(ChangeSimulation::differs).toList();
        List<RecordDiff> listed = all.size() < MAX_LISTED ? all : changed.stream().limit(MAX_LISTED).toList();
        List<ComponentTotal> totals = new ArrayList<>();
        byComponent.forEach((key, sums) -> {
            String[] parts = key.split("\u0000");
            totals.add(new ComponentTotal(parts[0], parts[1], sums[0], sums[1]));
        });
        return new Result(all.size(), changed.size(), currentTotal, candidateTotal, totals, listed);
    }

    private static boolean differs(RecordDiff diff) {
        return !lines(diff.current()).equals(lines(diff.candidate()))
                || diff.current().getClass() != diff.candidate().getClass();
    }

    private static List<String> lines(RatingResult result) {
        if (result instanceof RatingResult.Rated rated) {
            return rated.lines().stream().map(l -> l.component() + l.amount().toPlainString()).toList();
        }
        return List.of(((RatingResult.Rejected) result).reason().name());
    }

    private static void add(Map<String, Money[]> byComponent, RatingResult result, int side) {
        if (!(result instanceof RatingResult.Rated rated)) {
            return;
        }
        for (PricedLine line : rated.lines()) {
            Money[] sums = byComponent.computeIfAbsent(rated.account() + "\u0000" + line.component(),
                    k -> new Money[] {Money.ZERO, Money.ZERO});
            sums[side] = sums[side].plus(Money.of(line.amount()));
        }
    }

    static Money total(RatingResult result) {
        return result instanceof RatingResult.Rated rated ? rated.total() : Money.of(BigDecimal.ZERO);
    }
}
