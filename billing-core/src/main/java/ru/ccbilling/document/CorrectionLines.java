package ru.ccbilling.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ru.ccbilling.money.Money;

/**
 * The rows of a correction VAT invoice from the lines as printed before and after the correction: both statements
 * go through {@link TaxedLines} (prices, the volume discount folded in, VAT), lines are matched by their key (else
 * by name), and every line that changed is a КСФ line whose row А repeats the line before exactly (name, unit,
 * quantity, price, amounts, VAT) and row Б is the line after. A line whose unit or name changed (a «усл. ед.» line
 * names its minutes and price) is two КСФ lines, as the form has one name and unit per line: the old one down to
 * nothing, the new one up from nothing.
 */
public final class CorrectionLines {

    private CorrectionLines() { }

    public static List<Correction.Line> of(List<Statement.Line> before, List<Statement.Line> after, BigDecimal rate) {
        Map<String, TaxedLines.Line> was = byKey(TaxedLines.of(before, rate));
        Map<String, TaxedLines.Line> now = byKey(TaxedLines.of(after, rate));
        List<Correction.Line> rows = new ArrayList<>();
        for (Map.Entry<String, TaxedLines.Line> e : was.entrySet()) {
            TaxedLines.Line a = e.getValue();
            TaxedLines.Line b = now.get(e.getKey());
            if (b == null) {
                rows.add(row(a, null));
            } else if (!sameUnit(a, b) || !a.line().name().equals(b.line().name())) {
                rows.add(row(a, null));
                rows.add(row(null, b));
            } else if (changed(a, b)) {
                rows.add(row(a, b));
            }
        }
        now.forEach((key, b) -> {
            if (!was.containsKey(key)) {
                rows.add(row(null, b));
            }
        });
        return rows;
    }

    private static Map<String, TaxedLines.Line> byKey(TaxedLines taxed) {
        Map<String, TaxedLines.Line> out = new LinkedHashMap<>();
        for (TaxedLines.Line l : taxed.lines()) {
            String key = l.line().key() != null ? l.line().key() : "name:" + l.line().name();
            out.merge(key, l, (x, y) -> { throw new IllegalStateException("two lines known as " + key); });
        }
        return out;
    }

    private static boolean sameUnit(TaxedLines.Line a, TaxedLines.Line b) {
        return Objects.equals(a.line().unitCode(), b.line().unitCode());
    }

    private static boolean changed(TaxedLines.Line a, TaxedLines.Line b) {
        return a.line().net().compareTo(b.line().net()) != 0 || a.vat().compareTo(b.vat()) != 0
                || a.line().quantity().compareTo(b.line().quantity()) != 0
                || a.line().price().compareTo(b.line().price()) != 0;
    }

    /** row А from {@code a}, row Б from {@code b}; the name and unit of the line before, else of the line after */
    private static Correction.Line row(TaxedLines.Line a, TaxedLines.Line b) {
        Statement.Line named = a != null ? a.line() : b.line();
        return new Correction.Line(named.name(), named.unitCode(), named.unitName(),
                a == null ? null : a.line().quantity(), b == null ? null : b.line().quantity(),
                a == null ? null : a.line().price(), b == null ? null : b.line().price(),
                a == null ? Money.ZERO : a.line().net(), b == null ? Money.ZERO : b.line().net(),
                a == null ? Money.ZERO : a.vat(), b == null ? Money.ZERO : b.vat());
    }
}
