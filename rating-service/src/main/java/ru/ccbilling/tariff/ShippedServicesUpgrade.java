package ru.ccbilling.tariff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ru.ccbilling.rules.ShippedTariff;
import ru.ccbilling.rules.TariffModel;

/**
 * The standard tariff as stored before the services of tariff sheet section 7 (virtual office, conference, survey,
 * informing) cannot price them. At start-up every stored version of the shipped tariff that lacks the services' rules
 * gets today's shipped models: the missing ones are added, and call-lines.drl and monthly-fees.dmn are replaced when
 * they are exactly a text shipped before (their new rows and conditions concern the new call types only, so every
 * call of sections 2-6 keeps its price). A version whose shipped models a tariff manager has edited is left alone and
 * logged: its publisher decides. Each upgrade is audited and bumps the version's revision, so every instance compiles
 * the new models.
 */
@Component
class ShippedServicesUpgrade {

    private static final Logger log = LoggerFactory.getLogger(ShippedServicesUpgrade.class);
    /** the model whose absence marks a version stored before the services */
    static final String SERVICE_RULES = "service-lines.drl";
    /** SHA-256 (UTF-8) of the texts shipped before the services, by model; today's text is accepted as well */
    static final Map<String, Set<String>> SHIPPED_BEFORE = Map.of(
            "call-lines.drl", Set.of("f10bce7182a6f3357ecba5a4961722f7fa9d871e61133fbe2448b9ca4799b8af"),
            "monthly-fees.dmn", Set.of("b2b64e4966552cd6eddbed8287231d8a3410f8d4102d7e55399c19b77de61afd",
                    "bde0d9c270f560262134fc88f7c438dec0e201f4249a39d5843ff7a6412c554e"));

    private record Stored(String name, String sha256) { }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TariffAudit audit;

    ShippedServicesUpgrade(JdbcTemplate jdbc, TransactionTemplate tx, TariffAudit audit) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
    }

    void run() {
        Map<String, TariffModel> shipped = ShippedTariff.models().stream()
                .collect(Collectors.toMap(TariffModel::name, m -> m));
        tx.executeWithoutResult(status -> {
            List<Integer> versions = jdbc.queryForList("""
                    select v.version from tariff_version v where v.tariff_code = ? and not exists (
                        select 1 from tariff_model m where m.tariff_code = v.tariff_code and m.version = v.version
                           and m.name = ?)
                    order by v.version for update
                    """, Integer.class, ShippedTariff.CODE, SERVICE_RULES);
            for (int version : versions) {
                upgrade(version, shipped);
            }
        });
    }

    private void upgrade(int version, Map<String, TariffModel> shipped) {
        List<Stored> stored = jdbc.query("""
                select name, encode(sha256(convert_to(content, 'UTF8')), 'hex') from tariff_model
                 where tariff_code = ? and version = ?
                """, (rs, i) -> new Stored(rs.getString(1), rs.getString(2)), ShippedTariff.CODE, version);
        Set<String> names = new HashSet<>();
        for (Stored model : stored) {
            names.add(model.name());
            Set<String> before = SHIPPED_BEFORE.get(model.name());
            if (before != null && !before.contains(model.sha256()) && !model.sha256().equals(sha256(shipped.get(model.name())))) {
                log.warn("Tariff {} version {}: {} was edited, so the services of section 7 (virtual office, conference, "
                        + "survey, informing) are not added; they are rejected NO_RATE under this version until a tariff "
                        + "manager publishes a version with them", ShippedTariff.CODE, version, model.name());
                return;
            }
        }
        for (String name : SHIPPED_BEFORE.keySet()) {
            jdbc.update("update tariff_model set content = ? where tariff_code = ? and version = ? and name = ?",
                    shipped.get(name).content(), ShippedTariff.CODE, version, name);
        }
        List<String> added = shipped.values().stream().filter(m -> !names.contains(m.name())).map(TariffModel::name)
                .sorted().toList();
        for (String name : added) {
            TariffModel model = shipped.get(name);
            jdbc.update("insert into tariff_model (tariff_code, version, name, kind, content) values (?, ?, ?, ?, ?)",
                    ShippedTariff.CODE, version, name, model.kind().name(), model.content());
        }
        jdbc.update("update tariff_version set revision = revision + 1 where tariff_code = ? and version = ?",
                ShippedTariff.CODE, version);
        audit.record(ShippedTariff.CODE, version, TariffAudit.Action.CHANGED, "system",
                "добавлены услуги раздела 7 (виртуальный офис, конференции, опросы, информирование): модели "
                        + String.join(", ", added) + "; обновлены call-lines.drl и monthly-fees.dmn; цены прежних вызовов не изменились");
        log.info("Tariff {} version {}: the services' models added ({}), prices of other calls unchanged",
                ShippedTariff.CODE, version, String.join(", ", added));
    }

    private static String sha256(TariffModel model) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(model.content().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
