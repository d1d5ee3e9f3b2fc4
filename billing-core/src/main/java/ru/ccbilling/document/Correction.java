package ru.ccbilling.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import ru.ccbilling.money.Money;

/**
 * A change to the charges of a closed month (re-rating), to be issued as a correction VAT invoice (КСФ).
 * Billing provides it through {@link StatementSource#corrections}; documents issue each {@code id} once.
 *
 * @param id             stable identifier of the correction: the same id is never issued twice
 * @param account        the account whose month was corrected
 * @param month          the corrected (closed) month
 * @param date           the date of the correction: the КСФ's date
 * @param reason         why, e.g. «Перетарификация вызовов за март 2026»; may be null
 * @param originalNumber the number of the VAT invoice (or UPD) corrected; null = the one documents issued for
 *                       the account and month
 * @param originalDate   its date; null like {@code originalNumber}
 * @param lines          per line the quantities, prices and net amounts before and after the change
 * @param statementAfter the month's statement lines after this correction (billing's state); when present the
 *                       documents make {@code lines} themselves from the printed lines before and after
 *                       ({@link CorrectionLines}), so that rows А repeat the VAT invoice exactly; null = use {@code lines}
 */
public record Correction(String id, String account, YearMonth month, LocalDate date, String reason,
                         String originalNumber, LocalDate originalDate, List<Line> lines,
                         List<Statement.Line> statementAfter) {

    public Correction {
        lines = lines == null ? List.of() : List.copyOf(lines);
        statementAfter = statementAfter == null ? null : List.copyOf(statementAfter);
    }

    public Correction(String id, String account, YearMonth month, LocalDate date, String reason, String originalNumber,
                      LocalDate originalDate, List<Line> lines) {
        this(id, account, month, date, reason, originalNumber, originalDate, lines, null);
    }

    /** the same correction with these rows */
    public Correction withLines(List<Line> rows) {
        return new Correction(id, account, month, date, reason, originalNumber, originalDate, rows, statementAfter);
    }

    /**
     * One line of the КСФ: row А (before) and row Б (after). A side the line is absent from has null quantity and
     * price and zero amounts. {@code vatBefore}/{@code vatAfter} are the VAT as printed (row А repeats the VAT
     * invoice's line to the kopeck); null = computed from the net at the rate.
     */
    public record Line(String name, String unitCode, String unitName, BigDecimal quantityBefore,
                       BigDecimal quantityAfter, BigDecimal priceBefore, BigDecimal priceAfter, Money netBefore,
                       Money netAfter, Money vatBefore, Money vatAfter) {

        public Line(String name, String unitCode, String unitName, BigDecimal quantityBefore, BigDecimal quantityAfter,
                    BigDecimal priceBefore, BigDecimal priceAfter, Money netBefore, Money netAfter) {
            this(name, unitCode, unitName, quantityBefore, quantityAfter, priceBefore, priceAfter, netBefore, netAfter,
                    null, null);
        }
    }
}
