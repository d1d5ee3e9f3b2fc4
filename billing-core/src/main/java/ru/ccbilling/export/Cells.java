package ru.ccbilling.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How a cell reads in an export: the Russian way, as the portal's calls.csv always wrote it. */
final class Cells {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private static final String[] MONTHS = {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
            "сентябрь", "октябрь", "ноябрь", "декабрь"};

    private Cells() { }

    /** text of a cell: dates dd.mm.yyyy, months in words (март 2026), moments in Moscow time, amounts with a decimal comma (no grouping: Excel reads it as a number) */
    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal amount) {
            return amount.toPlainString().replace('.', ',');
        }
        if (cell instanceof LocalDate date) {
            return date.format(DATE);
        }
        if (cell instanceof OffsetDateTime time) {
            return time.atZoneSameInstant(MOSCOW).format(TIME);
        }
        if (cell instanceof YearMonth month) {
            return MONTHS[month.getMonthValue() - 1] + " " + month.getYear();
        }
        if (cell instanceof Instant instant) {
            return instant.atZone(MOSCOW).format(TIME);
        }
        return cell.toString();
    }
}
