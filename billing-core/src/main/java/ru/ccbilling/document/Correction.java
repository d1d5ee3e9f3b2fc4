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
 */
public record Correction(String id, String account, YearMonth month, LocalDate date, String reason,
                         String originalNumber, LocalDate originalDate, List<Line> lines) {

    public Correction {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public record Line(String name, String unitCode, String unitName, BigDecimal quantityBefore,
                       BigDecimal quantityAfter, BigDecimal priceBefore, BigDecimal priceAfter, Money netBefore,
                       Money netAfter) { }
}
