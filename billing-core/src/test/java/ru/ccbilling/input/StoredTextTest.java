package ru.ccbilling.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text PostgreSQL stores byte for byte, and identifiers that read back through a URL path. */
class StoredTextTest {

    @Test
    void freeTextMayHoldAnyScriptTabsLineBreaksAndPairedSurrogates() {
        assertThat(StoredText.problem("ООО «Ромашка»\tг. Москва\r\nстр. 2 😀")).isNull();
    }

    @Test
    void freeTextHoldsNoNulNoOtherControlCharacterAndNoLoneSurrogate() {
        assertThat(english(StoredText.problem("a\u0000b"))).contains("NUL");
        assertThat(english(StoredText.problem("bell\u0007"))).contains("U+0007");
        assertThat(english(StoredText.problem("x\u0085"))).contains("U+0085");
        assertThat(english(StoredText.problem("high \ud800 alone"))).contains("lone UTF-16 surrogate");
        assertThat(english(StoredText.problem("\udc00 low first"))).contains("lone UTF-16 surrogate");
        assertThat(english(StoredText.problem("ends high \ud83d"))).contains("lone UTF-16 surrogate");
    }

    @Test
    void identifiersHoldNoLineBreakNorCharactersAUrlPathCannotCarry() {
        assertThat(StoredText.identifierProblem("pbx-msk-1.a:b c?#&+ конец")).isNull();
        assertThat(english(StoredText.identifierProblem("tab\tid"))).contains("U+0009");
        for (String bad : new String[] {"a/b", "a\\b", "a;b", "100%", "a\u2028b"}) {
            assertThat(english(StoredText.identifierProblem(bad))).as(bad).contains("URL path");
        }
        assertThat(english(StoredText.identifierProblem(".."))).contains("'..'");
        assertThat(english(StoredText.identifierProblem("."))).contains("'.'");
    }

    /** the English text: the checks are written once, in the catalogue, for both languages */
    private static String english(ru.ccbilling.refusal.Text text) {
        return text == null ? null : text.in(java.util.Locale.ENGLISH);
    }
}
