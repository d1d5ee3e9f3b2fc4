package ru.ccbilling.document;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import ru.ccbilling.document.form.Forms;
import ru.ccbilling.export.Table;

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

    /** which documents a list shows: a month, an account, a type, text found in the number, account or client */
    public record Filter(YearMonth month, String account, DocumentType type, String q) { }

    public record Page(List<IssuedDocument> items, long total) { }

    /** one page in the order asked ({@code sort}: month, date, number, account, client, type, gross; ",desc") */
    public Page search(Filter filter, String sort, int page, int size) {
        return store.search(filter, sort, page, size);
    }

    /** the documents under the filter as a table with Russian column titles, up to {@link Table#MAX_ROWS} */
    public void export(Filter filter, String sort, Table table) {
        table.row("Месяц", "Документ", "Номер", "Дата", "Лицевой счёт", "Клиент", "Продавец", "Без НДС, руб.",
                "Ставка НДС", "НДС, руб.", "С НДС, руб.", "Доставка");
        store.each(filter, sort, Table.MAX_ROWS, d -> table.row(d.month(), typeName(d.type()),
                d.number(), d.date(), d.account(), d.clientName(), d.seller(), d.net().amount(),
                d.vatRate().multiply(java.math.BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%",
                d.vat().amount(), d.gross().amount(), deliveryName(d.delivery())));
    }

    private static String typeName(DocumentType type) {
        return switch (type) {
            case INVOICE -> "Счёт на оплату";
            case ACT -> "Акт";
            case VAT_INVOICE -> "Счёт-фактура";
            case CORRECTION_VAT_INVOICE -> "Корректировочный счёт-фактура";
            case UPD -> "УПД";
        };
    }

    private static String deliveryName(Statement.DeliveryMethod method) {
        return switch (method) {
            case PORTAL -> "в личном кабинете";
            case EMAIL -> "по электронной почте";
            case POST -> "почтой";
            case COURIER -> "курьером";
        };
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
