package ru.ccbilling.tariff;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ru.ccbilling.rules.DmnModelCheck;
import ru.ccbilling.rules.DrlModelCheck;
import ru.ccbilling.rules.ModelMessage;
import ru.ccbilling.rules.ShippedTariff;
import ru.ccbilling.rules.TariffModel;

/**
 * Since tariff models are data (README), the rules shipped before 2026-12 (with DRL functions and a modify) are
 * refused by validation. Every stored copy of that exact text, in any tariff and version, is replaced at start-up by
 * today's shipped rules, which price every call to the kopeck as before (CallPricingTest, the golden cases); the
 * change is audited. Other stored models that the checks refuse are logged: their versions cannot rate until a
 * tariff manager publishes a corrected version.
 */
@Component
class ShippedRulesUpgrade {

    private static final Logger log = LoggerFactory.getLogger(ShippedRulesUpgrade.class);
    /** SHA-256 of call-lines.drl as shipped until 2026-12-04 (UTF-8) */
    static final String RULES_BEFORE_CHECKS = "2943ae2322e680cd06ca97341c0f575216e0de6e3033ccde9a6d71186920543e";
    private static final String RULES = "call-lines.drl";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TariffAudit audit;

    ShippedRulesUpgrade(JdbcTemplate jdbc, TransactionTemplate tx, TariffAudit audit) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
    }

    void run() {
        String today = ShippedTariff.models().stream().filter(m -> m.name().equals(RULES)).findFirst().orElseThrow()
                .content();
        tx.executeWithoutResult(status -> {
            // the revision is kept: the prices of the version do not change, so neither does its compiled identity
            List<String> upgraded = jdbc.queryForList("""
                    update tariff_model set content = ?
                    where kind = 'DRL' and encode(sha256(convert_to(content, 'UTF8')), 'hex') = ?
                    returning tariff_code || ' ' || version || ' ' || name
                    """, String.class, today, RULES_BEFORE_CHECKS);
            for (String row : upgraded) {
                String[] parts = row.split(" ", 3);
                audit.record(parts[0], Integer.parseInt(parts[1]), TariffAudit.Action.CHANGED, "system", "модель " + parts[2]
                        + " переписана для проверок моделей (функции округления Rounding вместо функций DRL, без modify); цены не изменились");
                log.info("Tariff {} version {}: {} rewritten for the model checks, prices unchanged", parts[0], parts[1],
                        parts[2]);
            }
        });
        warnAboutRefusedModelsInForce();
    }

    private void warnAboutRefusedModelsInForce() {
        jdbc.query("""
                select m.tariff_code, m.version, m.name, m.kind, m.content from tariff_model m
                join tariff_version v on v.tariff_code = m.tariff_code and v.version = m.version
                where v.state in ('PUBLISHED', 'SUPERSEDED')
                """, rs -> {
                    TariffModel model = new TariffModel(rs.getString(3), TariffModel.Kind.valueOf(rs.getString(4)),
                            rs.getString(5));
                    List<ModelMessage> refusals = model.kind() == TariffModel.Kind.DRL ? DrlModelCheck.check(model)
                            : DmnModelCheck.check(model);
                    if (!refusals.isEmpty()) {
                        log.warn("Tariff {} version {}: model {} is refused by the model checks and cannot rate: {} at {}",
                                rs.getString(1), rs.getInt(2), model.name(), refusals.get(0).message(),
                                refusals.get(0).location());
                    }
                });
    }
}
