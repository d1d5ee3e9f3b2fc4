package ru.ccbilling.cdr;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the report facts that the statement triggers on {@code cdr} append (report_call_pending, report_line_pending)
 * into the daily and monthly facts, every few seconds (rating's V120, {@code report_fold_pending()}). Intake then only
 * appends a chunk's grouped sums, never waiting for another chunk's upsert, and each fact is updated once per fold
 * however many chunks added to it. Reports read the pending facts beside the folded ones, so they are exact whether
 * or not a fold has run.
 */
@Component
class ReportFactsFold {

    private static final Logger LOG = LoggerFactory.getLogger(ReportFactsFold.class);

    private final JdbcTemplate jdbc;

    ReportFactsFold(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${ccbilling.reports.fold-interval:5s}",
            initialDelayString = "${ccbilling.reports.fold-interval:5s}")
    void scheduled() {
        try {
            fold();
        } catch (DataAccessException e) {
            // PostgreSQL away: the pending facts wait for the next fold, reports still count them
            LOG.warn("report facts not folded: {}", e.getMessage());
        }
    }

    /** one fold; answers how many pending rows it moved */
    long fold() {
        Long folded = jdbc.queryForObject("select report_fold_pending()", Long.class);
        return folded == null ? 0 : folded;
    }
}
