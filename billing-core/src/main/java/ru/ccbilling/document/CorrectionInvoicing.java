package ru.ccbilling.document;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.ccbilling.document.IssuedDocument.PackageKind;
import ru.ccbilling.refusal.Refusal;

/**
 * Correction VAT invoices (КСФ) for the corrections billing reports on a closed month: each correction id once,
 * numbered in the VAT invoice sequence, at the rate of the VAT invoice (or UPD) it corrects.
 */
@Service
public class CorrectionInvoicing {

    private final PackageIssue issue;
    private final DocumentStore store;
    private final InvoiceNumbering numbering;
    private final DocumentRendering rendering;
    private final Clock clock;

    CorrectionInvoicing(PackageIssue issue, DocumentStore store, InvoiceNumbering numbering, DocumentRendering rendering,
                        Clock clock) {
        this.issue = issue;
        this.store = store;
        this.numbering = numbering;
        this.rendering = rendering;
        this.clock = clock;
    }

    /** issues the corrections of the account's month not issued yet; answers the new packages */
    @Transactional
    public List<UUID> issue(String account, YearMonth month) {
        List<Correction> corrections = issue.source().corrections(account, month);
        if (corrections.isEmpty()) {
            return List.of();
        }
        Set<String> done = store.issuedCorrections(account);
        List<UUID> out = new ArrayList<>();
        List<Statement.Line> previous = null;
        for (Correction listed : corrections) {
            Correction c = listed;
            List<Statement.Line> before = previous;
            previous = listed.statementAfter();
            if (done.contains(c.id())) {
                continue;
            }
            UUID original = store.monthlyPackage(account, month).orElseThrow(() -> Refusal.unprocessable(
                    "document.correctionWithoutInvoice", listed.id(), account, month).at("month"));
            DocumentStore.StoredPackage stored = store.load(original);
            DocumentStore.StoredDocument invoice = stored.documents().stream()
                    .filter(d -> d.issued().type() == DocumentType.VAT_INVOICE || d.issued().type() == DocumentType.UPD)
                    .findFirst().orElseThrow();
            BigDecimal rate = invoice.issued().vatRate();
            DocumentContent.Reference basis = c.originalNumber() == null
                    ? new DocumentContent.Reference(invoice.issued().number(), invoice.issued().date())
                    : new DocumentContent.Reference(c.originalNumber(), c.originalDate());
            if (c.statementAfter() != null) {
                // rows А repeat what was printed: the VAT invoice, or the state after the previous correction
                List<Correction.Line> rows = CorrectionLines.of(before != null ? before : stored.statement().lines(),
                        c.statementAfter(), rate);
                if (rows.isEmpty()) {
                    continue;
                }
                c = c.withLines(rows);
            }
            String seller = stored.statement().seller().code();
            String number = numbering.take(seller, DocumentType.CORRECTION_VAT_INVOICE, c.date());
            DocumentContent content = new DocumentContent(DocumentType.CORRECTION_VAT_INVOICE, number, c.date(), rate,
                    stored.statement(), basis, c);
            UUID id = UUID.randomUUID();
            store.insert(List.of(new DocumentStore.NewPackage(id, PackageKind.CORRECTION, stored.statement(), c,
                    List.of(rendering.render(content)))), OffsetDateTime.now(clock));
            out.add(id);
        }
        return out;
    }
}
