package ru.ccbilling.document;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import ru.ccbilling.document.IssuedDocument.PackageKind;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Text;
import ru.ccbilling.vat.VatRates;

/**
 * Issues the package of an account for a closed month: the invoice for payment, then the act and the VAT invoice
 * or one UPD. Numbers are taken, documents rendered and stored in one transaction: a failure stores nothing and
 * consumes no number. A batch (the mass run) takes a block of numbers per type and renders in parallel.
 */
@Service
public class PackageIssue {

    private final ObjectProvider<StatementSource> sources;
    private final InvoiceNumbering numbering;
    private final VatRates vat;
    private final DocumentRendering rendering;
    private final DocumentStore store;
    private final Clock clock;
    private final TransactionTemplate tx;

    PackageIssue(ObjectProvider<StatementSource> sources, InvoiceNumbering numbering, VatRates vat,
                 DocumentRendering rendering, DocumentStore store, Clock clock, TransactionTemplate tx) {
        this.tx = tx;
        this.sources = sources;
        this.numbering = numbering;
        this.vat = vat;
        this.rendering = rendering;
        this.store = store;
        this.clock = clock;
    }

    /** the billing module's statements, or 503 while none is installed */
    StatementSource source() {
        StatementSource source = sources.getIfAvailable();
        if (source == null) {
            throw Refusal.of(Refusal.Kind.UNAVAILABLE, Text.of("document.noStatementSource"), List.of());
        }
        return source;
    }

    /** the VAT rate of a shipment date */
    BigDecimal rateOn(LocalDate shipment) {
        return vat.rateOn(shipment);
    }

    /** the monthly package of one account dated the month's last day; issued once, answered as stored afterwards */
    public UUID issue(String account, YearMonth month) {
        return issue(account, month, RunPreflight.DocumentDate.MONTH_END);
    }

    /**
     * The monthly package of one account, its documents dated as {@code date} says (RUN_DATE: the day of issue,
     * Moscow; the services and the VAT rate stay the month's), through the mass run's path; issued once, answered as
     * stored afterwards whatever the choice.
     */
    public UUID issue(String account, YearMonth month, RunPreflight.DocumentDate date) {
        StatementSource source = source();
        if (!source.isClosed(account, month)) {
            throw Refusal.conflict("document.monthNotClosed", month, account).at("month");
        }
        return store.monthlyPackage(account, month).orElseGet(() -> {
            Statement statement = source.statement(account, month).orElseThrow(() ->
                    Refusal.notFound("document.noStatement", account, month).at("account"));
            StatementCheck.require(statement);
            try {
                // as the run does: null keeps the shipment date, RUN_DATE is today (Moscow)
                LocalDate documentDate = date == RunPreflight.DocumentDate.RUN_DATE ? date.of(month, clock) : null;
                return issueAll(List.of(statement), PackageKind.MONTHLY, documentDate).get(0);
            } catch (DuplicateKeyException e) {
                // issued meanwhile by a parallel request or the run: that one stands, this one rolled back
                return store.monthlyPackage(account, month).orElseThrow(() -> e);
            }
        });
    }

    /**
     * Issues packages for statements already checked ({@link StatementCheck}), in one transaction; answers their ids
     * in account order. All statements of a batch share their shipment date.
     */
    public List<UUID> issueAll(List<Statement> statements, PackageKind kind) {
        return issueAll(statements, kind, null);
    }

    /**
     * The same, the documents dated {@code documentDate} instead of the shipment date (the mass run's way out when a
     * sequence already holds a later number: the services stay the month's, VAT at the shipment date's rate).
     */
    public List<UUID> issueAll(List<Statement> statements, PackageKind kind, LocalDate documentDate) {
        return tx.execute(status -> issueInTransaction(statements, kind, documentDate));
    }

    private List<UUID> issueInTransaction(List<Statement> statements, PackageKind kind, LocalDate documentDate) {
        List<Statement> sorted = new ArrayList<>(statements);
        sorted.sort(Comparator.comparing(Statement::account));
        Map<String, List<Statement>> bySeller = new LinkedHashMap<>();
        for (Statement s : sorted) {
            bySeller.computeIfAbsent(s.seller().code(), k -> new ArrayList<>()).add(s);
        }
        List<DocumentStore.NewPackage> packages = new ArrayList<>();
        for (Map.Entry<String, List<Statement>> group : bySeller.entrySet()) {
            packages.addAll(packagesOf(group.getKey(), group.getValue(), kind, documentDate));
        }
        store.insert(packages, OffsetDateTime.now(clock));
        return packages.stream().map(DocumentStore.NewPackage::id).toList();
    }

    private List<DocumentStore.NewPackage> packagesOf(String seller, List<Statement> statements, PackageKind kind,
                                                      LocalDate documentDate) {
        Map<DocumentType, Integer> counts = new EnumMap<>(DocumentType.class);
        for (Statement s : statements) {
            for (DocumentType type : typesOf(s)) {
                counts.merge(type, 1, Integer::sum);
            }
        }
        LocalDate shipment = statements.get(0).shipmentDate();
        LocalDate date = documentDate == null ? shipment : documentDate;
        Map<DocumentType, Iterator<String>> numbers = new EnumMap<>(DocumentType.class);
        for (DocumentType type : List.of(DocumentType.INVOICE, DocumentType.ACT, DocumentType.VAT_INVOICE, DocumentType.UPD)) {
            numbers.put(type, numbering.take(seller, type, date, counts.getOrDefault(type, 0)).iterator());
        }
        List<DocumentContent> contents = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (Statement s : statements) {
            if (!s.shipmentDate().equals(shipment)) {
                throw new IllegalArgumentException("a batch shares one shipment date: " + s.account() + " has " + s.shipmentDate());
            }
            List<DocumentContent> own = contentsOf(s, date, vat.rateOn(shipment), numbers);
            contents.addAll(own);
            sizes.add(own.size());
        }
        List<DocumentRendering.Rendered> rendered = rendering.renderAll(contents);
        List<DocumentStore.NewPackage> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < statements.size(); i++) {
            out.add(new DocumentStore.NewPackage(UUID.randomUUID(), kind, statements.get(i), null,
                    rendered.subList(at, at + sizes.get(i))));
            at += sizes.get(i);
        }
        return out;
    }

    static List<DocumentType> typesOf(Statement s) {
        return s.client().documents() == Statement.DocumentKind.UPD
                ? List.of(DocumentType.INVOICE, DocumentType.UPD)
                : List.of(DocumentType.INVOICE, DocumentType.ACT, DocumentType.VAT_INVOICE);
    }

    private static List<DocumentContent> contentsOf(Statement s, LocalDate date, BigDecimal rate,
                                                    Map<DocumentType, Iterator<String>> numbers) {
        List<DocumentContent> out = new ArrayList<>();
        out.add(new DocumentContent(DocumentType.INVOICE, numbers.get(DocumentType.INVOICE).next(), date, rate, s, null, null));
        if (s.client().documents() == Statement.DocumentKind.UPD) {
            String upd = numbers.get(DocumentType.UPD).next();
            // the UPD is its own shipment document (row 5а)
            out.add(new DocumentContent(DocumentType.UPD, upd, date, rate, s, new DocumentContent.Reference(upd, date), null));
        } else {
            String act = numbers.get(DocumentType.ACT).next();
            out.add(new DocumentContent(DocumentType.ACT, act, date, rate, s, null, null));
            out.add(new DocumentContent(DocumentType.VAT_INVOICE, numbers.get(DocumentType.VAT_INVOICE).next(), date, rate, s,
                    new DocumentContent.Reference(act, date), null));
        }
        return out;
    }

    /**
     * renders the stored monthly package of the account and month, and its correction VAT invoices, again from their
     * stored input and compares each document's checksum
     */
    public Regeneration regenerate(String account, YearMonth month) {
        UUID id = store.monthlyPackage(account, month).orElseThrow(() ->
                Refusal.notFound("document.notIssuedForAccount", account, month).at("account"));
        DocumentStore.StoredPackage stored = store.load(id);
        List<DocumentStore.StoredDocument> all = new ArrayList<>(stored.documents());
        for (UUID correction : store.correctionPackages(account, month)) {
            all.addAll(store.load(correction).documents());
        }
        List<DocumentRendering.Rendered> again = rendering.renderAll(all.stream().map(DocumentStore.StoredDocument::content).toList());
        List<Regeneration.Document> docs = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String sha = again.get(i).sha256();
            docs.add(new Regeneration.Document(all.get(i).issued(), sha, sha.equals(all.get(i).issued().sha256())));
        }
        StatementSource source = sources.getIfAvailable();
        Boolean sourceUnchanged = source == null ? null
                : source.statement(account, month).map(now -> DocumentJson.same(now, stored.statement())).orElse(null);
        return new Regeneration(account, month, id, docs, sourceUnchanged);
    }

    /**
     * A regenerated package: each document with the checksum stored at issue and the one computed now.
     *
     * @param sourceUnchanged whether billing's statement today equals the one the documents were issued from
     *                        (false means the month changed after close: issue a correction, never new documents)
     */
    public record Regeneration(String account, YearMonth month, UUID packageId, List<Document> documents,
                               Boolean sourceUnchanged) {
        public record Document(IssuedDocument issued, String regeneratedSha256, boolean identical) { }

        public boolean identical() {
            return documents.stream().allMatch(Document::identical);
        }
    }
}
