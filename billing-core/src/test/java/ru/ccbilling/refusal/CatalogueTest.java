package ru.ccbilling.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class CatalogueTest {

    @Test
    void russianIsTheLanguageUnlessEnglishIsAsked() {
        Text text = Text.of("body.tooManyRecords", 10000);
        assertThat(text.in(Locale.forLanguageTag("ru-RU"))).isEqualTo("не более 10000 записей в одном запросе");
        assertThat(text.in(Locale.GERMAN)).isEqualTo("не более 10000 записей в одном запросе");
        assertThat(text.in(null)).isEqualTo(text.russian());
        assertThat(text.in(Locale.forLanguageTag("en-GB"))).isEqualTo("at most 10000 records per request");
    }

    @Test
    void argumentsAreInsertedAsWrittenNotFormatted() {
        assertThat(Text.of("value.unreadableAs", "1'5", "LocalDate").in(Locale.ENGLISH))
                .isEqualTo("cannot read '1'5' as LocalDate");
    }

    @Test
    void aVerbatimTextIsTheSameInEveryLanguage() {
        Text text = Text.verbatim("line 3: mismatched input");
        assertThat(text.in(Locale.ENGLISH)).isEqualTo(text.russian()).isEqualTo("line 3: mismatched input");
    }

    @Test
    void aRefusalNamesItsFieldsInTheReadersLanguage() {
        Refusal refusal = Refusal.invalid("records", "body.tooManyRecords", 10000);
        assertThat(refusal.kind().status()).isEqualTo(400);
        assertThat(refusal.detail(Locale.ENGLISH)).isEqualTo("records: at most 10000 records per request");
        assertThat(refusal.getMessage()).isEqualTo("records: не более 10000 записей в одном запросе");
    }

    @Test
    void anUnknownKeyIsAMistakeNotAnEmptyText() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Text.of("no.such.key").russian())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void billingTextsExistInBothLanguages() throws IOException {
        assertThat(keys("messages/billing_en.properties")).isEqualTo(keys("messages/billing.properties"));
    }

    static java.util.Set<Object> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (var in = CatalogueTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.keySet();
    }
}
