package ru.ccbilling.document;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic a printed line must satisfy: quantity × price = amount to the kopeck, the price with at most
 * {@value #PRICE_DECIMALS} decimals (column 4 of a VAT invoice may carry more than two). The buyer's accountant
 * queries a line that does not multiply out; a line that cannot is printed as one «усл. ед.» at its amount.
 */
public final class LinePrices {

    public static final int PRICE_DECIMALS = 4;

    private LinePrices() { }

    /** quantity × price = net exactly, and the price prints with at most four decimals */
    public static boolean exact(Statement.Line line) {
        return line.quantity() != null && line.price() != null
                && line.price().stripTrailingZeros().scale() <= PRICE_DECIMALS
                && line.quantity().multiply(line.price()).compareTo(line.net().amount()) == 0;
    }

    /** amount / quantity when it has at most four decimals and multiplies back exactly; null otherwise */
    public static BigDecimal priceOf(BigDecimal amount, BigDecimal quantity) {
        if (quantity == null || quantity.signum() == 0) {
            return null;
        }
        BigDecimal price = amount.divide(quantity, PRICE_DECIMALS, RoundingMode.HALF_UP);
        if (quantity.multiply(price).compareTo(amount) != 0) {
            return null;
        }
        return price.scale() > 2 ? price.stripTrailingZeros().setScale(Math.max(2, price.stripTrailingZeros().scale())) : price;
    }

    /** "0,30", "2,755", "1 500,00": a price in a line's name */
    public static String rub(BigDecimal price) {
        BigDecimal p = price.stripTrailingZeros();
        return grouped(p.setScale(Math.max(2, p.scale()), RoundingMode.UNNECESSARY));
    }

    /** "40,933", "1 200": a quantity in a line's name */
    public static String quantity(BigDecimal q) {
        BigDecimal p = q.stripTrailingZeros();
        return grouped(p.scale() < 0 ? p.setScale(0) : p);
    }

    private static String grouped(BigDecimal value) {
        String plain = value.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                b.append('\u00a0');
            }
            b.append(whole.charAt(i));
        }
        return (value.signum() < 0 ? "−" : "") + b + (dot < 0 ? "" : "," + plain.substring(dot + 1));
    }
}
