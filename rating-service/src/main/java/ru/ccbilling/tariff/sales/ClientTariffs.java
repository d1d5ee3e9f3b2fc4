package ru.ccbilling.tariff.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.ccbilling.account.Account;
import ru.ccbilling.account.AccountDirectory;
import ru.ccbilling.period.FinancialPeriod;
import ru.ccbilling.period.MonthlyTerms;
import ru.ccbilling.period.PeriodState;
import ru.ccbilling.period.Periods;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Text;
import ru.ccbilling.rules.ModelMessage;
import ru.ccbilling.rules.TariffCompiler;
import ru.ccbilling.rules.TariffModel;
import ru.ccbilling.tariff.TariffAudit;
import ru.ccbilling.tariff.TariffCatalog;
import ru.ccbilling.tariff.TariffEditing;
import ru.ccbilling.tariff.TariffVersionInfo;
import ru.ccbilling.tariff.TariffVersionRef;

/**
 * Client tariffs built by sales: a version of a standard tariff plus {@link Adjustments}, kept as data (table
 * {@code client_tariff}) and compiled into an ordinary draft version of a tariff of its own, so that the one rating
 * engine prices it. The workflow: DRAFT → SUBMITTED (sales) → APPROVED or RETURNED with a comment (tariff manager)
 * → PUBLISHED from a date for an account (tariff manager), which publishes the version and assigns the tariff to the
 * account from that date. Every step is written to the tariff's audit trail.
 */
@Service
public class ClientTariffs {

    public enum State { DRAFT, SUBMITTED, RETURNED, APPROVED, PUBLISHED }

    public record Info(String code, String name, String baseTariff, int baseVersion, String account, State state,
                       int workingVersion, Integer approvedRevision, Integer publishedVersion, LocalDate assignedFrom,
                       String comment, String createdBy, Adjustments adjustments) { }

    /** a price cell of the base beside the client's price, its floor and whether the client's is under it */
    public record PriceCell(DmnCells.Cell base, ServiceGroup group, BigDecimal price, boolean overridden,
                            BigDecimal floor) {
        public boolean belowFloor() {
            return floor != null && price.compareTo(floor) < 0;
        }

        public String model() {
            return base.model();
        }

        public String rule() {
            return base.rule();
        }
    }

    public record View(Info info, Integer baseVersionInForce, boolean needsRebase, List<PriceCell> cells) {
        public long belowFloor() {
            return cells.stream().filter(PriceCell::belowFloor).count();
        }
    }

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final JdbcTemplate jdbc;
    private final TariffEditing editing;
    private final TariffCatalog catalog;
    private final TariffAudit audit;
    private final Periods periods;
    private final AccountDirectory accounts;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    ClientTariffs(JdbcTemplate jdbc, TariffEditing editing, TariffCatalog catalog, TariffAudit audit, Periods periods,
                  AccountDirectory accounts, Clock clock) {
        this.jdbc = jdbc;
        this.editing = editing;
        this.catalog = catalog;
        this.audit = audit;
        this.periods = periods;
        this.accounts = accounts;
        this.clock = clock;
    }

    public List<View> list() {
        return jdbc.query(SELECT + " order by code", this::row).stream().map(i -> view(i, false)).toList();
    }

    public View get(String code) {
        return view(find(code, false), true);
    }

    @Transactional
    public View create(String code, String name, String baseTariff, Integer baseVersion, String account,
                       Adjustments adjustments, String actor) {
        if (!catalog.isStandard(baseTariff)) {
            if (!editing.exists(baseTariff)) {
                throw Refusal.invalid("baseTariff", "sales.base.unknown", baseTariff);
            }
            throw Refusal.invalid("baseTariff", "sales.base.notStandard", baseTariff);
        }
        int base = baseVersion != null ? baseVersion : catalog.inForce(baseTariff, clock.instant())
                .map(TariffVersionRef::version)
                .orElseThrow(() -> Refusal.invalid("baseVersion", "sales.base.noneInForce", baseTariff));
        if (baseVersion != null && !versionExists(baseTariff, base)) {
            throw Refusal.invalid("baseVersion", "sales.base.noVersion", baseTariff, base);
        }
        if (account != null && !accounts.exists(account)) {
            throw Refusal.invalid("account", "sales.account.unknown", account);
        }
        Adjustments checked = validate(adjustments, catalog.models(baseTariff, base));
        editing.createTariff(code, name, baseTariff, base, actor);
        OffsetDateTime now = now();
        jdbc.update("""
                insert into client_tariff (code, base_tariff, base_version, account_code, adjustments, state, working_version,
                                           created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?::jsonb, 'DRAFT', 1, ?, ?, ?)
                """, code, baseTariff, base, account, write(checked), actor, now, now);
        compile(code, 1, baseTariff, base, checked, actor);
        return get(code);
    }

    @Transactional
    public View update(String code, Adjustments adjustments, String actor) {
        Info info = find(code, true);
        if (info.state() != State.DRAFT && info.state() != State.RETURNED) {
            throw Refusal.conflict("sales.notEditable", code, info.state());
        }
        Adjustments checked = validate(adjustments, catalog.models(info.baseTariff(), info.baseVersion()));
        jdbc.update("update client_tariff set adjustments = ?::jsonb, state = 'DRAFT', updated_at = ? where code = ?",
                write(checked), now(), code);
        compile(code, info.workingVersion(), info.baseTariff(), info.baseVersion(), checked, actor);
        return get(code);
    }

    @Transactional
    public View submit(String code, String actor) {
        Info info = find(code, true);
        if (info.state() != State.DRAFT && info.state() != State.RETURNED) {
            throw Refusal.conflict("sales.notSubmittable", code, info.state());
        }
        TariffVersionInfo version = editing.version(code, info.workingVersion());
        TariffCompiler.Compilation compilation = catalog.compileRevision(code, info.workingVersion(), version.revision());
        if (!compilation.valid()) {
            throw Refusal.of(Refusal.Kind.UNPROCESSABLE, Text.of("tariff.doesNotCompile", info.workingVersion()),
                    compilation.messages().stream().filter(m -> m.severity() == ModelMessage.Severity.ERROR)
                            .map(m -> new Refusal.Fault(m.model(), Text.of("tariff.modelText", m.russian(), m.message()))).toList());
        }
        state(code, State.SUBMITTED, null, null);
        audit.record(code, info.workingVersion(), TariffAudit.Action.SUBMITTED, actor, "отправлен на согласование");
        return get(code);
    }

    @Transactional
    public View approve(String code, boolean acknowledgeBelowFloor, String comment, String actor) {
        Info info = find(code, true);
        if (info.state() != State.SUBMITTED) {
            throw Refusal.conflict("sales.notSubmitted", code, info.state());
        }
        View view = view(info, true);
        long below = view.belowFloor();
        if (below > 0 && !acknowledgeBelowFloor) {
            throw Refusal.field(Refusal.Kind.CONFLICT, "acknowledgeBelowFloor", Text.of("sales.belowFloor", below));
        }
        int revision = editing.version(code, info.workingVersion()).revision();
        state(code, State.APPROVED, revision, comment);
        audit.record(code, info.workingVersion(), TariffAudit.Action.APPROVED, actor, "согласован"
                + (below > 0 ? "; цен ниже минимальных: " + below + " (подтверждено)" : "")
                + (comment == null || comment.isBlank() ? "" : "; " + comment));
        return get(code);
    }

    @Transactional
    public View giveBack(String code, String comment, String actor) {
        Info info = find(code, true);
        if (info.state() != State.SUBMITTED) {
            throw Refusal.conflict("sales.notSubmitted", code, info.state());
        }
        if (comment == null || comment.isBlank()) {
            throw Refusal.invalid("comment", "sales.comment.required");
        }
        state(code, State.RETURNED, null, comment);
        audit.record(code, info.workingVersion(), TariffAudit.Action.RETURNED, actor, "возвращён: " + comment);
        return get(code);
    }

    /**
     * Publishes the approved version from the day (00:00 Moscow time) and assigns the tariff to the account from
     * that day: the account's assignment in force then ends that day, later ones (of an open period) give way.
     */
    @Transactional
    public View publish(String code, String account, LocalDate from, String actor) {
        Info info = find(code, true);
        if (info.state() != State.APPROVED) {
            throw Refusal.conflict("sales.notApproved", code, info.state());
        }
        if (editing.version(code, info.workingVersion()).revision() != info.approvedRevision()) {
            throw Refusal.conflict("sales.changedSinceApproval", code, info.workingVersion());
        }
        Account target = accounts.find(account).orElseThrow(() -> Refusal.invalid("account", "sales.account.unknown", account));
        YearMonth month = YearMonth.from(from);
        FinancialPeriod period = periods.find(month);
        if (period.state() != PeriodState.OPEN || !periods.isOpen(account, month)) {
            throw Refusal.field(Refusal.Kind.CONFLICT, "from", Text.of("sales.closedPeriod", from, month,
                    period.state() != PeriodState.OPEN ? period.state() : PeriodState.CLOSED));
        }
        OffsetDateTime effectiveFrom = from.atStartOfDay(MOSCOW).toOffsetDateTime();
        editing.publish(code, info.workingVersion(), effectiveFrom, actor);
        Set<Account.TariffAssignment> assignments = new HashSet<>();
        for (Account.TariffAssignment a : target.tariffs()) {
            if (!a.validFrom().isBefore(from)) {
                continue;
            }
            boolean open = a.validTo() == null || a.validTo().isAfter(from);
            assignments.add(open ? new Account.TariffAssignment(a.tariffCode(), a.validFrom(), from) : a);
        }
        assignments.add(new Account.TariffAssignment(code, from, null));
        accounts.assignTariffs(account, assignments);
        jdbc.update("""
                update client_tariff set state = 'PUBLISHED', published_version = working_version, assigned_from = ?,
                       account_code = ?, updated_at = ? where code = ?
                """, from, account, now(), code);
        audit.record(code, info.workingVersion(), TariffAudit.Action.ASSIGNED, actor,
                "назначен счёту " + account + " с " + from);
        return get(code);
    }

    public record Rebase(View view, int from, int to) { }

    /**
     * The adjustments re-applied to another version of the base (its newest published one unless given): a new draft
     * after a published version, or the working draft compiled again; either way it goes through approval again.
     */
    @Transactional
    public Rebase rebase(String code, Integer baseVersion, String actor) {
        Info info = find(code, true);
        Integer latest = latestPublished(info.baseTariff());
        int base = baseVersion != null ? baseVersion : latest != null ? latest : info.baseVersion();
        if (!versionExists(info.baseTariff(), base)) {
            throw Refusal.invalid("baseVersion", "sales.base.noVersion", info.baseTariff(), base);
        }
        Adjustments checked;
        try {
            checked = validate(info.adjustments(), catalog.models(info.baseTariff(), base));
        } catch (Refusal r) {
            throw Refusal.of(Refusal.Kind.CONFLICT, Text.of("sales.rebase.adjustmentsDoNotFit", base), r.faults());
        }
        int working = info.workingVersion();
        int before = info.publishedVersion() != null ? info.publishedVersion() : working;
        if (info.state() == State.PUBLISHED) {
            working = editing.createDraft(code, info.publishedVersion(), actor).version();
        }
        jdbc.update("""
                update client_tariff set base_version = ?, working_version = ?, state = 'DRAFT', approved_revision = null,
                       updated_at = ? where code = ?
                """, base, working, now(), code);
        compile(code, working, info.baseTariff(), base, checked, actor);
        audit.record(code, working, TariffAudit.Action.REBASED, actor, "поправки применены к версии " + base
                + " тарифа " + info.baseTariff() + " (была версия " + info.baseVersion() + ")");
        return new Rebase(get(code), before, working);
    }

    /** the base tariff's models with the adjustments applied, written into the working draft where they differ */
    private void compile(String code, int version, String baseTariff, int baseVersion, Adjustments adjustments,
                         String actor) {
        Map<String, TariffModel> current = new HashMap<>();
        catalog.models(code, version).forEach(m -> current.put(m.name(), m));
        for (TariffModel model : catalog.models(baseTariff, baseVersion)) {
            TariffModel compiled = applied(model, adjustments);
            TariffModel now = current.get(model.name());
            if (now == null || !now.content().equals(compiled.content())) {
                editing.putModel(code, version, compiled, actor);
            }
        }
    }

    /** one model of the base with the discounts, overrides and (in the MonthlyFee table) the minimum payment */
    static TariffModel applied(TariffModel model, Adjustments adjustments) {
        if (model.kind() != TariffModel.Kind.DMN || !ServiceGroup.isPriceModel(model.name())) {
            return model;
        }
        Map<String, BigDecimal> prices = prices(model, adjustments);
        boolean monthly = model.name().equals("monthly-fees.dmn");
        BigDecimal minimum = monthly ? adjustments.minimumMonthlyPayment() : null;
        if (prices.isEmpty() && minimum == null) {
            return model;
        }
        return new TariffModel(model.name(), model.kind(),
                DmnCells.rewrite(model.content(), prices, minimum, MonthlyTerms.MINIMUM_MONTHLY_PAYMENT));
    }

    /** the changed prices of a model's cells: the override, else the discounted rate */
    private static Map<String, BigDecimal> prices(TariffModel model, Adjustments adjustments) {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        BigDecimal percent = ServiceGroup.of(model.name()).map(adjustments::discountOf).orElse(null);
        for (DmnCells.Cell cell : DmnCells.cells(model.name(), model.content())) {
            Optional<BigDecimal> override = adjustments.overrides().stream()
                    .filter(o -> o.model().equals(model.name()) && o.rule().equals(cell.rule()))
                    .map(Adjustments.CellOverride::price).findFirst();
            if (override.isPresent()) {
                prices.put(cell.rule(), override.get());
            } else if (percent != null && percent.signum() != 0) {
                prices.put(cell.rule(), new Adjustments.Discount(null, percent).apply(cell.price()));
            }
        }
        return prices;
    }

    /** 400 naming the field: a discount outside 0–100, an override of a cell the base does not have, a negative price */
    static Adjustments validate(Adjustments adjustments, List<TariffModel> baseModels) {
        Adjustments a = adjustments == null ? new Adjustments(null, null, null) : adjustments;
        List<Refusal.Fault> faults = new ArrayList<>();
        Set<ServiceGroup> seen = new HashSet<>();
        for (int i = 0; i < a.discounts().size(); i++) {
            Adjustments.Discount d = a.discounts().get(i);
            if (d == null || d.group() == null) {
                faults.add(new Refusal.Fault("discounts[" + i + "].group", Text.of("sales.discount.group")));
                continue;
            }
            if (!seen.add(d.group())) {
                faults.add(new Refusal.Fault("discounts[" + i + "].group", Text.of("sales.discount.twice", d.group())));
            }
            if (d.percent() == null || d.percent().signum() < 0 || d.percent().compareTo(BigDecimal.valueOf(100)) > 0
                    || d.percent().stripTrailingZeros().scale() > 2) {
                faults.add(new Refusal.Fault("discounts[" + i + "].percent", Text.of("sales.discount.range")));
            }
        }
        Map<String, Set<String>> rules = new HashMap<>();
        for (TariffModel m : baseModels) {
            if (m.kind() == TariffModel.Kind.DMN && ServiceGroup.isPriceModel(m.name())) {
                Set<String> ids = new HashSet<>();
                DmnCells.cells(m.name(), m.content()).forEach(c -> ids.add(c.rule()));
                rules.put(m.name(), ids);
            }
        }
        Set<String> cells = new HashSet<>();
        for (int i = 0; i < a.overrides().size(); i++) {
            Adjustments.CellOverride o = a.overrides().get(i);
            String at = "overrides[" + i + "]";
            if (o == null || o.model() == null || !rules.containsKey(o.model())) {
                faults.add(new Refusal.Fault(at + ".model", Text.of("sales.override.noModel", o == null ? null : o.model())));
                continue;
            }
            if (o.rule() == null || !rules.get(o.model()).contains(o.rule())) {
                faults.add(new Refusal.Fault(at + ".rule", Text.of("sales.override.noCell", o.rule(), o.model())));
                continue;
            }
            if (!cells.add(o.model() + "#" + o.rule())) {
                faults.add(new Refusal.Fault(at + ".rule", Text.of("sales.override.twice", o.rule())));
            }
            if (o.price() == null || o.price().signum() < 0 || o.price().scale() > 2) {
                faults.add(new Refusal.Fault(at + ".price", Text.of("sales.price.invalid")));
            }
        }
        if (a.minimumMonthlyPayment() != null
                && (a.minimumMonthlyPayment().signum() < 0 || a.minimumMonthlyPayment().scale() > 2)) {
            faults.add(new Refusal.Fault("minimumMonthlyPayment", Text.of("sales.price.invalid")));
        }
        if (!faults.isEmpty()) {
            throw Refusal.of(Refusal.Kind.INVALID, null, faults);
        }
        return a;
    }

    private View view(Info info, boolean withCells) {
        Integer inForce = catalog.inForce(info.baseTariff(), clock.instant()).map(TariffVersionRef::version).orElse(null);
        Integer latestPublished = latestPublished(info.baseTariff());
        boolean needsRebase = latestPublished != null && latestPublished > info.baseVersion();
        List<PriceCell> cells = new ArrayList<>();
        {
            Map<String, BigDecimal> floors = floors(info.baseTariff());
            Map<String, TariffModel> client = new HashMap<>();
            catalog.models(info.code(), info.workingVersion()).forEach(m -> client.put(m.name(), m));
            for (TariffModel base : catalog.models(info.baseTariff(), info.baseVersion())) {
                if (base.kind() != TariffModel.Kind.DMN || !ServiceGroup.isPriceModel(base.name())) {
                    continue;
                }
                Map<String, BigDecimal> clientPrices = new HashMap<>();
                TariffModel mine = client.get(base.name());
                if (mine != null) {
                    DmnCells.cells(mine.name(), mine.content()).forEach(c -> clientPrices.put(c.rule(), c.price()));
                }
                for (DmnCells.Cell cell : DmnCells.cells(base.name(), base.content())) {
                    boolean overridden = info.adjustments().overrides().stream()
                            .anyMatch(o -> o.model().equals(base.name()) && o.rule().equals(cell.rule()));
                    cells.add(new PriceCell(cell, ServiceGroup.of(base.name()).orElse(null),
                            clientPrices.getOrDefault(cell.rule(), cell.price()), overridden,
                            floors.get(base.name() + "#" + cell.rule())));
                }
            }
        }
        return new View(info, inForce, needsRebase, cells);
    }

    // --- floors ---

    public record Floor(String tariff, String model, String rule, BigDecimal floor, String setBy) { }

    public List<Floor> floors(String tariff, boolean check) {
        if (check && !editing.exists(tariff)) {
            throw Refusal.notFound("tariff.notFound", tariff);
        }
        return jdbc.query("select tariff_code, model, rule_id, floor, set_by from tariff_floor where tariff_code = ? order by model, rule_id",
                (rs, i) -> new Floor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5)),
                tariff);
    }

    private Map<String, BigDecimal> floors(String tariff) {
        Map<String, BigDecimal> out = new HashMap<>();
        floors(tariff, false).forEach(f -> out.put(f.model() + "#" + f.rule(), f.floor()));
        return out;
    }

    /** sets the floor of a cell of a tariff's version in force (null removes it); 400 naming a cell it lacks */
    @Transactional
    public Floor putFloor(String tariff, String model, String rule, BigDecimal floor, String actor) {
        if (!editing.exists(tariff)) {
            throw Refusal.notFound("tariff.notFound", tariff);
        }
        Integer version = catalog.inForce(tariff, clock.instant()).map(TariffVersionRef::version).orElse(null);
        List<TariffModel> models = version == null ? List.of() : catalog.models(tariff, version);
        boolean exists = models.stream().filter(m -> m.name().equals(model) && m.kind() == TariffModel.Kind.DMN)
                .flatMap(m -> DmnCells.cells(m.name(), m.content()).stream()).anyMatch(c -> c.rule().equals(rule));
        if (!exists) {
            throw Refusal.invalid("rule", "sales.override.noCell", rule, model);
        }
        if (floor == null) {
            jdbc.update("delete from tariff_floor where tariff_code = ? and model = ? and rule_id = ?", tariff, model, rule);
            return new Floor(tariff, model, rule, null, actor);
        }
        if (floor.signum() < 0 || floor.scale() > 2) {
            throw Refusal.invalid("floor", "sales.price.invalid");
        }
        jdbc.update("""
                insert into tariff_floor (tariff_code, model, rule_id, floor, set_by, set_at) values (?, ?, ?, ?, ?, ?)
                on conflict (tariff_code, model, rule_id) do update set floor = excluded.floor, set_by = excluded.set_by,
                    set_at = excluded.set_at
                """, tariff, model, rule, floor, actor, now());
        return new Floor(tariff, model, rule, floor, actor);
    }

    // --- storage ---

    /** the base's newest published version (a client tariff built on an older one needs a rebase) */
    private Integer latestPublished(String tariff) {
        return jdbc.queryForObject("""
                select max(version) from tariff_version where tariff_code = ? and state in ('PUBLISHED', 'SUPERSEDED')
                """, Integer.class, tariff);
    }

    private boolean versionExists(String tariff, int version) {
        Integer n = jdbc.queryForObject("select count(*) from tariff_version where tariff_code = ? and version = ?",
                Integer.class, tariff, version);
        return n != null && n > 0;
    }

    private void state(String code, State state, Integer approvedRevision, String comment) {
        jdbc.update("update client_tariff set state = ?, approved_revision = ?, comment = ?, updated_at = ? where code = ?",
                state.name(), approvedRevision, comment, now(), code);
    }

    Info find(String code, boolean lock) {
        List<Info> found = jdbc.query(SELECT + " where c.code = ?" + (lock ? " for update of c" : ""), this::row, code);
        if (found.isEmpty()) {
            throw Refusal.notFound("sales.notFound", code);
        }
        return found.get(0);
    }

    private static final String SELECT = """
            select c.code, t.name, c.base_tariff, c.base_version, c.account_code, c.state, c.working_version,
                   c.approved_revision, c.published_version, c.assigned_from, c.comment, c.created_by, c.adjustments::text
              from client_tariff c join tariff t on t.code = c.code""";

    private Info row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Info(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                State.valueOf(rs.getString(6)), rs.getInt(7), (Integer) rs.getObject(8), (Integer) rs.getObject(9),
                rs.getObject(10, LocalDate.class), rs.getString(11), rs.getString(12), read(rs.getString(13)));
    }

    private String write(Adjustments a) {
        try {
            return json.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Adjustments read(String text) {
        try {
            return json.readValue(text, Adjustments.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("client_tariff.adjustments unreadable", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
