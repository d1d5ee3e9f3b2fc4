package ru.ccbilling.document;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import ru.ccbilling.money.Money;

/**
 * Сумма прописью: roubles in Russian words, kopecks in digits, each with its declension
 * («Двадцать один рубль 22 копейки», «Две тысячи рублей 00 копеек»). Thousands are feminine
 * («одна тысяча», «две тысячи»), roubles, millions and billions masculine.
 */
public final class AmountInWords {

    private static final String[] UNITS_M = {"", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"};
    private static final String[] UNITS_F = {"", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"};
    private static final String[] TEENS = {"десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать",
            "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"};
    private static final String[] TENS = {"", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят",
            "семьдесят", "восемьдесят", "девяносто"};
    private static final String[] HUNDREDS = {"", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот",
            "семьсот", "восемьсот", "девятьсот"};
    /** groups of three digits from the thousands up: forms for 1, 2-4, 5-20 and whether the word is feminine */
    private static final String[][] SCALES = {
            {"тысяча", "тысячи", "тысяч", "f"},
            {"миллион", "миллиона", "миллионов", "m"},
            {"миллиард", "миллиарда", "миллиардов", "m"},
            {"триллион", "триллиона", "триллионов", "m"}};

    /** the first amount too large to write: a quadrillion roubles */
    static final BigDecimal LIMIT = new BigDecimal("1E15");

    private AmountInWords() { }

    /** «Одна тысяча двести тридцать четыре рубля 56 копеек»; a negative amount starts with «Минус» */
    public static String of(Money money) {
        BigDecimal amount = money.amount().setScale(2, RoundingMode.HALF_UP);
        boolean negative = amount.signum() < 0;
        amount = amount.abs();
        BigInteger roubles = amount.toBigInteger();
        int kopecks = amount.subtract(new BigDecimal(roubles)).movePointRight(2).intValueExact();
        String words = roubles.signum() == 0 ? "ноль" : integerWords(roubles);
        String text = (negative ? "минус " : "") + words + " " + plural(roubles, "рубль", "рубля", "рублей")
                + " " + String.format("%02d", kopecks) + " " + plural(BigInteger.valueOf(kopecks), "копейка", "копейки", "копеек");
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** a whole number of roubles in words (masculine), without the currency */
    static String integerWords(BigInteger number) {
        StringBuilder out = new StringBuilder();
        String digits = number.toString();
        int groups = (digits.length() + 2) / 3;
        if (groups > SCALES.length + 1) {
            throw new IllegalArgumentException("too large to write in words: " + number);
        }
        for (int g = groups - 1; g >= 0; g--) {
            int end = digits.length() - g * 3;
            int value = Integer.parseInt(digits.substring(Math.max(0, end - 3), end));
            if (value == 0) {
                continue;
            }
            boolean feminine = g > 0 && SCALES[g - 1][3].equals("f");
            append(out, triple(value, feminine));
            if (g > 0) {
                append(out, plural(BigInteger.valueOf(value), SCALES[g - 1][0], SCALES[g - 1][1], SCALES[g - 1][2]));
            }
        }
        return out.toString();
    }

    private static String triple(int value, boolean feminine) {
        StringBuilder out = new StringBuilder();
        append(out, HUNDREDS[value / 100]);
        int rest = value % 100;
        if (rest >= 10 && rest < 20) {
            append(out, TEENS[rest - 10]);
        } else {
            append(out, TENS[rest / 10]);
            append(out, (feminine ? UNITS_F : UNITS_M)[rest % 10]);
        }
        return out.toString();
    }

    /** the form of a noun after a number: 1, 21 рубль; 2-4, 22 рубля; 0, 5-20, 25 рублей */
    static String plural(BigInteger number, String one, String few, String many) {
        int lastTwo = number.mod(BigInteger.valueOf(100)).intValue();
        int last = lastTwo % 10;
        if (lastTwo >= 11 && lastTwo <= 14) {
            return many;
        }
        if (last == 1) {
            return one;
        }
        return last >= 2 && last <= 4 ? few : many;
    }

    private static void append(StringBuilder out, String word) {
        if (word.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(word);
    }
}
