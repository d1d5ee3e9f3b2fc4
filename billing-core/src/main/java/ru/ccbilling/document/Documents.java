package ru.ccbilling.document;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import ru.ccbilling.document.form.Forms;

/** The issued documents: listed, read, downloaded as the stored PDF, previewed as the same XHTML re-rendered. */
@Service
public class Documents {

    private final DocumentStore store;

    Documents(DocumentStore store) {
        this.store = store;
    }

    public List<IssuedDocument> list(YearMonth month, String account, DocumentType type, int limit) {
        return store.list(month, account, type, limit);
    }

    /** what was issued from billing's figures of these accounts' month: monthly documents and their corrections */
    public List<IssuedDocument> issuedFor(YearMonth month, List<String> accounts) {
        return accounts.isEmpty() ? List.of() : store.issuedFor(month, accounts);
    }

    public Optional<IssuedDocument> find(UUID id) {
        return store.find(id);
    }

    public Optional<byte[]> pdf(UUID id) {
        return store.pdf(id);
    }

    /** the XHTML the stored PDF was rendered from, built again from the stored input */
    public Optional<String> html(UUID id) {
        return store.find(id).map(doc -> store.load(doc.packageId()).documents().stream()
                .filter(d -> d.issued().id().equals(id)).findFirst().orElseThrow())
                .map(d -> Forms.html(d.content()));
    }

    /** what a document shows, as issued: the one model its printed and its electronic forms are rendered from */
    public Optional<DocumentContent> content(UUID id) {
        return store.find(id).map(doc -> store.load(doc.packageId()).documents().stream()
                .filter(d -> d.issued().id().equals(id)).findFirst().orElseThrow().content());
    }

    /** the documents of a package, in print order */
    public List<IssuedDocument> inPackage(UUID packageId) {
        return store.load(packageId).documents().stream().map(DocumentStore.StoredDocument::issued).toList();
    }
}
