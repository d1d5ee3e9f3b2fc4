package ru.ccbilling.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The golden cases of the services (tariff sheet section 7, {@code golden-services.json}, a copy of the shared
 * reference file) priced at the rules' level: each CDR classified by hand from the sheet's reference data
 * ({@link SheetReference}) and priced by the shipped tariff gives exactly the expected lines and total.
 * Rejections are the rating engine's (account, trunk, tariff, destination class): those cases are skipped here.
 */
class GoldenServicesTest {

    /** the cases whose outcome is a rejection by the rating engine, not a price */
    static final List<String> REJECTED_BY_RATING = List.of("s06", "s09", "s10", "s17", "s18", "s19");

    record Golden(String cdrId, JsonNode cdr, JsonNode expected) {
        @Override
        public String toString() {
            return cdrId + " " + cdr.get("callType").asText();
        }
    }

    static List<Golden> all() throws IOException {
        try (InputStream in = GoldenServicesTest.class.getClassLoader().getResourceAsStream("golden/golden-services.json")) {
            List<Golden> cases = new ArrayList<>();
            for (JsonNode c : new ObjectMapper().readTree(in)) {
                cases.add(new Golden(c.get("cdr").get("cdrId").asText(), c.get("cdr"), c.get("expected")));
            }
            return cases;
        }
    }

    static Stream<Golden> rated() throws IOException {
        return all().stream().filter(g -> g.expected().get("status").asText().equals("RATED"));
    }

    @Test
    void nineteenCasesOfWhichSixAreRejectionsOfTheRatingEngine() throws IOException {
        assertThat(all()).hasSize(19);
        assertThat(all().stream().filter(g -> !g.expected().get("status").asText().equals("RATED")).map(Golden::cdrId))
                .containsExactlyElementsOf(REJECTED_BY_RATING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rated")
    void pricedAsTheSheetSays(Golden golden) {
        SheetReference.Classified call = SheetReference.classify(golden.cdr());
        assertThat(call.account()).as("the account the sheet resolves").isEqualTo(golden.expected().get("account").asText());

        Pricing pricing = ReferenceTariff.TARIFF.price(call.call());

        assertThat(pricing).isInstanceOf(Pricing.Priced.class);
        Pricing.Priced priced = (Pricing.Priced) pricing;
        List<String> expected = new ArrayList<>();
        golden.expected().get("lines").forEach(l -> expected.add(l.get("component").asText() + " " + l.get("amount").asText()));
        assertThat(priced.lines()).extracting(l -> l.component() + " " + l.amount().toPlainString())
                .containsExactlyElementsOf(expected);
        assertThat(priced.total().toPlainString()).isEqualTo(golden.expected().get("total").asText());
        assertThat(priced.lines()).allSatisfy(l -> assertThat(l.note()).as("each line names its rule and table row")
                .matches(".+ \\([A-Za-z]+\\[.+\\].*\\)"));
    }
}
