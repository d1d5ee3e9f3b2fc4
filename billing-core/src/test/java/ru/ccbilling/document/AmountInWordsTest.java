package ru.ccbilling.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.ccbilling.money.Money;

/** Сумма прописью: declension of roubles and kopecks, feminine thousands, the tricky teens. */
class AmountInWordsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "0.00         | Ноль рублей 00 копеек",
            "1.00         | Один рубль 00 копеек",
            "2.00         | Два рубля 00 копеек",
            "5.00         | Пять рублей 00 копеек",
            "11.00        | Одиннадцать рублей 00 копеек",
            "12.00        | Двенадцать рублей 00 копеек",
            "14.00        | Четырнадцать рублей 00 копеек",
            "15.00        | Пятнадцать рублей 00 копеек",
            "19.00        | Девятнадцать рублей 00 копеек",
            "21.00        | Двадцать один рубль 00 копеек",
            "22.22        | Двадцать два рубля 22 копейки",
            "101.01       | Сто один рубль 01 копейка",
            "111.11       | Сто одиннадцать рублей 11 копеек",
            "1000.00      | Одна тысяча рублей 00 копеек",
            "2000.00      | Две тысячи рублей 00 копеек",
            "5000.05      | Пять тысяч рублей 05 копеек",
            "11000.00     | Одиннадцать тысяч рублей 00 копеек",
            "21000.00     | Двадцать одна тысяча рублей 00 копеек",
            "1000000.00   | Один миллион рублей 00 копеек",
            "2000000.00   | Два миллиона рублей 00 копеек",
            "21000001.21  | Двадцать один миллион один рубль 21 копейка",
            "1234567.89   | Один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь рублей 89 копеек",
            "1000000000.00 | Один миллиард рублей 00 копеек",
            "-1500.50     | Минус одна тысяча пятьсот рублей 50 копеек"})
    void writesRoublesInWordsAndKopecksInDigits(String amount, String words) {
        assertThat(AmountInWords.of(Money.of(amount))).isEqualTo(words);
    }
}
