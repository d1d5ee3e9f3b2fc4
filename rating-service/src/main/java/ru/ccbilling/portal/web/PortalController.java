package ru.ccbilling.portal.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.api.PortalApi;
import ru.ccbilling.api.model.CdrStatus;
import ru.ccbilling.api.model.Document;
import ru.ccbilling.api.model.EntryKind;
import ru.ccbilling.api.model.LedgerPage;
import ru.ccbilling.api.model.PortalAccount;
import ru.ccbilling.api.model.PortalCall;
import ru.ccbilling.api.model.PortalCallLine;
import ru.ccbilling.api.model.PortalCallPage;
import ru.ccbilling.api.model.PortalDashboard;
import ru.ccbilling.api.model.PortalDay;
import ru.ccbilling.api.model.PortalInvoice;
import ru.ccbilling.api.model.PortalNumber;
import ru.ccbilling.api.model.PortalPriceList;
import ru.ccbilling.api.model.PortalSettings;
import ru.ccbilling.api.model.PortalUsageLine;
import ru.ccbilling.api.model.PriceTable;
import ru.ccbilling.cdr.StoredCdr;
import ru.ccbilling.clock.ClockConfiguration;
import ru.ccbilling.ledger.Ledger;
import ru.ccbilling.money.Money;
import ru.ccbilling.period.UsageReport;
import ru.ccbilling.portal.PortalCalls;
import ru.ccbilling.portal.PortalDocuments;
import ru.ccbilling.portal.PortalNotifications;
import ru.ccbilling.portal.PortalNumbers;
import ru.ccbilling.portal.PortalScope;
import ru.ccbilling.portal.PriceLists;
import ru.ccbilling.rating.LineNotes;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.web.CurrentUser;
import ru.ccbilling.web.Downloads;

/**
 * The client's personal cabinet. Every call resolves the account through {@link PortalScope} (404 for an account
 * not of the signed-in client) and every query below is scoped to the signed-in user in SQL as well.
 */
@RestController
class PortalController implements PortalApi {

    private final PortalScope scope;
    private final PortalCalls calls;
    private final PortalDocuments documents;
    private final PortalNumbers numbers;
    private final PriceLists priceLists;
    private final PortalNotifications notifications;
    private final Ledger ledger;
    private final UsageReport usage;
    private final Clock clock;

    PortalController(PortalScope scope, PortalCalls calls, PortalDocuments documents, PortalNumbers numbers,
                     PriceLists priceLists, PortalNotifications notifications, Ledger ledger, UsageReport usage,
                     Clock clock) {
        this.scope = scope;
        this.calls = calls;
        this.documents = documents;
        this.numbers = numbers;
        this.priceLists = priceLists;
        this.notifications = notifications;
        this.ledger = ledger;
        this.usage = usage;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<List<PortalAccount>> portalAccounts() {
        return ResponseEntity.ok(scope.accounts(CurrentUser.name()).stream()
                .map(a -> new PortalAccount(a.code(), a.clientName()).home(a.home())).toList());
    }

    @Override
    public ResponseEntity<PortalDashboard> portalDashboard(String account) {
        String user = CurrentUser.name();
        PortalScope.ClientAccount chosen = scope.account(user, account);
        LocalDate today = today();
        YearMonth month = YearMonth.from(today);
        UsageReport.Report report = usage.of(chosen.code(), month);
        Map<String, Money> byService = new TreeMap<>();
        report.lines().forEach(l -> byService.merge(l.service(), l.amount(), Money::plus));
        Map<String, Long> callsByService = new HashMap<>();
        calls.byService(user, chosen.code(), month.atDay(1), today)
                .forEach(s -> callsByService.put(s.service(), s.calls()));
        callsByService.keySet().forEach(s -> byService.putIfAbsent(s, Money.of(BigDecimal.ZERO)));
        Map<LocalDate, PortalCalls.Day> days = new HashMap<>();
        calls.perDay(user, chosen.code(), month.atDay(1), today).forEach(d -> days.put(d.date(), d));
        List<PortalDay> chart = month.atDay(1).datesUntil(today.plusDays(1)).map(d -> {
            PortalCalls.Day day = days.get(d);
            return new PortalDay(d, day == null ? 0 : day.calls(),
                    day == null ? "0.00" : Money.of(day.amount()).toString());
        }).toList();
        PortalDashboard dashboard = new PortalDashboard(chosen.code(), chosen.clientName(),
                PortalViews.balance(ledger.balance(chosen.code())), month.toString(),
                byService.entrySet().stream().map(e -> new PortalUsageLine(e.getKey(), e.getValue().toString(),
                        callsByService.getOrDefault(e.getKey(), 0L))).toList(),
                report.total().toString(), chart);
        documents.lastInvoice(user, chosen.code()).ifPresent(last -> dashboard.lastInvoice(
                new PortalInvoice(last.invoice().id(), last.invoice().number(), last.invoice().date(),
                        last.invoice().month().toString(), last.invoice().gross().toString(), last.paid())));
        notifications.threshold(chosen.code()).ifPresent(t -> dashboard.balanceThreshold(t.toString()));
        return ResponseEntity.ok(dashboard);
    }

    @Override
    public ResponseEntity<PortalCallPage> portalCalls(String account, LocalDate from, LocalDate to, String number,
                                                      CdrStatus status, Integer page, Integer size) {
        String user = CurrentUser.name();
        PortalCalls.Page found = calls.list(user, filter(user, account, from, to, number, status), page, size);
        return ResponseEntity.ok(new PortalCallPage(found.items().stream().map(PortalController::view).toList(),
                found.total(), page, size));
    }

    @Override
    public ResponseEntity<Resource> portalCallsCsv(String account, LocalDate from, LocalDate to, String number,
                                                   CdrStatus status) {
        String user = CurrentUser.name();
        PortalCalls.Filter filter = filter(user, account, from, to, number, status);
        return Downloads.csv(exportName(filter), table -> calls.export(user, filter, table));
    }

    @Override
    public ResponseEntity<Resource> portalCallsXlsx(String account, LocalDate from, LocalDate to, String number,
                                                    CdrStatus status) {
        String user = CurrentUser.name();
        PortalCalls.Filter filter = filter(user, account, from, to, number, status);
        return Downloads.xlsx(exportName(filter), "Звонки", table -> calls.export(user, filter, table));
    }

    private static String exportName(PortalCalls.Filter filter) {
        return "calls-" + filter.account() + "-" + filter.from() + "-" + filter.to();
    }

    @Override
    public ResponseEntity<PortalCall> portalCall(String source, String cdrId) {
        return calls.find(CurrentUser.name(), source, cdrId).map(PortalController::view).map(ResponseEntity::ok)
                .orElseThrow(() -> Refusal.notFound("portal.call.notFound", cdrId, source));
    }

    @Override
    public ResponseEntity<List<Document>> portalDocuments(String account, String month) {
        String user = CurrentUser.name();
        String code = scope.account(user, account).code();
        YearMonth m = month == null ? null : PortalViews.month("month", month);
        return ResponseEntity.ok(documents.list(user, code, m).stream().map(PortalViews::document).toList());
    }

    @Override
    public ResponseEntity<Resource> portalDocumentPdf(UUID id) {
        String user = CurrentUser.name();
        var doc = documents.find(user, id).orElseThrow(() -> Refusal.notFound("portal.document.notFound", id));
        byte[] pdf = documents.pdf(user, id).orElseThrow(() -> Refusal.notFound("portal.document.notFound", id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(PortalDocuments.fileName(doc), StandardCharsets.UTF_8).build().toString())
                .body(new ByteArrayResource(pdf));
    }

    @Override
    public ResponseEntity<Resource> portalMonthZip(String month, String account) {
        String user = CurrentUser.name();
        String code = scope.account(user, account).code();
        YearMonth m = PortalViews.month("month", month);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        if (!documents.zip(user, code, m, zip)) {
            throw Refusal.notFound("portal.month.noDocuments", m, code);
        }
        return ResponseEntity.ok().contentType(new MediaType("application", "zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("documents-" + code + "-" + m + ".zip").build().toString())
                .body(new ByteArrayResource(zip.toByteArray()));
    }

    @Override
    public ResponseEntity<LedgerPage> portalLedger(String account, String period, EntryKind kind, Integer page,
                                                   Integer size) {
        String code = scope.account(CurrentUser.name(), account).code();
        Ledger.Page found = ledger.entries(code, period == null ? null : PortalViews.month("period", period),
                kind == null ? null : ru.ccbilling.ledger.EntryKind.valueOf(kind.name()), page, size);
        // a partner's accrual is the call centre's debt to its partner, not the client's business
        return ResponseEntity.ok(new LedgerPage(code, PortalViews.balance(ledger.balance(code)),
                found.items().stream().filter(e -> e.kind().inClientBalance()).map(PortalViews::entry).toList(),
                found.total(), page, size));
    }

    @Override
    public ResponseEntity<PortalPriceList> portalPriceList(String account) {
        String code = scope.account(CurrentUser.name(), account).code();
        PriceLists.ForAccount list = priceLists.of(code)
                .orElseThrow(() -> Refusal.notFound("portal.priceList.none", code));
        PortalPriceList view = view(code, list.inForce());
        view.upcoming(list.upcoming().stream().map(p -> view(code, p)).toList());
        return ResponseEntity.ok(view);
    }

    @Override
    public ResponseEntity<List<PortalNumber>> portalNumbers(String account) {
        String user = CurrentUser.name();
        String code = scope.account(user, account).code();
        return ResponseEntity.ok(numbers.of(user, code).stream()
                .map(n -> new PortalNumber(n.number(), n.kind(), n.validFrom(), n.active()).channels(n.channels())
                        .validTo(n.validTo())).toList());
    }

    @Override
    public ResponseEntity<PortalSettings> portalSettings(String account) {
        String code = scope.account(CurrentUser.name(), account).code();
        return ResponseEntity.ok(new PortalSettings().balanceThreshold(
                notifications.threshold(code).map(t -> Money.of(t).toString()).orElse(null)));
    }

    @Override
    public ResponseEntity<PortalSettings> putPortalSettings(PortalSettings settings, String account) {
        String code = scope.account(CurrentUser.name(), account).code();
        String threshold = settings.getBalanceThreshold();
        BigDecimal value = threshold == null || threshold.isBlank() ? null
                : amount("balanceThreshold", threshold);
        notifications.setThreshold(code, value, CurrentUser.name());
        return portalSettings(code);
    }

    private PortalCalls.Filter filter(String user, String account, LocalDate from, LocalDate to, String number,
                                      CdrStatus status) {
        String code = scope.account(user, account).code();
        LocalDate today = today();
        LocalDate first = from == null ? (to == null ? today : to).withDayOfMonth(1) : from;
        LocalDate last = to == null ? (from == null ? today : from.plusMonths(1).minusDays(1)) : to;
        return new PortalCalls.Filter(code, first, last, number == null || number.isBlank() ? null : number,
                status == null ? null : status.getValue());
    }

    private static BigDecimal amount(String field, String value) {
        try {
            BigDecimal amount = new BigDecimal(value.trim().replace(',', '.'));
            if (amount.scale() > 2) {
                throw Refusal.invalid(field, "portal.amount.unreadable", value);
            }
            return amount;
        } catch (NumberFormatException e) {
            throw Refusal.invalid(field, "portal.amount.unreadable", value);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ClockConfiguration.BUSINESS_ZONE));
    }

    private static PortalPriceList view(String account, PriceLists.PriceList list) {
        return new PortalPriceList(account, list.tariff(), list.version(), list.effectiveFrom(),
                list.tables().stream().map(t -> new PriceTable(t.name(), t.columns(), t.rows()).title(t.title()))
                        .toList(), List.of());
    }

    static PortalCall view(StoredCdr c) {
        return new PortalCall(c.source(), c.cdrId(), c.startTime(), c.callType(), c.caller(), c.called(),
                c.durationSec(), c.account(), CdrStatus.fromValue(c.status()),
                c.lines().stream().map(l -> new PortalCallLine(l.component(), l.amount(), l.billedSeconds())
                        .stage(l.stage()).participant(l.participant()).rate(l.rate())
                        .explanation(LineNotes.forReader(l.note(), LocaleContextHolder.getLocale()))).toList())
                .total(c.total() == null ? null : c.total().toPlainString()).reason(c.reason())
                .reasonDetail(c.reasonDetail()).tariff(c.tariff()).tariffVersion(c.tariffVersion());
    }
}
