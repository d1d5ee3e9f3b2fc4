package ru.ccbilling.report.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.api.ReportsApi;
import ru.ccbilling.api.model.ReportCall;
import ru.ccbilling.api.model.ReportCallPage;
import ru.ccbilling.api.model.ReportCatalogue;
import ru.ccbilling.api.model.ReportCatalogueEntry;
import ru.ccbilling.api.model.ReportChart;
import ru.ccbilling.api.model.ReportColumn;
import ru.ccbilling.api.model.ReportDataset;
import ru.ccbilling.api.model.ReportDrill;
import ru.ccbilling.api.model.ReportFilter;
import ru.ccbilling.api.model.ReportResult;
import ru.ccbilling.api.model.ReportRow;
import ru.ccbilling.api.model.SavedReport;
import ru.ccbilling.api.model.SavedReportChange;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Text;
import ru.ccbilling.report.CallRecords;
import ru.ccbilling.report.Dataset;
import ru.ccbilling.report.Dimension;
import ru.ccbilling.report.Measure;
import ru.ccbilling.report.ReportLimits;
import ru.ccbilling.report.ReportQueries;
import ru.ccbilling.report.ReportQuery;
import ru.ccbilling.report.ReportRunner;
import ru.ccbilling.report.ReportScope;
import ru.ccbilling.report.ReportTable;
import ru.ccbilling.report.SavedReports;
import ru.ccbilling.web.CurrentUser;

/** The report builder's part of the contract: translates and delegates. */
@RestController
class ReportsController implements ReportsApi {

    /** who builds and shares reports and sees every account (the rest, sales, see their accounts' figures) */
    private static final String[] BUILDERS = {"FINANCE", "TARIFF_MANAGER", "ADMIN"};
    /** who reads the ledger's entries in reports */
    private static final String[] LEDGER_READERS = {"FINANCE", "ADMIN", "SALES"};

    private final ReportQueries queries;
    private final ReportRunner runner;
    private final ReportScope scope;
    private final SavedReports saved;
    private final ReportLimits limits;

    ReportsController(ReportQueries queries, ReportRunner runner, ReportScope scope, SavedReports saved,
                      ReportLimits limits) {
        this.queries = queries;
        this.runner = runner;
        this.scope = scope;
        this.saved = saved;
        this.limits = limits;
    }

    @Override
    public ResponseEntity<ReportCatalogue> getReportCatalogue() {
        boolean en = english();
        ReportCatalogue out = new ReportCatalogue().maxDimensions(ReportQuery.MAX_DIMENSIONS).maxDays(limits.maxDays())
                .maxRows(limits.maxRows()).exportMaxRows(limits.exportMaxRows())
                .canShare(CurrentUser.hasAnyRole(BUILDERS));
        for (Dimension d : Dimension.values()) {
            out.addDimensionsItem(new ReportCatalogueEntry().key(d.key()).label(en ? d.english() : d.russian())
                    .labelRu(d.russian()).labelEn(d.english()).unit(ReportCatalogueEntry.UnitEnum.valueOf(d.kind().name()))
                    .datasets(datasets(d::on)).calls(d.onCalls()).lines(d.onLines()));
        }
        for (Measure m : Measure.values()) {
            out.addMeasuresItem(new ReportCatalogueEntry().key(m.key()).label(en ? m.english() : m.russian())
                    .labelRu(m.russian()).labelEn(m.english()).unit(ReportCatalogueEntry.UnitEnum.valueOf(m.unit().name()))
                    .datasets(datasets(m::on)).calls(m.onCalls()).lines(m.onLines()));
        }
        return ResponseEntity.ok(out);
    }

    @Override
    public ResponseEntity<ReportResult> runReport(ru.ccbilling.api.model.ReportQuery body) {
        ReportQuery q = check(body);
        return ResponseEntity.ok(result(runner.run(q, seen())));
    }

    @Override
    public ResponseEntity<ReportCallPage> reportCalls(ReportDrill body, Integer page, Integer size) {
        ReportQuery q = check(body.getQuery());
        CallRecords.Page calls = runner.calls(q, body.getCell(), seen(), page == null ? 0 : page, size == null ? 50 : size);
        ReportCallPage out = new ReportCallPage().total(calls.total());
        for (CallRecords.Call c : calls.items()) {
            out.addItemsItem(new ReportCall().source(c.source()).cdrId(c.cdrId()).startTime(c.startTime())
                    .callType(c.callType()).caller(c.caller()).called(c.called()).durationSec(c.durationSec())
                    .account(c.account()).status(c.status()).reason(c.reason()).tariff(c.tariff())
                    .tariffVersion(c.tariffVersion()).total(c.total() == null ? null : c.total().toPlainString()));
        }
        return ResponseEntity.ok(out);
    }

    @Override
    public ResponseEntity<Resource> exportReport(String format, ru.ccbilling.api.model.ReportQuery body) {
        ReportQuery q = check(body);
        ReportScope.Seen seen = seen();
        Locale locale = LocaleContextHolder.getLocale();
        boolean csv = "csv".equals(format);
        try {
            // a temp file, not memory: an export may be a million rows; the file goes when it is sent
            Path file = Files.createTempFile("report", csv ? ".csv" : ".xlsx");
            try (var out = Files.newOutputStream(file)) {
                if (csv) {
                    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    runner.csv(q, seen, locale, writer);
                    writer.flush();
                } else {
                    runner.xlsx(q, seen, locale, out);
                }
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            MediaType type = csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                    : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            return ResponseEntity.ok().contentType(type).contentLength(Files.size(file))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("report-" + q.from() + "-" + q.to() + (csv ? ".csv" : ".xlsx")).build().toString())
                    .body(new InputStreamResource(Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ResponseEntity<List<SavedReport>> listSavedReports() {
        return ResponseEntity.ok(saved.visibleTo(CurrentUser.name()).stream().map(ReportsController::savedReport).toList());
    }

    @Override
    public ResponseEntity<SavedReport> getSavedReport(Long id) {
        return ResponseEntity.ok(savedReport(saved.find(id, CurrentUser.name())
                .orElseThrow(() -> Refusal.notFound("report.notFound", id))));
    }

    @Override
    public ResponseEntity<SavedReport> createSavedReport(SavedReportChange body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(savedReport(saved.create(CurrentUser.name(), change(body))));
    }

    @Override
    public ResponseEntity<SavedReport> updateSavedReport(Long id, SavedReportChange body) {
        return ResponseEntity.ok(savedReport(saved.update(id, CurrentUser.name(), CurrentUser.hasAnyRole("ADMIN"),
                change(body))));
    }

    @Override
    public ResponseEntity<Void> deleteSavedReport(Long id) {
        saved.delete(id, CurrentUser.name(), CurrentUser.hasAnyRole("ADMIN"));
        return ResponseEntity.noContent().build();
    }

    private SavedReports.Change change(SavedReportChange body) {
        boolean shared = Boolean.TRUE.equals(body.getShared());
        String mailTo = body.getMailTo() == null || body.getMailTo().isBlank() ? null : body.getMailTo().trim();
        if ((shared || mailTo != null) && !CurrentUser.hasAnyRole(BUILDERS)) {
            throw Refusal.field(Refusal.Kind.FORBIDDEN, shared ? "shared" : "mailTo", Text.of("report.shareForbidden"));
        }
        if (mailTo != null && !mailTo.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw Refusal.invalid("mailTo", "report.mailTo");
        }
        check(body.getQuery()); // only a report that runs is saved
        return new SavedReports.Change(body.getName().trim(), shared, draft(body.getQuery()),
                body.getChart() == null ? SavedReports.Chart.BAR : SavedReports.Chart.valueOf(body.getChart().name()),
                mailTo);
    }

    private ReportQuery check(ru.ccbilling.api.model.ReportQuery body) {
        if (body == null) {
            throw Refusal.invalid("query", "report.queryRequired");
        }
        ReportQuery q = queries.check(draft(body));
        if (q.dataset() == Dataset.LEDGER && !CurrentUser.hasAnyRole(LEDGER_READERS)) {
            throw Refusal.field(Refusal.Kind.FORBIDDEN, "dataset", Text.of("report.ledgerForbidden"));
        }
        return q;
    }

    private ReportScope.Seen seen() {
        return scope.of(CurrentUser.name(), CurrentUser.hasAnyRole(BUILDERS));
    }

    private static ReportQuery.Draft draft(ru.ccbilling.api.model.ReportQuery body) {
        List<ReportQuery.DraftFilter> filters = new ArrayList<>();
        if (body.getFilters() != null) {
            for (ReportFilter f : body.getFilters()) {
                filters.add(new ReportQuery.DraftFilter(f.getDimension(), f.getValues()));
            }
        }
        return new ReportQuery.Draft(body.getDataset() == null ? null : body.getDataset().name(), body.getDimensions(),
                body.getMeasures(), filters, body.getFrom(), body.getTo(), body.getPeriod(), body.getSort(), body.getLimit());
    }

    private static ru.ccbilling.api.model.ReportQuery query(ReportQuery.Draft d) {
        ru.ccbilling.api.model.ReportQuery out = new ru.ccbilling.api.model.ReportQuery()
                .dataset(d.dataset() == null ? null : ReportDataset.valueOf(d.dataset()))
                .dimensions(d.dimensions() == null ? new ArrayList<>() : new ArrayList<>(d.dimensions()))
                .measures(d.measures() == null ? new ArrayList<>() : new ArrayList<>(d.measures()))
                .from(d.from()).to(d.to()).period(d.period()).sort(d.sort()).limit(d.limit());
        if (d.filters() != null) {
            d.filters().forEach(f -> out.addFiltersItem(new ReportFilter().dimension(f.dimension())
                    .values(new ArrayList<>(f.values()))));
        }
        return out;
    }

    private static SavedReport savedReport(SavedReports.SavedReport r) {
        return new SavedReport().id(r.id()).name(r.name()).owner(r.owner()).shared(r.shared()).shipped(r.shipped())
                .query(query(r.query())).chart(ReportChart.valueOf(r.chart().name())).mailTo(r.mailTo())
                .updatedAt(r.updatedAt() == null ? null : r.updatedAt().withOffsetSameInstant(ZoneOffset.UTC));
    }

    private ReportResult result(ReportTable table) {
        boolean en = english();
        ReportQuery q = table.query();
        ReportResult out = new ReportResult().from(q.from()).to(q.to())
                .generatedAt(table.generatedAt().withOffsetSameInstant(ZoneOffset.UTC));
        for (Dimension d : q.dimensions()) {
            out.addColumnsItem(new ReportColumn().key(d.key()).kind(ReportColumn.KindEnum.DIMENSION)
                    .label(en ? d.english() : d.russian()).unit(ReportColumn.UnitEnum.valueOf(d.kind().name())));
        }
        for (Measure m : q.measures()) {
            out.addColumnsItem(new ReportColumn().key(m.key()).kind(ReportColumn.KindEnum.MEASURE)
                    .label(en ? m.english() : m.russian()).unit(ReportColumn.UnitEnum.valueOf(m.unit().name())));
        }
        for (ReportTable.Row row : table.rows()) {
            out.addRowsItem(new ReportRow().dimensions(new ArrayList<>(row.dimensions())).measures(numbers(row.measures())));
        }
        out.setTotals(numbers(table.totals()));
        return out;
    }

    private static List<BigDecimal> numbers(List<Object> values) {
        List<BigDecimal> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(v == null ? null : v instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) v).longValue()));
        }
        return out;
    }

    private static List<ReportDataset> datasets(java.util.function.Predicate<Dataset> on) {
        return Arrays.stream(Dataset.values()).filter(on).map(d -> ReportDataset.valueOf(d.name())).toList();
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
