package ru.ccbilling.document;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import ru.ccbilling.document.Statement.DeliveryMethod;
import ru.ccbilling.document.form.EnvelopeLabels;
import ru.ccbilling.refusal.Refusal;

/**
 * Getting a month's packages to the clients: delivery lists per method, envelope labels for paper delivery,
 * and one print PDF. Everything in mass-printing order: delivery method (portal, e-mail, post, courier),
 * then postal code, then client name.
 */
@Service
public class Delivery {

    /** one package on its way: to whom, where, and its documents in print order */
    public record Entry(UUID packageId, String account, String clientName, String inn, DeliveryMethod method,
                        String postalCode, String postalAddress, String email, List<IssuedDocument> documents) { }

    private static final String ORDERED = """
            select p.id, p.account, p.client_name, p.delivery, p.postal_code, p.statement->'client'->>'inn' as inn,
                   p.statement->'client'->'postalAddress'->>'address' as address, p.statement->'client'->>'email' as email
            from document_package p where p.month = ? and (?::text is null or p.delivery = ?)
            order by array_position(array['PORTAL', 'EMAIL', 'POST', 'COURIER'], p.delivery), p.postal_code nulls last,
                     p.client_name, p.account, p.kind desc, p.created_at
            """;

    private final JdbcTemplate jdbc;
    private final Documents documents;
    private final DocumentRendering rendering;
    private final DocumentStore store;

    Delivery(JdbcTemplate jdbc, Documents documents, DocumentRendering rendering, DocumentStore store) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.rendering = rendering;
        this.store = store;
    }

    /** the month's packages in print order, of one delivery method or all (null) */
    public List<Entry> inPrintOrder(YearMonth month, DeliveryMethod method) {
        String m = method == null ? null : method.name();
        List<Entry> heads = jdbc.query(ORDERED, (rs, i) -> new Entry(rs.getObject("id", UUID.class), rs.getString("account"),
                rs.getString("client_name"), rs.getString("inn"), DeliveryMethod.valueOf(rs.getString("delivery")),
                rs.getString("postal_code"), rs.getString("address"), rs.getString("email"), List.of()),
                month.toString(), m, m);
        List<Entry> out = new ArrayList<>(heads.size());
        for (Entry e : heads) {
            out.add(new Entry(e.packageId(), e.account(), e.clientName(), e.inn(), e.method(), e.postalCode(),
                    e.postalAddress(), e.email(), documents.inPackage(e.packageId())));
        }
        return out;
    }

    /** the delivery list of a method as CSV for Excel: UTF-8 with BOM, ";" separated */
    public String deliveryList(YearMonth month, DeliveryMethod method) {
        StringWriter out = new StringWriter();
        out.write('\ufeff');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
            csv.printRecord("№", "Лицевой счёт", "Клиент", "ИНН", "Способ доставки", "Индекс", "Почтовый адрес", "E-mail",
                    "Документы", "Сумма с НДС, руб.");
            int no = 0;
            for (Entry e : inPrintOrder(month, method)) {
                IssuedDocument first = e.documents().get(0);
                csv.printRecord(++no, e.account(), e.clientName(), e.inn(), e.method(), e.postalCode(), e.postalAddress(),
                        e.email(), String.join(", ", e.documents().stream().map(d -> title(d.type()) + " № " + d.number()).toList()),
                        first.gross().amount().toPlainString().replace('.', ','));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** envelope labels for the paper deliveries (post and courier), one envelope per page */
    public byte[] labels(YearMonth month, EnvelopeLabels.Size size) {
        List<EnvelopeLabels.Envelope> envelopes = new ArrayList<>();
        Statement.Seller seller = null;
        for (Entry e : inPrintOrder(month, null)) {
            if (e.method() == DeliveryMethod.POST || e.method() == DeliveryMethod.COURIER) {
                if (seller == null) {
                    seller = store.load(e.packageId()).statement().seller();
                }
                envelopes.add(new EnvelopeLabels.Envelope(e.clientName(), e.postalCode(), e.postalAddress(), e.method()));
            }
        }
        if (envelopes.isEmpty()) {
            throw Refusal.notFound("document.nothingByPost", month).at("month");
        }
        return rendering.pdf(EnvelopeLabels.html(seller, envelopes, size), month.atEndOfMonth());
    }

    /** every document of the month in print order as one PDF, merged through a temporary file */
    public void printPdf(YearMonth month, OutputStream out) {
        List<Entry> entries = inPrintOrder(month, null);
        if (entries.isEmpty()) {
            throw Refusal.notFound("document.noneIssued", month).at("month");
        }
        PDFMergerUtility merger = new PDFMergerUtility();
        for (Entry e : entries) {
            for (IssuedDocument d : e.documents()) {
                merger.addSource(new RandomAccessReadBuffer(documents.pdf(d.id()).orElseThrow()));
            }
        }
        merger.setDestinationStream(out);
        try {
            merger.mergeDocuments(IOUtils.createTempFileOnlyStreamCache());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String title(DocumentType type) {
        return switch (type) {
            case INVOICE -> "Счёт";
            case ACT -> "Акт";
            case VAT_INVOICE -> "Счёт-фактура";
            case UPD -> "УПД";
            case CORRECTION_VAT_INVOICE -> "КСФ";
        };
    }
}
