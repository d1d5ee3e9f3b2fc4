package ru.ccbilling.document.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.ccbilling.api.DocumentsApi;
import ru.ccbilling.api.model.AccountMonth;
import ru.ccbilling.api.model.IssuePackageRequest;
import ru.ccbilling.api.model.DeliveryMethod;
import ru.ccbilling.api.model.Document;
import ru.ccbilling.api.model.DocumentPackage;
import ru.ccbilling.api.model.DocumentRunPreflight;
import ru.ccbilling.api.model.DocumentRunPreflightProblemsInner;
import ru.ccbilling.api.model.DocumentRunRequest;
import ru.ccbilling.api.model.NumberingPolicy;
import ru.ccbilling.api.model.NumberingPolicyChange;
import ru.ccbilling.api.model.RunDocumentDate;
import ru.ccbilling.api.model.DocumentType;
import ru.ccbilling.api.model.NumberingTemplate;
import ru.ccbilling.api.model.OneTimeInvoiceRequest;
import ru.ccbilling.api.model.Regeneration;
import ru.ccbilling.api.model.RegenerationDocumentsInner;
import ru.ccbilling.document.CorrectionInvoicing;
import ru.ccbilling.document.Delivery;
import ru.ccbilling.document.DocumentRun;
import ru.ccbilling.document.Documents;
import ru.ccbilling.document.OneTimeInvoicing;
import ru.ccbilling.document.InvoiceNumbering;
import ru.ccbilling.document.PackageIssue;
import ru.ccbilling.document.RunPreflight;
import ru.ccbilling.document.Sellers;
import ru.ccbilling.document.Statement;
import ru.ccbilling.document.edo.EdoFile;
import ru.ccbilling.document.edo.ElectronicDocuments;
import ru.ccbilling.export.ListOrder;
import ru.ccbilling.web.Downloads;
import ru.ccbilling.document.form.EnvelopeLabels;
import ru.ccbilling.job.Jobs;
import ru.ccbilling.job.web.JobView;
import ru.ccbilling.refusal.Refusal;

@RestController
class DocumentController implements DocumentsApi {

    private final Documents documents;
    private final PackageIssue issue;
    private final CorrectionInvoicing corrections;
    private final OneTimeInvoicing oneTime;
    private final DocumentRun run;
    private final Delivery delivery;
    private final ObjectMapper json;
    private final Jobs jobs;
    private final NumberingTemplates numbering;
    private final ElectronicDocuments electronic;
    private final RunPreflight preflight;
    private final InvoiceNumbering numberingPolicies;
    private final Sellers sellers;
    private final Clock clock;

    DocumentController(Documents documents, PackageIssue issue, CorrectionInvoicing corrections, OneTimeInvoicing oneTime,
                       DocumentRun run, Delivery delivery, Jobs jobs, NumberingTemplates numbering,
                       ElectronicDocuments electronic, ObjectMapper json, RunPreflight preflight,
                       InvoiceNumbering numberingPolicies, Sellers sellers, Clock clock) {
        this.preflight = preflight;
        this.numberingPolicies = numberingPolicies;
        this.sellers = sellers;
        this.clock = clock;
        this.electronic = electronic;
        this.json = json;
        this.documents = documents;
        this.issue = issue;
        this.corrections = corrections;
        this.oneTime = oneTime;
        this.run = run;
        this.delivery = delivery;
        this.jobs = jobs;
        this.numbering = numbering;
    }

    @Override
    public ResponseEntity<List<Document>> listDocuments(String month, String account, DocumentType type, Integer limit,
                                                        String q, String sort, Integer page, Integer size) {
        boolean paged = page != null || size != null;
        Documents.Page found = documents.search(filter(month, account, type, q), sort, paged && page != null ? page : 0,
                paged ? (size == null ? ListOrder.DEFAULT_SIZE : size) : limit);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(found.total()))
                .body(found.items().stream().map(DocumentViews::view).toList());
    }

    @Override
    public ResponseEntity<Resource> exportDocumentsCsv(String month, String account, DocumentType type, String q,
                                                       String sort) {
        Documents.Filter filter = filter(month, account, type, q);
        return Downloads.csv(exportName(filter), table -> documents.export(filter, sort, table));
    }

    @Override
    public ResponseEntity<Resource> exportDocumentsXlsx(String month, String account, DocumentType type, String q,
                                                        String sort) {
        Documents.Filter filter = filter(month, account, type, q);
        return Downloads.xlsx(exportName(filter), "Документы", table -> documents.export(filter, sort, table));
    }

    private static Documents.Filter filter(String month, String account, DocumentType type, String q) {
        return new Documents.Filter(month == null ? null : DocumentViews.month("month", month), account,
                type == null ? null : ru.ccbilling.document.DocumentType.valueOf(type.getValue()), q);
    }

    private static String exportName(Documents.Filter filter) {
        return "documents" + (filter.month() == null ? "" : "-" + filter.month());
    }

    @Override
    public ResponseEntity<Document> getDocument(UUID id) {
        return documents.find(id).map(DocumentViews::view).map(ResponseEntity::ok)
                .orElseThrow(() -> Refusal.notFound("document.unknown", id));
    }

    @Override
    public ResponseEntity<Resource> getDocumentPdf(UUID id) {
        var doc = documents.find(id).orElseThrow(() -> Refusal.notFound("document.unknown", id));
        byte[] pdf = documents.pdf(id).orElseThrow();
        return pdf(new ByteArrayResource(pdf), doc.type().name().toLowerCase() + "-" + doc.number().replace('/', '_') + ".pdf");
    }

    @Override
    public ResponseEntity<String> getDocumentHtml(UUID id) {
        String html = documents.html(id).orElseThrow(() -> Refusal.notFound("document.unknown", id));
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(html);
    }

    @Override
    public ResponseEntity<Resource> getDocumentXml(UUID id) {
        EdoFile file = electronic.file(id);
        return ResponseEntity.ok().contentType(new MediaType("application", "xml", java.nio.charset.Charset.forName("windows-1251")))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(new ByteArrayResource(file.content()));
    }

    @Override
    public ResponseEntity<Resource> getMonthXmlZip(String month) {
        var m = DocumentViews.month("month", month);
        try {
            // built in a temp file, not in memory: a month has thousands of documents; the file goes when it is sent
            Path file = Files.createTempFile("edo-" + m, ".zip");
            try (OutputStream out = Files.newOutputStream(file)) {
                electronic.zip(m, out);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return ResponseEntity.ok().contentType(new MediaType("application", "zip")).contentLength(Files.size(file))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("edo-" + m + ".zip").build().toString())
                    .body(new InputStreamResource(Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ResponseEntity<DocumentPackage> issuePackage(IssuePackageRequest request) {
        UUID id = issue.issue(DocumentViews.required("account", request.getAccount()),
                DocumentViews.month("month", request.getMonth()), dateChoice(request.getDocumentDate()));
        return ResponseEntity.status(HttpStatus.CREATED).body(DocumentViews.pack(id, documents.inPackage(id)));
    }

    @Override
    public ResponseEntity<Regeneration> regeneratePackage(AccountMonth request) {
        var r = issue.regenerate(DocumentViews.required("account", request.getAccount()),
                DocumentViews.month("month", request.getMonth()));
        return ResponseEntity.ok(new Regeneration(r.account(), r.month().toString(), r.packageId(), r.identical(),
                r.documents().stream().map(d -> new RegenerationDocumentsInner(DocumentViews.view(d.issued()),
                        d.issued().sha256(), d.regeneratedSha256(), d.identical())).toList())
                .sourceUnchanged(r.sourceUnchanged()));
    }

    @Override
    public ResponseEntity<List<DocumentPackage>> issueCorrections(AccountMonth request) {
        List<UUID> ids = corrections.issue(DocumentViews.required("account", request.getAccount()),
                DocumentViews.month("month", request.getMonth()));
        return ResponseEntity.ok(ids.stream().map(id -> DocumentViews.pack(id, documents.inPackage(id))).toList());
    }

    @Override
    public ResponseEntity<DocumentPackage> issueOneTimeInvoice(OneTimeInvoiceRequest request) {
        List<OneTimeInvoicing.Item> items = new ArrayList<>();
        if (request.getItems() != null) {
            for (int i = 0; i < request.getItems().size(); i++) {
                var item = request.getItems().get(i);
                items.add(new OneTimeInvoicing.Item(item.getName(), item.getUnitCode(), item.getUnitName(),
                        decimal("items[" + i + "].quantity", item.getQuantity()), decimal("items[" + i + "].price", item.getPrice())));
            }
        }
        UUID id = oneTime.invoice(DocumentViews.required("account", request.getAccount()), items);
        return ResponseEntity.status(HttpStatus.CREATED).body(DocumentViews.pack(id, documents.inPackage(id)));
    }

    @Override
    public ResponseEntity<ru.ccbilling.api.model.Job> startDocumentRun(DocumentRunRequest request) {
        UUID id = run.start(DocumentViews.month("month", request.getMonth()), dateChoice(request.getDocumentDate()),
                SecurityContextHolder.getContext().getAuthentication().getName());
        var job = jobs.find(id).orElseThrow();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(JobView.of(job, json));
    }

    @Override
    public ResponseEntity<DocumentRunPreflight> getDocumentRunPreflight(String month, RunDocumentDate documentDate) {
        RunPreflight.Result r = preflight.check(DocumentViews.month("month", month), dateChoice(documentDate));
        Locale locale = LocaleContextHolder.getLocale();
        return ResponseEntity.ok(new DocumentRunPreflight().month(r.month().toString()).documentDate(r.documentDate())
                .accounts(r.accounts()).toIssue(r.toIssue()).alreadyIssued(r.alreadyIssued()).corrections(r.corrections())
                .canRun(r.canRun()).canRunOnRunDate(r.canRunOnRunDate())
                .problems(r.problems().stream().map(p -> new DocumentRunPreflightProblemsInner()
                        .code(DocumentRunPreflightProblemsInner.CodeEnum.fromValue(p.code().name())).blocking(p.blocking())
                        .effect(DocumentRunPreflightProblemsInner.EffectEnum.fromValue(p.effect().name()))
                        .seller(p.seller()).account(p.account()).field(p.field()).message(p.text().in(locale))).toList()));
    }

    @Override
    public ResponseEntity<List<NumberingPolicy>> listNumberingPolicies() {
        return ResponseEntity.ok(sellers.codes().stream().map(this::policyView).toList());
    }

    @Override
    public ResponseEntity<NumberingPolicy> putNumberingPolicy(String seller, NumberingPolicyChange change) {
        if (change == null || change.getPolicy() == null) {
            throw Refusal.invalid("policy", "value.required");
        }
        numberingPolicies.setPolicy(seller, InvoiceNumbering.Policy.valueOf(change.getPolicy().getValue()),
                LocalDate.now(clock));
        return ResponseEntity.ok(policyView(seller));
    }

    private NumberingPolicy policyView(String seller) {
        return new NumberingPolicy(seller, NumberingPolicy.PolicyEnum.fromValue(numberingPolicies.policy(seller).name()))
                .sellerName(this.sellers.find(seller).map(Statement.Seller::name).orElse(null));
    }

    private static RunPreflight.DocumentDate dateChoice(RunDocumentDate date) {
        return date == null ? RunPreflight.DocumentDate.MONTH_END : RunPreflight.DocumentDate.valueOf(date.getValue());
    }

    @Override
    public ResponseEntity<Resource> getDeliveryList(String month, DeliveryMethod method) {
        String csv = delivery.deliveryList(DocumentViews.month("month", month), Statement.DeliveryMethod.valueOf(method.getValue()));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("delivery-" + month + "-" + method.getValue().toLowerCase() + ".csv").build().toString())
                .body(new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public ResponseEntity<Resource> getEnvelopeLabels(String month, String size) {
        EnvelopeLabels.Size envelope;
        try {
            envelope = EnvelopeLabels.Size.valueOf(size == null ? "DL" : size);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("size", "document.envelopeSize");
        }
        byte[] pdf = delivery.labels(DocumentViews.month("month", month), envelope);
        return pdf(new ByteArrayResource(pdf), "labels-" + month + "-" + envelope + ".pdf");
    }

    @Override
    public ResponseEntity<Resource> getPrintPdf(String month) {
        try {
            Path file = Files.createTempFile("print-" + month, ".pdf");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                delivery.printPdf(DocumentViews.month("month", month), out);
            }
            return pdf(new FileSystemResource(file), "print-" + month + ".pdf");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ResponseEntity<List<NumberingTemplate>> listNumberingTemplates(String seller) {
        return ResponseEntity.ok(numbering.list(seller));
    }

    @Override
    public ResponseEntity<NumberingTemplate> putNumberingTemplate(NumberingTemplate template) {
        return ResponseEntity.ok(numbering.put(template));
    }

    private static ResponseEntity<Resource> pdf(Resource body, String filename) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid(field, "value.required");
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw Refusal.invalid(field, "document.decimalUnreadable", value);
        }
    }
}
