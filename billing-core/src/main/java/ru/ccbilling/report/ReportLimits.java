package ru.ccbilling.report;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How far a report may go ({@code ccbilling.reports.*}): the longest time range in days, the most rows a report's
 * table may have, the most rows of an export, the largest page of drill-down calls. A report never runs unbounded.
 */
@Component
public class ReportLimits {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final int maxDays;
    private final int maxRows;
    private final int exportMaxRows;
    private final int drillMaxSize;

    ReportLimits(@Value("${ccbilling.reports.max-days:731}") int maxDays,
                 @Value("${ccbilling.reports.max-rows:10000}") int maxRows,
                 @Value("${ccbilling.reports.export-max-rows:1000000}") int exportMaxRows,
                 @Value("${ccbilling.reports.drill-max-size:500}") int drillMaxSize) {
        this.maxDays = maxDays;
        this.maxRows = maxRows;
        this.exportMaxRows = exportMaxRows;
        this.drillMaxSize = drillMaxSize;
    }

    public int maxDays() {
        return maxDays;
    }

    public int maxRows() {
        return maxRows;
    }

    public int exportMaxRows() {
        return exportMaxRows;
    }

    public int drillMaxSize() {
        return drillMaxSize;
    }
}
