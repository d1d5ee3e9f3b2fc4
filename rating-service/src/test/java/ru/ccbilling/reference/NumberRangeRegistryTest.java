package ru.ccbilling.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;

import org.junit.jupiter.api.Test;

/** Lines of the registry in the formats it has been published in. */
class NumberRangeRegistryTest {

    @Test
    void aCurrentLineIsParsedByPosition() {
        var range = NumberRangeRegistry.parse(
                "900;0000000;0061999;62000;ООО \"Т2 МОБАЙЛ\";Краснодарский край;Краснодарский край;7743895280");
        assertThat(range.code()).isEqualTo("900");
        assertThat(range.from()).isEqualTo(9_000_000_000L);
        assertThat(range.to()).isEqualTo(9_000_061_999L);
        assertThat(range.capacity()).isEqualTo(62000);
        assertThat(range.operator()).isEqualTo("ООО \"Т2 МОБАЙЛ\"");
        assertThat(range.inn()).isEqualTo("7743895280");
    }

    @Test
    void aDashRegionTakesTheTerritory() {
        var range = NumberRangeRegistry.parse("903;1000000;1199999;200000;ПАО \"ВымпелКом\";-;г. Москва;7713076301");
        assertThat(range.region()).isEqualTo("г. Москва");
    }

    @Test
    void anOldPaddedQuotedLineWithSixColumnsIsRead() {
        var range = NumberRangeRegistry.parse("\"495\" ; \"1000000\" ; \"1999999\" ; \"1000000\" ; \"ПАО \"\"МГТС\"\"\" ; \"г. Москва\"");
        assertThat(range.code()).isEqualTo("495");
        assertThat(range.operator()).isEqualTo("ПАО \"МГТС\"");
        assertThat(range.inn()).isNull();
    }

    @Test
    void windows1251FilesAreDecoded() {
        byte[] old = "916;0;9999999;10000000;МТС;Москва".getBytes(Charset.forName("windows-1251"));
        assertThat(NumberRangeRegistry.decode(old)).contains("МТС");
    }

    @Test
    void aBadCodeIsNamed() {
        assertThatThrownBy(() -> NumberRangeRegistry.parse("9x1;0000000;0000009;10;A;B"))
                .hasMessageContaining("код АВС/DEF").hasMessageContaining("9x1");
    }

    @Test
    void theSampleFileHasFourRangesAndOneBadLine() throws Exception {
        byte[] file;
        try (var in = getClass().getResourceAsStream("/registry/DEF-9xx-sample.csv")) {
            file = in.readAllBytes();
        }
        var parsed = NumberRangeRegistry.parseFile(file);
        assertThat(parsed.skipped()).extracting(NumberRangeRegistry.Problem::line).containsExactly(6);
        assertThat(parsed.ranges()).extracting(NumberRangeRegistry.Range::code).containsExactly("900", "916", "903", "921");
    }
}
