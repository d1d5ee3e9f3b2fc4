package ru.ccbilling.tariff;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import ru.ccbilling.rules.CompiledTariff;
import ru.ccbilling.rules.ShippedTariff;
import ru.ccbilling.rules.TariffCompiler;
import ru.ccbilling.rules.TariffModel;

/**
 * The tariffs and their versions, and the compiled model of each version, compiled once and shared.
 * A CDR is rated by the version in force at its start time. The shipped reference tariff is installed
 * as version 1 when the database has none.
 */
@Service
public class TariffCatalog implements TariffVersions {

    private static final Logger log = LoggerFactory.getLogger(TariffCatalog.class);
    /** CC-STANDARD-2026 is in force from 2026-01-01 00:00 Moscow time */
    static final OffsetDateTime SHIPPED_EFFECTIVE_FROM = OffsetDateTime.parse("2026-01-01T00:00:00+03:00");

    private record Key(String code, int version) { }

    private record Published(int version, Instant effectiveFrom) { }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TariffCompiler compiler = new TariffCompiler();
    private final Map<Key, CompiledTariff> compiled = new ConcurrentHashMap<>();
    /** published versions per tariff, latest effectiveFrom first */
    private volatile Map<String, List<Published>> published = Map.of();

    TariffCatalog(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void installShippedTariff() {
        tx.executeWithoutResult(status -> {
            int inserted = jdbc.update("insert into tariff (code, name) values (?, ?) on conflict do nothing",
                    ShippedTariff.CODE, "Стандартный тариф колл-центра 2026");
            if (inserted == 0) {
                return;
            }
            jdbc.update("""
                    insert into tariff_version (tariff_code, version, state, effective_from, created_by, published_by, published_at)
                    values (?, 1, 'PUBLISHED', ?, 'system', 'system', now())
                    """, ShippedTariff.CODE, SHIPPED_EFFECTIVE_FROM);
            for (TariffModel model : ShippedTariff.models()) {
                jdbc.update("insert into tariff_model (tariff_code, version, name, kind, content) values (?, 1, ?, ?, ?)",
                        ShippedTariff.CODE, model.name(), model.kind().name(), model.content());
            }
            log.info("Installed the shipped tariff {} as version 1", ShippedTariff.CODE);
        });
        refresh();
    }

    /** Re-reads the published versions (another instance may have published). */
    @Scheduled(fixedDelayString = "${ccbilling.reference.refresh-interval:5s}", initialDelayString = "${ccbilling.reference.refresh-interval:5s}")
    public void refresh() {
        Map<String, List<Published>> byTariff = new HashMap<>();
        jdbc.query("""
                select tariff_code, version, effective_from from tariff_version
                where state in ('PUBLISHED', 'SUPERSEDED') order by effective_from desc, version desc
                """, rs -> {
                    byTariff.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Published(rs.getInt(2), rs.getObject(3, OffsetDateTime.class).toInstant()));
                });
        published = Map.copyOf(byTariff);
    }

    /** the version of a tariff in force at that instant */
    @Override
    public Optional<TariffVersionRef> inForce(String code, Instant at) {
        List<Published> versions = published.get(code);
        if (versions == null) {
            return Optional.empty();
        }
        for (Published p : versions) {
            if (!p.effectiveFrom().isAfter(at)) {
                return Optional.of(new TariffVersionRef(code, p.version(), p.effectiveFrom().atOffset(ZoneOffset.UTC),
                        compiledVersion(code, p.version())));
            }
        }
        return Optional.empty();
    }

    /** a given version, in any state (simulation may rate under a draft) */
    @Override
    public Optional<TariffVersionRef> version(String code, int version) {
        List<OffsetDateTime> found = jdbc.query(
                "select effective_from from tariff_version where tariff_code = ? and version = ?",
                (rs, i) -> rs.getObject(1, OffsetDateTime.class), code, version);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TariffVersionRef(code, version, found.get(0), compiledVersion(code, version)));
    }

    public List<TariffModel> models(String code, int version) {
        return jdbc.query("select name, kind, content from tariff_model where tariff_code = ? and version = ? order by name",
                (rs, i) -> new TariffModel(rs.getString(1), TariffModel.Kind.valueOf(rs.getString(2)), rs.getString(3)),
                code, version);
    }

    private CompiledTariff compiledVersion(String code, int version) {
        return compiled.computeIfAbsent(new Key(code, version), k -> {
            long started = System.nanoTime();
            CompiledTariff result = compiler.compile(models(code, version));
            log.info("Compiled tariff {} version {} in {} ms", code, version, (System.nanoTime() - started) / 1_000_000);
            return result;
        });
    }

    /** drafts change: forget what was compiled for them */
    public void evict(String code, int version) {
        compiled.remove(new Key(code, version));
    }
}
