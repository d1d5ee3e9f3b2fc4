package ru.ccbilling.portal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import ru.ccbilling.document.DocumentType;
import ru.ccbilling.document.Documents;
import ru.ccbilling.document.IssuedDocument;

/**
 * The client's issued documents, through billing's {@link Documents}: a document is reached only when a query
 * joined with the signed-in user's scope finds it; the month's package is one ZIP of the stored PDFs.
 */
@Repository
public class PortalDocuments {

    /** the last invoice for payment, and whether the account's payments cover it and every invoice before it */
    public record LastInvoice(IssuedDocument invoice, boolean paid) { }

    private final Documents documents;
    private final JdbcTemplate jdbc;

    PortalDocuments(Documents documents, JdbcTemplate jdbc) {
        this.documents = documents;
        this.jdbc = jdbc;
    }

    /** documents of an account of the client ({@code account} already resolved through the scope) */
    public List<IssuedDocument> list(String username, String account, YearMonth month) {
        return documents.list(month, account, null, 1000).stream()
                .filter(d -> scoped(username, d.id())).toList();
    }

    /** the document, if it belongs to one of the signed-in client's accounts */
    public Optional<IssuedDocument> find(String username, UUID id) {
        return scoped(username, id) ? documents.find(id) : Optional.empty();
    }

    public Optional<byte[]> pdf(String username, UUID id) {
        return scoped(username, id) ? documents.pdf(id) : Optional.empty();
    }

    /** every document of the account's month as PDFs in one ZIP; false when there is none */
    public boolean zip(String username, String account, YearMonth month, OutputStream out) {
        List<IssuedDocument> issued = list(username, account, month);
        if (issued.isEmpty()) {
            return false;
        }
        Set<String> names = new HashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (IssuedDocument d : issued) {
                String name = fileName(d);
                for (int i = 2; !names.add(name); i++) {
                    name = fileName(d).replace(".pdf", "-" + i + ".pdf");
                }
                zip.putNextEntry(new ZipEntry(name));
                zip.write(documents.pdf(d.id()).orElseThrow());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    public static String fileName(IssuedDocument d) {
        return d.type().name().toLowerCase() + "-" + d.number().replaceAll("[^0-9A-Za-zА-Яа-я_-]", "_") + ".pdf";
    }

    public Optional<LastInvoice> lastInvoice(String username, String account) {
        Optional<IssuedDocument> last = documents.list(null, account, DocumentType.INVOICE, 1000).stream()
                .filter(d -> d.kind() != IssuedDocument.PackageKind.CORRECTION)
                .max(java.util.Comparator.comparing(IssuedDocument::date).thenComparing(IssuedDocument::createdAt))
                .filter(d -> scoped(username, d.id()));
        return last.map(invoice -> {
            BigDecimal invoiced = jdbc.queryForObject("""
                    select coalesce(sum(d.gross), 0) from document d join document_package p on p.id = d.package_id
                     where p.account = ? and d.type = 'INVOICE' and p.kind <> 'CORRECTION' and d.document_date <= ?
                    """, BigDecimal.class, account, invoice.date());
            BigDecimal paid = jdbc.queryForObject("""
                    select coalesce(-sum(amount), 0) from ledger_entry where account_code = ? and kind = 'PAYMENT'
                    """, BigDecimal.class, account);
            return new LastInvoice(invoice, paid.compareTo(invoiced) >= 0);
        });
    }

    private boolean scoped(String username, UUID id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from document d join document_package p on p.id = d.package_id
                                where d.id = ? and p.account in (""" + PortalScope.ACCOUNTS + "))",
                Boolean.class, id, username));
    }
}
