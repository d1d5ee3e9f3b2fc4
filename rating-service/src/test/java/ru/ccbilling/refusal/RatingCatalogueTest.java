package ru.ccbilling.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RatingCatalogueTest {

    @Test
    void ratingTextsExistInBothLanguages() throws IOException {
        assertThat(keys("messages/rating_en.properties")).isNotEmpty().isEqualTo(keys("messages/rating.properties"));
    }

    @Test
    void ratingKeysDoNotShadowBillingKeys() throws IOException {
        Set<Object> rating = keys("messages/rating.properties");
        assertThat(keys("messages/billing.properties")).doesNotContainAnyElementsOf(rating);
    }

    @Test
    void aRatingTextReadsInBothLanguages() {
        Text text = Text.of("tariff.versionNotFound", "STD", 7);
        assertThat(text.russian()).isEqualTo("у тарифа STD нет версии 7");
        assertThat(text.in(Locale.ENGLISH)).isEqualTo("tariff STD has no version 7");
    }

    private static Set<Object> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (var in = RatingCatalogueTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.keySet();
    }
}
