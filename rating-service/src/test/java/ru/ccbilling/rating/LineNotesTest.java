package ru.ccbilling.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class LineNotesTest {

    @Test
    void aNoteOfTheShippedRulesReadsInRussianWithItsPriceSource() {
        assertThat(LineNotes.forReader("every started minute (NetworkMinute[MOBILE, PEAK])", Locale.forLanguageTag("ru")))
                .isEqualTo("каждая начатая минута (минута сети 8-800: мобильные, час пик)");
        assertThat(LineNotes.russian("per second, half rate: the call reached an operator (IvrMinute[INBOUND_800] x 0.5)"))
                .isEqualTo("посекундно, за полцены: вызов дошёл до оператора (минута голосового меню: входящий на 8-800 × 0,5)");
        assertThat(LineNotes.russian("participant 2 dialled out, 30/6 (OutboundMinute[BELARUS, TRUNK-B])"))
                .isEqualTo("участник 2, вызванный конференцией, 30/6 (минута исходящего вызова: Беларусь, TRUNK-B)");
        assertThat(LineNotes.russian("first operator, every started minute; dedicated operator OP-7: included in the subscription"
                + " (OperatorMinute[MSK])"))
                .isEqualTo("первый оператор, каждая начатая минута; выделенный оператор OP-7: входит в абонентскую плату"
                        + " (минута оператора: Москва)");
    }

    @Test
    void englishReadersAndAuthorsWordsKeepTheNoteAsWritten() {
        String note = "every started minute (NetworkMinute[MOBILE, PEAK])";
        assertThat(LineNotes.forReader(note, Locale.ENGLISH)).isEqualTo(note);
        assertThat(LineNotes.forReader(null, Locale.forLanguageTag("ru"))).isNull();
        assertThat(LineNotes.russian("скидка партнёра (MyTable[X])")).isEqualTo("скидка партнёра (MyTable: X)");
    }

    /** every phrase the shipped rules write comes out without English words: a new phrase needs its translation */
    @Test
    void everyPhraseOfTheShippedRulesIsTranslated() throws IOException {
        List<String> phrases = new ArrayList<>();
        for (String model : List.of("call-lines.drl", "service-lines.drl")) {
            String drl = read("/tariffs/cc-standard-2026/" + model);
            Matcher literal = Pattern.compile("\"((?:[^\"\\\\\n]|\\\\.)*)\"").matcher(drl
                    .replaceAll("(?m)^\\s*//.*$", "").replaceAll("(?m)^rule \"[^\"]*\"", ""));
            while (literal.find()) {
                if (literal.group(1).matches(".*[a-z].*")) {
                    phrases.add(literal.group(1));
                }
            }
        }
        assertThat(phrases).hasSizeGreaterThan(20);
        for (String phrase : phrases) {
            assertThat(LineNotes.russian(phrase + " (NetworkMinute[LOCAL, PEAK])")).as(phrase)
                    .doesNotContainPattern("\\b(?!IVR\\b)[A-Za-z]{2,}\\b");
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = LineNotesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
