package ru.ccbilling.document.form;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import ru.ccbilling.money.Money;

/** How amounts, quantities, dates and names are written on Russian forms (the templates escape them). */
final class Fmt {

    private static final String[] MONTHS = {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
            "сентября", "октября", "ноября", "декабря"};
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final ThreadLocal<DecimalFormat> MONEY = ThreadLocal.withInitial(() -> format("#,##0.00"));
    private static final ThreadLocal<DecimalFormat> PRICE = ThreadLocal.withInitial(() -> format("#,##0.00##"));
    private static final ThreadLocal<DecimalFormat> QUANTITY = ThreadLocal.withInitial(() -> format("#,##0.###"));

    private Fmt() { }

    private static DecimalFormat format(String pattern) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator('\u00a0');
        symbols.setMinusSign('-');
        DecimalFormat f = new DecimalFormat(pattern, symbols);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }

    /** "1 234,56" (no-break space between thousands) */
    static String money(Money m) {
        return MONEY.get().format(m.amount());
    }

    static String money(BigDecimal amount) {
        return MONEY.get().format(amount);
    }

    /** a price (column 4): "1 234,56", "2,755", "0,0317": up to four decimals, as quantity × price = amount needs */
    static String price(BigDecimal price) {
        return PRICE.get().format(price);
    }

    /** "1 234", "0,5", "12,333" */
    static String quantity(BigDecimal q) {
        return QUANTITY.get().format(q);
    }

    /** "31.03.2026" */
    static String date(LocalDate d) {
        return d.format(DOTTED);
    }

    /** "31 марта 2026 г." */
    static String longDate(LocalDate d) {
        return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear() + " г.";
    }

    /** «март 2026» for a period */
    static String monthName(java.time.YearMonth m) {
        String[] nominative = {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
                "октябрь", "ноябрь", "декабрь"};
        return nominative[m.getMonthValue() - 1] + " " + m.getYear();
    }

    /** "Смирнов Алексей Викторович" -> "Смирнов А. В." */
    static String initials(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return "";
        }
        String[] parts = fullName.trim().split("\\s+");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(i == 1 ? " " : "\u00a0").append(parts[i].charAt(0)).append('.');
        }
        return out.toString();
    }
}
