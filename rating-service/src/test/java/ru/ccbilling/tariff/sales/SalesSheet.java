package ru.ccbilling.tariff.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import ru.ccbilling.Api;
import ru.ccbilling.period.Finance;
import ru.ccbilling.rating.Cdr;
import ru.ccbilling.rating.CdrReader;
import ru.ccbilling.rating.ReferenceTariffOracle;

/**
 * The client tariff priced by the tariff sheet ({@link ReferenceTariffOracle}): 10% off operator work, the
 * MSK operator minute at 16.00, a minimum monthly payment of 20,000.00; and the calls the tests post for ACC-1001.
 */
public final class SalesSheet {

    public static final BigDecimal MINIMUM = new BigDecimal("20000.00");
    public static final BigDecimal OPERATOR_DISCOUNT = BigDecimal.TEN;
    public static final BigDecimal MSK_OPERATOR = new BigDecimal("16.00");
    public static final String MSK_OPERATOR_ID = "OP-102";

    private SalesSheet() { }

    /** round_half_up(r × (1 − p/100), 2) */
    public static BigDecimal discounted(BigDecimal rate) {
        return rate.multiply(BigDecimal.ONE.subtract(OPERATOR_DISCOUNT.movePointLeft(2))).setScale(2, RoundingMode.HALF_UP);
    }

    /** an INBOUND_800 call of ACC-1001 from a mobile with one stage */
    public static String call(String source, String id, String start, String stage, int seconds, String operator) {
        return """
                {"source":"%s","cdrId":"%s","callType":"INBOUND_800","startTime":"%s","caller":"79161234567",
                 "called":"78005553535","stages":[{"type":"%s","durationSec":%d%s}]}
                """.formatted(source, id, start, stage, seconds, operator == null ? "" : ",\"operatorId\":\"" + operator + "\"");
    }

    public static void post(Finance f, List<String> calls) {
        Api.Response r = f.equipment.post("/api/v1/cdrs", "{\"records\":[" + String.join(",", calls) + "]}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        r.body().get("results").forEach(x -> assertThat(x.get("outcome").asText()).as(x.toString()).isEqualTo("RATED"));
    }

    public static Cdr cdr(String json) {
        try {
            return CdrReader.read(Api.json().readTree(json)).cdr();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {standard, client}: the sheet's price of the calls, the operator lines at the client's rates */
    public static BigDecimal[] usage(List<String> calls) {
        BigDecimal standard = BigDecimal.ZERO;
        BigDecimal client = BigDecimal.ZERO;
        for (String json : calls) {
            Cdr cdr = cdr(json);
            standard = standard.add(ReferenceTariffOracle.total(cdr));
            client = client.add(ReferenceTariffOracle.total(cdr)).subtract(operator(cdr, false)).add(operator(cdr, true));
        }
        return new BigDecimal[] {standard, client};
    }

    public static BigDecimal operator(List<String> calls, boolean client) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String json : calls) {
            sum = sum.add(operator(cdr(json), client));
        }
        return sum;
    }

    /** the sheet's rate of an operator's site, from the sheet's price of a whole-minute call */
    public static BigDecimal standardRate(String json) {
        Cdr cdr = cdr(json);
        return operator(cdr, false).divide(minutes(cdr), 2, RoundingMode.UNNECESSARY);
    }

    /**
     * the OPERATOR amount of a call by the sheet, or at the client's rate: MSK overridden, other sites discounted
     * (the first operator stage is billed by started minutes: rate × minutes)
     */
    public static BigDecimal operator(Cdr cdr, boolean client) {
        BigDecimal amount = BigDecimal.ZERO;
        for (String line : ReferenceTariffOracle.price(cdr)) {
            if (!line.startsWith("OPERATOR ")) {
                continue;
            }
            BigDecimal standard = new BigDecimal(line.substring(9));
            if (!client) {
                amount = amount.add(standard);
                continue;
            }
            BigDecimal minutes = minutes(cdr);
            BigDecimal rate = standard.divide(minutes, 2, RoundingMode.UNNECESSARY);
            String operator = cdr.stages().stream().filter(s -> s.type() == Cdr.StageType.OPERATOR).findFirst()
                    .orElseThrow().operatorId();
            amount = amount.add((operator.equals(MSK_OPERATOR_ID) ? MSK_OPERATOR : discounted(rate)).multiply(minutes));
        }
        return amount;
    }

    private static BigDecimal minutes(Cdr cdr) {
        Cdr.Stage stage = cdr.stages().stream().filter(s -> s.type() == Cdr.StageType.OPERATOR).findFirst().orElseThrow();
        return BigDecimal.valueOf((stage.durationSec() + 59) / 60);
    }
}
