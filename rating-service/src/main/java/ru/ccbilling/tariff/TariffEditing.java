package ru.ccbilling.tariff;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import ru.ccbilling.account.TariffCodes;
import ru.ccbilling.changes.ChangeNotifications;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Text;
import ru.ccbilling.rules.ModelMessage;
import ru.ccbilling.rules.TariffCompiler;
import ru.ccbilling.rules.TariffModel;

/**
 * Tariff managers change prices through versions: a draft copied from a version, its models replaced,
 * validated, then published from a date. Published versions are immutable; publishing puts the version in force
 * for the next CDR (this instance at once, other instances on the announcement of its commit) with no restart.
 */
@Service
public class TariffEditing implements TariffCodes {

    private final JdbcTemplate jdbc;
    private final TariffCatalog catalog;
    private final TariffAudit audit;
    private final ObjectProvider<PublicationGuard> guards;
    private final ChangeNotifications changes;
    private final Clock clock;

    TariffEditing(JdbcTemplate jdbc, TariffCatalog catalog, TariffAudit audit, ObjectProvider<PublicationGuard> guards,
                  ChangeNotifications changes, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.audit = audit;
        this.guards = guards;
        this.changes = changes;
        this.clock = clock;
    }

    /** Every tariff, in code order, with its latest version and the version in force now. */
    public List<TariffSummary> tariffs() {
        Instant now = clock.instant();
        return jdbc.query("""
                select t.code, t.name, t.standard, max(v.version) from tariff t left join tariff_version v on v.tariff_code = t.code
                group by t.code, t.name, t.standard order by t.code
                """, (rs, i) -> new TariffSummary(rs.getString(1), rs.getString(2), rs.getBoolean(3), (Integer) rs.getObject(4),
                        null))
                .stream().map(t -> t.inForce(catalog.inForce(t.code(), now).map(TariffVersionRef::version).orElse(null)))
                .toList();
    }

    public List<TariffVersionInfo> versions(String tariff) {
        requireTariff(tariff);
        return jdbc.query(SELECT + " where tariff_code = ? order by version desc", TariffEditing::row, tariff);
    }

    public TariffVersionInfo version(String tariff, int version) {
        return find(tariff, version, false);
    }

    /** A new tariff whose version 1 is a draft copy of a version of another tariff. */
    @Transactional
    public TariffVersionInfo createTariff(String code, String name, String copyOf, int copyOfVersion, String actor) {
        find(copyOf, copyOfVersion, false);
        OffsetDateTime now = now();
        if (jdbc.update("insert into tariff (code, name, created_at) values (?, ?, ?) on conflict do nothing",
                code, name, now) == 0) {
            throw Refusal.conflict("tariff.exists", code);
        }
        jdbc.update("insert into tariff_version (tariff_code, version, state, created_by, created_at) values (?, 1, 'DRAFT', ?, ?)",
                code, actor, now);
        jdbc.update("insert into tariff_model (tariff_code, version, name, kind, content) "
                + "select ?, 1, name, kind, content from tariff_model where tariff_code = ? and version = ?",
                code, copyOf, copyOfVersion);
        audit.record(code, 1, TariffAudit.Action.CREATED, actor, "новый тариф, копия версии " + copyOfVersion + " тарифа " + copyOf);
        return find(code, 1, false);
    }

    @Transactional
    public TariffVersionInfo createDraft(String tariff, int basedOn, String actor) {
        requireTariff(tariff);
        jdbc.queryForObject("select code from tariff where code = ? for update", String.class, tariff);
        find(tariff, basedOn, false);
        // above every version the audit knows, deleted drafts included: a number means one version for ever
        Integer next = jdbc.queryForObject("""
                select greatest((select coalesce(max(version), 0) from tariff_version where tariff_code = ?),
                                (select coalesce(max(version), 0) from tariff_audit where tariff_code = ?)) + 1
                """, Integer.class, tariff, tariff);
        jdbc.update("""
                insert into tariff_version (tariff_code, version, state, based_on, created_by, created_at)
                values (?, ?, 'DRAFT', ?, ?, ?)
                """, tariff, next, basedOn, actor, now());
        jdbc.update("""
                insert into tariff_model (tariff_code, version, name, kind, content)
                select tariff_code, ?, name, kind, content from tariff_model where tariff_code = ? and version = ?
                """, next, tariff, basedOn);
        audit.record(tariff, next, TariffAudit.Action.CREATED, actor, "черновик из версии " + basedOn);
        return find(tariff, next, false);
    }

    @Transactional
    public TariffModel putModel(String tariff, int version, TariffModel model, String actor) {
        TariffVersionInfo draft = draftForUpdate(tariff, version);
        jdbc.update("""
                insert into tariff_model (tariff_code, version, name, kind, content) values (?, ?, ?, ?, ?)
                on conflict (tariff_code, version, name) do update set kind = excluded.kind, content = excluded.content
                """, tariff, version, model.name(), model.kind().name(), model.content());
        jdbc.update("update tariff_version set revision = revision + 1 where tariff_code = ? and version = ?", tariff, version);
        audit.record(tariff, version, TariffAudit.Action.CHANGED, actor, "модель " + model.name() + " сохранена (правка "
                + (draft.revision() + 1) + ")");
        return model;
    }

    @Transactional
    public void deleteModel(String tariff, int version, String name, String actor) {
        draftForUpdate(tariff, version);
        if (jdbc.update("delete from tariff_model where tariff_code = ? and version = ? and name = ?", tariff, version, name) == 0) {
            throw Refusal.notFound("tariff.model.notFound", version, name);
        }
        jdbc.update("update tariff_version set revision = revision + 1 where tariff_code = ? and version = ?", tariff, version);
        audit.record(tariff, version, TariffAudit.Action.CHANGED, actor, "модель " + name + " удалена");
    }

    /** Every compile error and warning of every model; the compilation is kept for rating and publication. */
    @Transactional
    public Validation validate(String tariff, int version, String actor) {
        TariffVersionInfo info = find(tariff, version, false);
        long started = System.nanoTime();
        TariffCompiler.Compilation compilation = catalog.compileRevision(tariff, version, info.revision());
        long millis = (System.nanoTime() - started) / 1_000_000;
        long errors = compilation.messages().stream().filter(m -> m.severity() == ModelMessage.Severity.ERROR).count();
        audit.record(tariff, version, TariffAudit.Action.VALIDATED, actor,
                compilation.valid() ? "ошибок нет" : "ошибок: " + errors);
        return new Validation(compilation.valid(), compilation.messages(), millis);
    }

    public record Validation(boolean valid, List<ModelMessage> messages, long compileMillis) { }

    @Transactional
    public TariffVersionInfo publish(String tariff, int version, OffsetDateTime effectiveFrom, String actor) {
        TariffVersionInfo draft = draftForUpdate(tariff, version);
        // a client tariff built by sales (tariff.sales) is published once approved, whichever route publishes it
        List<String> clientState = jdbc.queryForList("select state from client_tariff where code = ?", String.class, tariff);
        if (!clientState.isEmpty() && !"APPROVED".equals(clientState.get(0))) {
            throw Refusal.conflict("sales.notApproved", tariff, clientState.get(0));
        }
        PublicationGuard guard = guards.getIfAvailable();
        Optional<Text> refusal = guard == null ? Optional.empty() : guard.refusal(effectiveFrom);
        if (refusal.isPresent()) {
            throw Refusal.of(Refusal.Kind.UNPROCESSABLE, refusal.get(), List.of()).at("effectiveFrom");
        }
        TariffCompiler.Compilation compilation = catalog.compileRevision(tariff, version, draft.revision());
        if (!compilation.valid()) {
            throw doesNotCompile(Text.of("tariff.doesNotCompile", version), compilation.messages());
        }
        jdbc.update("""
                update tariff_version set state = 'PUBLISHED', effective_from = ?, published_by = ?, published_at = ?
                where tariff_code = ? and version = ?
                """, effectiveFrom, actor, now(), tariff, version);
        List<Integer> superseded = jdbc.queryForList("""
                update tariff_version set state = 'SUPERSEDED'
                where tariff_code = ? and state = 'PUBLISHED' and version <> ? and effective_from <= ?
                returning version
                """, Integer.class, tariff, version, effectiveFrom);
        audit.record(tariff, version, TariffAudit.Action.PUBLISHED, actor, "действует с " + moscow(effectiveFrom));
        for (Integer old : superseded) {
            audit.record(tariff, old, TariffAudit.Action.SUPERSEDED, actor, "заменяется версией " + version + " с " + moscow(effectiveFrom));
        }
        changes.announce(TariffCatalog.TOPIC);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                catalog.refresh();
            }
        });
        return find(tariff, version, false);
    }

    /** the clock's time as PostgreSQL keeps it, in microseconds */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static final java.time.format.DateTimeFormatter MOSCOW_TIME =
            java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm 'МСК'");

    /** an instant as Moscow wall-clock time, as the audit trail's readers (Russian tariff managers) read it */
    private static String moscow(OffsetDateTime at) {
        return at.atZoneSameInstant(java.time.ZoneId.of("Europe/Moscow")).format(MOSCOW_TIME);
    }

    /**
     * Deletes a draft nobody will publish: its models and the version go, the audit trail keeps that it existed and
     * who deleted it. Version numbers are never reused (the next draft takes a number above every one the audit
     * knows). A published or superseded version is history and is never deleted (409).
     */
    @Transactional
    public void deleteDraft(String tariff, int version, String actor) {
        draftForUpdate(tariff, version);
        jdbc.update("delete from tariff_model where tariff_code = ? and version = ?", tariff, version);
        jdbc.update("delete from tariff_version where tariff_code = ? and version = ?", tariff, version);
        audit.record(tariff, version, TariffAudit.Action.DELETED, actor, "черновик удалён");
    }

    private TariffVersionInfo draftForUpdate(String tariff, int version) {
        TariffVersionInfo info = find(tariff, version, true);
        if (info.state() != TariffVersionInfo.State.DRAFT) {
            throw Refusal.conflict("tariff.notADraft", version, tariff, info.state());
        }
        return info;
    }

    private TariffVersionInfo find(String tariff, int version, boolean lock) {
        List<TariffVersionInfo> found = jdbc.query(SELECT + " where tariff_code = ? and version = ?"
                + (lock ? " for update" : ""), TariffEditing::row, tariff, version);
        if (found.isEmpty()) {
            throw Refusal.notFound("tariff.versionNotFound", tariff, version);
        }
        return found.get(0);
    }

    /**
     * A version that does not compile (422): each error of the engine or the model checks as it is, named by
     * {@code model @ location}.
     */
    static Refusal doesNotCompile(Text detail, List<ModelMessage> messages) {
        return Refusal.of(Refusal.Kind.UNPROCESSABLE, detail, messages.stream()
                .filter(m -> m.severity() == ModelMessage.Severity.ERROR)
                .map(m -> new Refusal.Fault(m.model() + (m.location() == null ? "" : " @ " + m.location()),
                        Text.of("tariff.modelText", m.russian(), m.message())))
                .toList());
    }

    @Override
    public boolean exists(String tariff) {
        Integer n = jdbc.queryForObject("select count(*) from tariff where code = ?", Integer.class, tariff);
        return n != null && n > 0;
    }

    private void requireTariff(String tariff) {
        if (!exists(tariff)) {
            throw Refusal.notFound("tariff.notFound", tariff);
        }
    }

    private static final String SELECT = """
            select tariff_code, version, state, effective_from, based_on, revision, created_by, created_at,
                   published_by, published_at from tariff_version""";

    private static TariffVersionInfo row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new TariffVersionInfo(rs.getString(1), rs.getInt(2), TariffVersionInfo.State.valueOf(rs.getString(3)),
                rs.getObject(4, OffsetDateTime.class), (Integer) rs.getObject(5), rs.getInt(6), rs.getString(7),
                rs.getObject(8, OffsetDateTime.class), rs.getString(9), rs.getObject(10, OffsetDateTime.class));
    }
}
