package ru.ccbilling.document.edo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Service;

import ru.ccbilling.document.DocumentType;
import ru.ccbilling.document.Documents;
import ru.ccbilling.document.IssuedDocument;
import ru.ccbilling.refusal.Catalogue;
import ru.ccbilling.refusal.Refusal;

/** The issued VAT invoices and UPDs as files of the ФНС format: one at a time, or a month's as a ZIP. */
@Service
public class ElectronicDocuments {

    /** the ZIP's list of the documents that have no file in it, and why */
    public static final String SKIPPED = "не_сформированы.txt";

    private final Documents documents;

    ElectronicDocuments(Documents documents) {
        this.documents = documents;
    }

    /** the file of an issued VAT invoice or UPD; 404 for an unknown document or a type without an electronic form */
    public EdoFile file(UUID id) {
        IssuedDocument doc = documents.find(id).orElseThrow(() -> Refusal.notFound("document.unknown", id));
        return file(doc);
    }

    private EdoFile file(IssuedDocument doc) {
        if (!UpdXml.covers(doc.type())) {
            throw Refusal.notFound("document.edo.noXml", doc.type(), doc.number());
        }
        return UpdXml.render(doc.id(), doc.createdAt(), documents.content(doc.id()).orElseThrow());
    }

    /** what {@link #zip} wrote */
    public record Zipped(int files, List<String> skipped) { }

    /**
     * Writes every VAT invoice and UPD issued for {@code month} into a ZIP, one document at a time; a document the
     * format cannot take is listed with the reason in {@link #SKIPPED} instead. 404 when none was issued.
     */
    public Zipped zip(YearMonth month, OutputStream out) throws IOException {
        List<IssuedDocument> docs = new ArrayList<>();
        for (DocumentType type : List.of(DocumentType.VAT_INVOICE, DocumentType.UPD)) {
            docs.addAll(documents.list(month, null, type, Integer.MAX_VALUE));
        }
        if (docs.isEmpty()) {
            throw Refusal.notFound("document.noneIssued", month);
        }
        docs.sort(Comparator.comparing(IssuedDocument::account).thenComparing(IssuedDocument::date)
                .thenComparing(IssuedDocument::number));
        List<String> skipped = new ArrayList<>();
        int files = 0;
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (IssuedDocument doc : docs) {
            EdoFile file;
            try {
                file = file(doc);
            } catch (Refusal r) {
                skipped.add(doc.account() + "; " + doc.number() + " от " + doc.date() + ": " + r.detail(Catalogue.RUSSIAN));
                continue;
            }
            zip.putNextEntry(new ZipEntry(file.fileName()));
            zip.write(file.content());
            zip.closeEntry();
            files++;
        }
        if (!skipped.isEmpty()) {
            zip.putNextEntry(new ZipEntry(SKIPPED));
            zip.write(String.join("\r\n", skipped).concat("\r\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        zip.finish();
        return new Zipped(files, List.copyOf(skipped));
    }
}
