package ru.ccbilling.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.ccbilling.refusal.Text;

/**
 * The monthly letters of saved reports: from the 1st of a month, each report with an address goes there once for the
 * month before, as XLSX over that month (its own range replaced). The month is claimed in {@code saved_report_mailing}
 * before the letter is sent, so one instance sends it; a letter that could not be sent gives the claim back and is
 * tried at the next look. A mailed report covers every account: only finance, tariff managers and admins set an address.
 */
@Component
public class MonthlyReports {

    private static final Logger log = LoggerFactory.getLogger(MonthlyReports.class);

    private final SavedReports saved;
    private final ReportQueries queries;
    private final ReportRunner runner;
    private final ObjectProvider<ReportLetters> letters;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    MonthlyReports(SavedReports saved, ReportQueries queries, ReportRunner runner, ObjectProvider<ReportLetters> letters,
                   JdbcTemplate jdbc, Clock clock) {
        this.saved = saved;
        this.queries = queries;
        this.runner = runner;
        this.letters = letters;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ccbilling.reports.mail-interval:10m}", initialDelayString = "${ccbilling.reports.mail-interval:10m}")
    public void sendDue() {
        ReportLetters mail = letters.getIfAvailable();
        if (mail == null) {
            return;
        }
        YearMonth month = YearMonth.from(LocalDate.now(clock.withZone(ReportLimits.MOSCOW))).minusMonths(1);
        for (SavedReports.SavedReport report : saved.mailed()) {
            try {
                send(report, month, mail);
            } catch (RuntimeException e) {
                release(report, month);
                log.warn("Monthly report {} for {} not sent", report.id(), month, e);
            }
        }
    }

    /** true when the letter went; false when it was sent before or could not go now */
    public boolean send(SavedReports.SavedReport report, YearMonth month, ReportLetters mail) {
        if (jdbc.update("insert into saved_report_mailing (report_id, month) values (?, ?) on conflict do nothing",
                report.id(), Date.valueOf(month.atDay(1))) == 0) {
            return false;
        }
        ReportQuery.Draft d = report.query();
        ReportQuery q = queries.check(new ReportQuery.Draft(d.dataset(), d.dimensions(), d.measures(), d.filters(),
                month.atDay(1), month.atEndOfMonth(), null, d.sort(), d.limit()));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try {
            runner.xlsx(q, new ReportScope.Seen(null), Locale.forLanguageTag("ru"), file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        boolean sent = mail.send(report.mailTo(), Text.of("report.mailSubject", report.name(), month).russian(),
                Text.of("report.mailText", report.name(), month).russian(), "report-" + month + ".xlsx",
                file.toByteArray());
        if (!sent) {
            release(report, month);
        }
        return sent;
    }

    private void release(SavedReports.SavedReport report, YearMonth month) {
        jdbc.update("delete from saved_report_mailing where report_id = ? and month = ?", report.id(),
                Date.valueOf(month.atDay(1)));
    }
}
