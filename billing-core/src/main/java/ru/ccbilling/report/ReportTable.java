package ru.ccbilling.report;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A report's answer, pivot-friendly: one row per combination of the dimensions' values (in their order), the measures
 * in the order asked, and the totals of the whole report computed by the database over all its facts (a ratio's total
 * is the ratio of the sums, not a sum of ratios).
 */
public record ReportTable(ReportQuery query, List<Row> rows, List<Object> totals, OffsetDateTime generatedAt) {

    /** values are the dimensions' values (text; a day as yyyy-MM-dd) then the measures (numbers, null when undefined) */
    public record Row(List<String> dimensions, List<Object> measures) { }
}
