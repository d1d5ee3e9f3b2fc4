package ru.ccbilling.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A report to run, checked: at most {@link #MAX_DIMENSIONS} dimensions and at least one measure of the semantic layer,
 * filters on dimensions, the days from and to (both included, Moscow calendar), optionally the rows ordered by a
 * measure (largest first) and cut after {@code limit}.
 */
public record ReportQuery(Dataset dataset, List<Dimension> dimensions, List<Measure> measures, List<Filter> filters,
                          LocalDate from, LocalDate to, Measure sort, Integer limit) {

    public static final int MAX_DIMENSIONS = 3;

    /** the rows whose dimension is one of the values */
    public record Filter(Dimension dimension, List<String> values) {
        public Filter {
            values = List.copyOf(values);
        }
    }

    /** A report as the builder sends and saves it: names of the semantic layer, not yet checked. */
    public record Draft(String dataset, List<String> dimensions, List<String> measures, List<DraftFilter> filters,
                        LocalDate from, LocalDate to, String period, String sort, Integer limit) { }

    public record DraftFilter(String dimension, List<String> values) { }

    public ReportQuery {
        dimensions = List.copyOf(dimensions);
        measures = List.copyOf(measures);
        filters = List.copyOf(filters);
    }

    /** the table the facts come from: the priced lines when a dimension or filter exists only there */
    FactTable table() {
        if (dataset == Dataset.LEDGER) {
            return FactTable.LEDGER;
        }
        boolean lines = dimensions.stream().anyMatch(Dimension::needsLines)
                || filters.stream().anyMatch(f -> f.dimension().needsLines());
        return lines ? FactTable.LINES : FactTable.CALLS;
    }

    /** the same report narrowed to the rows whose dimensions have these values (a cell of its table) */
    public ReportQuery narrowedTo(List<Filter> more, LocalDate from, LocalDate to) {
        List<Filter> all = new java.util.ArrayList<>(filters);
        all.addAll(more);
        return new ReportQuery(dataset, dimensions, measures, all, from, to, sort, limit);
    }
}
