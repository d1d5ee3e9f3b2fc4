package ru.ccbilling.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import ru.ccbilling.refusal.Refusal;

/**
 * Checks a report as the builder sends it against the semantic layer and the limits: every name must be a dimension or
 * measure of the dataset, at most three dimensions, a time range no longer than the configured maximum. Refused with
 * 400 naming the field (e.g. {@code dimensions[1]}).
 */
@Component
public class ReportQueries {

    /** relative periods a saved report may keep instead of fixed days, resolved on the day it runs (Moscow) */
    public enum Period { THIS_MONTH, LAST_MONTH, LAST_3_MONTHS, LAST_12_MONTHS, THIS_YEAR }

    private final ReportLimits limits;
    private final Clock clock;

    ReportQueries(ReportLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public ReportQuery check(ReportQuery.Draft draft) {
        Dataset dataset = dataset(draft.dataset());
        List<String> dimensionNames = draft.dimensions() == null ? List.of() : draft.dimensions();
        if (dimensionNames.size() > ReportQuery.MAX_DIMENSIONS) {
            throw Refusal.invalid("dimensions", "report.tooManyDimensions", ReportQuery.MAX_DIMENSIONS);
        }
        List<Dimension> dimensions = new ArrayList<>();
        for (int i = 0; i < dimensionNames.size(); i++) {
            Dimension d = dimension(dataset, dimensionNames.get(i), "dimensions[" + i + "]");
            if (dimensions.contains(d)) {
                throw Refusal.invalid("dimensions[" + i + "]", "report.dimensionTwice", d.key());
            }
            dimensions.add(d);
        }
        List<ReportQuery.Filter> filters = filters(dataset, draft.filters());
        List<String> measureNames = draft.measures() == null ? List.of() : draft.measures();
        if (measureNames.isEmpty()) {
            throw Refusal.invalid("measures", "report.noMeasure");
        }
        if (measureNames.size() > Measure.values().length) {
            throw Refusal.invalid("measures", "report.tooManyMeasures", Measure.values().length);
        }
        List<Measure> measures = new ArrayList<>();
        for (int i = 0; i < measureNames.size(); i++) {
            String name = measureNames.get(i);
            Measure m = Measure.byKey(name).filter(x -> x.on(dataset)).orElseThrow(() -> Refusal.invalid(
                    "measures[" + measures.size() + "]", "report.unknownMeasure", name, keys(dataset, true)));
            if (!measures.contains(m)) {
                measures.add(m);
            }
        }
        LocalDate[] range = range(draft);
        Measure sort = null;
        if (draft.sort() != null && !draft.sort().isBlank()) {
            sort = Measure.byKey(draft.sort()).filter(measures::contains)
                    .orElseThrow(() -> Refusal.invalid("sort", "report.sortNotMeasure", draft.sort()));
        }
        if (draft.limit() != null && (draft.limit() < 1 || draft.limit() > limits.maxRows())) {
            throw Refusal.invalid("limit", "report.limit", limits.maxRows());
        }
        ReportQuery query = new ReportQuery(dataset, dimensions, measures, filters, range[0], range[1], sort, draft.limit());
        FactTable table = query.table();
        for (int i = 0; i < measures.size(); i++) {
            if (measures.get(i).sql(table) == null) {
                throw Refusal.invalid("measures[" + i + "]", "report.measureNotByLines", measures.get(i).key());
            }
        }
        for (int i = 0; i < dimensions.size(); i++) {
            if (dimensions.get(i).sql(table) == null) {
                throw Refusal.invalid("dimensions[" + i + "]", "report.dimensionNotByLines", dimensions.get(i).key());
            }
        }
        for (int i = 0; i < filters.size(); i++) {
            if (filters.get(i).dimension().sql(table) == null) {
                throw Refusal.invalid("filters[" + i + "].dimension", "report.dimensionNotByLines",
                        filters.get(i).dimension().key());
            }
        }
        return query;
    }

    private static Dataset dataset(String name) {
        if (name == null || name.isBlank()) {
            return Dataset.CALLS;
        }
        try {
            return Dataset.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("dataset", "report.unknownDataset", name,
                    Arrays.stream(Dataset.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static Dimension dimension(Dataset dataset, String name, String field) {
        return Dimension.byKey(name).filter(d -> d.on(dataset))
                .orElseThrow(() -> Refusal.invalid(field, "report.unknownDimension", name, keys(dataset, false)));
    }

    private List<ReportQuery.Filter> filters(Dataset dataset, List<ReportQuery.DraftFilter> drafts) {
        List<ReportQuery.Filter> filters = new ArrayList<>();
        if (drafts == null) {
            return filters;
        }
        if (drafts.size() > 20) {
            throw Refusal.invalid("filters", "report.tooManyFilters", 20);
        }
        for (int i = 0; i < drafts.size(); i++) {
            ReportQuery.DraftFilter f = drafts.get(i);
            Dimension d = dimension(dataset, f.dimension(), "filters[" + i + "].dimension");
            if (f.values() == null || f.values().isEmpty() || f.values().size() > 1000
                    || f.values().stream().anyMatch(v -> v == null || v.length() > 200)) {
                throw Refusal.invalid("filters[" + i + "].values", "report.filterValues", 1000);
            }
            filters.add(new ReportQuery.Filter(d, f.values()));
        }
        return filters;
    }

    private LocalDate[] range(ReportQuery.Draft draft) {
        LocalDate from = draft.from();
        LocalDate to = draft.to();
        if (from == null || to == null) {
            if (draft.period() == null || draft.period().isBlank()) {
                throw Refusal.invalid(from == null ? "from" : "to", "report.rangeRequired");
            }
            LocalDate[] relative = relative(draft.period());
            from = from == null ? relative[0] : from;
            to = to == null ? relative[1] : to;
        }
        if (to.isBefore(from)) {
            throw Refusal.invalid("to", "report.rangeOrder");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > limits.maxDays()) {
            throw Refusal.invalid("to", "report.rangeTooLong", limits.maxDays(), days);
        }
        return new LocalDate[] {from, to};
    }

    private LocalDate[] relative(String name) {
        Period period;
        try {
            period = Period.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("period", "report.unknownPeriod", name,
                    Arrays.stream(Period.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
        YearMonth now = YearMonth.from(LocalDate.now(clock.withZone(ReportLimits.MOSCOW)));
        return switch (period) {
            case THIS_MONTH -> new LocalDate[] {now.atDay(1), now.atEndOfMonth()};
            case LAST_MONTH -> new LocalDate[] {now.minusMonths(1).atDay(1), now.minusMonths(1).atEndOfMonth()};
            case LAST_3_MONTHS -> new LocalDate[] {now.minusMonths(2).atDay(1), now.atEndOfMonth()};
            case LAST_12_MONTHS -> new LocalDate[] {now.minusMonths(11).atDay(1), now.atEndOfMonth()};
            case THIS_YEAR -> new LocalDate[] {now.atDay(1).withDayOfYear(1), now.atEndOfMonth()};
        };
    }

    private static String keys(Dataset dataset, boolean measures) {
        return measures
                ? Arrays.stream(Measure.values()).filter(m -> m.on(dataset)).map(Measure::key).collect(Collectors.joining(", "))
                : Arrays.stream(Dimension.values()).filter(d -> d.on(dataset)).map(Dimension::key)
                        .collect(Collectors.joining(", "));
    }
}
