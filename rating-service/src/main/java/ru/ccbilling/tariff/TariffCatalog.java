package ru.ccbilling.tariff;

import java.time.Clock;
import java.time.OffsetDateTime;

import java.time.Instant;
import java.time.OffsetDateTime;
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

import ru.ccbilling.changes.ChangeNotifications;
import ru.ccbilling.rules.CompiledTariff;
import ru.ccbilling.rules.ShippedTariff;
import ru.ccbilling.refusal.Text;
import ru.ccbilling.rules.TariffCompilationException;
import ru.ccbilling.rules.TariffCompiler;
import ru.ccbilling.rules.TariffModel;
import ru.ccbilling.security.StandardTariffs;

/**
 * The tariffs and their versions, and the compiled models of each version revision, compiled once and shared
 * between threads. A CDR is rated by the published version in force at its start time. The published versions
 * are re-read when another instance announces a publication ({@link ChangeNotifications}), so it is in force here
 * within a second, and by a slow safety poll. The shipped
 * reference tariff is installed as version 1 when the database has none; its stored versions get the shipped rules
 * of today ({@link ShippedRulesUpgrade}) and the services' models ({@link ShippedServicesUpgrade}).
 */
@Service
public class TariffCatalog implements TariffVersions, StandardTariffs {

    private static final Logger log = LoggerFactory.getLogger(TariffCatalog.class);
    /** CC-STANDARD-2026 is in force from 2026-01-01 00:00 Moscow time */
    static final OffsetDateTime SHIPPED_EFFECTIVE_FROM = OffsetDateTime.parse("2026-01-01T00:00:00+03:00");

    private record Key(String code, int version, int revision) { }

    private record Published(int version, int revision, OffsetDateTime effectiveFrom) { }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ShippedRulesUpgrade upgrade;
    private final ShippedServicesUpgrade services;
    private final TariffCompiler compiler = new TariffCompiler();
    private final Map<Key, CompiledTariff> compiled = new ConcurrentHashMap<>();
    /** validations of draft revisions, so that publishing a revision just validated does not compile it again */
    private final Map<Key, TariffCompiler.Compilation> validations = new ConcurrentHashMap<>();
    /** published versions per tariff, latest effectiveFrom first */
    private volatile Map<String, List<Published>> published = Map.of();

    static final String TOPIC = "tariffs";

    private final Clock clock;

    TariffCatalog(JdbcTemplate jdbc, TransactionTemplate tx, ShippedRulesUpgrade upgrade,
                  ShippedServicesUpgrade services, ChangeNotifications changes, Clock clock) {
        this.services = services;
        this.clock = clock;
        this.jdbc = jdbc;
        this.tx = tx;
        this.upgrade = upgrade;
        changes.onChange(TOPIC, this::refresh);
    }

    /** the standard tariff (every client's unless a client tariff is assigned) is for tariff managers to change */
    @Override
    public boolean isStandard(String code) {
        return Boolean.TRUE.equals(jdbc.query("select standard from tariff where code = ?",
                rs -> rs.next() ? rs.getBoolean(1) : null, code));
    }

    @Override
    public String standardCode() {
        return ShippedTariff.CODE;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void installShippedTariff() {
        tx.executeWithoutResult(status -> {
            int inserted = jdbc.update("insert into tariff (code, name, standard, created_at) values (?, ?, true, ?) on conflict do nothing",
                    ShippedTariff.CODE, "Стандартный тариф колл-центра 2026", OffsetDateTime.now(clock));
            if (inserted == 0) {
                return;
            }
            jdbc.update("""
                    insert into tariff_version (tariff_code, version, state, effective_from, created_by, created_at, published_by,
                                                published_at)
                    values (?, 1, 'PUBLISHED', ?, 'system', ?, 'system', ?)
                    """, ShippedTariff.CODE, SHIPPED_EFFECTIVE_FROM, OffsetDateTime.now(clock), OffsetDateTime.now(clock));
            for (TariffModel model : ShippedTariff.models()) {
                jdbc.update("insert into tariff_model (tariff_code, version, name, kind, content) values (?, 1, ?, ?, ?)",
                        ShippedTariff.CODE, model.name(), model.kind().name(), model.content());
            }
            jdbc.update("insert into tariff_audit (tariff_code, version, action, actor, detail, at) values (?, 1, 'PUBLISHED', 'system', ?, ?)",
                    ShippedTariff.CODE, "поставляемый эталонный тариф, действует с " + SHIPPED_EFFECTIVE_FROM,
                    OffsetDateTime.now(clock));
            log.info("Installed the shipped tariff {} as version 1", ShippedTariff.CODE);
        });
        upgrade.run();
        services.run();
        refresh();
    }

    /** Re-reads the published versions (another instance may have published). */
    @Scheduled(fixedDelayString = "${ccbilling.changes.safety-poll-interval:60s}",
            initialDelayString = "${ccbilling.changes.safety-poll-interval:60s}")
    public void refresh() {
        Map<String, List<Published>> byTariff = new HashMap<>();
        jdbc.query("""
                select tariff_code, version, revision, effective_from from tariff_version
                where state in ('PUBLISHED', 'SUPERSEDED') order by effective_from desc, version desc
                """, rs -> {
                    byTariff.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Published(rs.getInt(2), rs.getInt(3), rs.getObject(4, OffsetDateTime.class)));
                });
        published = Map.copyOf(byTariff);
    }

    /** the published version of a tariff in force at that instant */
    @Override
    public Optional<TariffVersionRef> inForce(String code, Instant at) {
        List<Published> versions = published.get(code);
        if (versions == null) {
            return Optional.empty();
        }
        for (Published p : versions) {
            if (!p.effectiveFrom().toInstant().isAfter(at)) {
                return Optional.of(new TariffVersionRef(code, p.version(), p.effectiveFrom(),
                        compiled(code, p.version(), p.revision())));
            }
        }
        return Optional.empty();
    }

    /**
     * A given version in any state (simulation may rate under a draft), compiled at its current revision.
     * Refuses (422) a draft that does not compile, naming each error.
     */
    @Override
    public Optional<TariffVersionRef> version(String code, int version) {
        record Row(OffsetDateTime effectiveFrom, int revision) { }
        List<Row> found = jdbc.query("select effective_from, revision from tariff_version where tariff_code = ? and version = ?",
                (rs, i) -> new Row(rs.getObject(1, OffsetDateTime.class), rs.getInt(2)), code, version);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row row = found.get(0);
        CompiledTariff tariff;
        try {
            tariff = compiled(code, version, row.revision());
        } catch (TariffCompilationException e) {
            throw TariffEditing.doesNotCompile(Text.of("tariff.draftDoesNotCompile"), e.messages());
        }
        return Optional.of(new TariffVersionRef(code, version, row.effectiveFrom(), tariff));
    }

    public List<TariffModel> models(String code, int version) {
        return jdbc.query("select name, kind, content from tariff_model where tariff_code = ? and version = ? order by name",
                (rs, i) -> new TariffModel(rs.getString(1), TariffModel.Kind.valueOf(rs.getString(2)), rs.getString(3)),
                code, version);
    }

    /**
     * Compiles and validates a version revision once: the compiled tariff is kept for rating, the messages are
     * answered. Validation and publication of the same revision reuse the compilation.
     */
    public TariffCompiler.Compilation compileRevision(String code, int version, int revision) {
        Key key = new Key(code, version, revision);
        return validations.computeIfAbsent(key, k -> {
            long started = System.nanoTime();
            TariffCompiler.Compilation compilation = compiler.compileAndValidate(models(code, version));
            if (compilation.valid()) {
                compiled.put(k, compilation.tariff());
            }
            log.info("Validated tariff {} version {} revision {} in {} ms", code, version, revision,
                    (System.nanoTime() - started) / 1_000_000);
            return compilation;
        });
    }

    private CompiledTariff compiled(String code, int version, int revision) {
        return compiled.computeIfAbsent(new Key(code, version, revision), k -> {
            long started = System.nanoTime();
            CompiledTariff result = compiler.compile(models(code, version));
            log.info("Compiled tariff {} version {} revision {} in {} ms", code, version, revision,
                    (System.nanoTime() - started) / 1_000_000);
            return result;
        });
    }
}
