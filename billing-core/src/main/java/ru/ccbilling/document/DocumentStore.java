package ru.ccbilling.document;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import ru.ccbilling.document.IssuedDocument.PackageKind;
import ru.ccbilling.money.Money;
import ru.ccbilling.refusal.Refusal;

/** The tables document_package and document: batched inserts, and the reads the API and the delivery need. */
@Repository
class DocumentStore {

    /** a package ready to insert with its rendered documents */
    record NewPackage(UUID id, PackageKind kind, Statement statement, Correction correction,
                      List<DocumentRendering.Rendered> documents) { }

    /** a stored package: its input and its documents' content as issued */
    record StoredPackage(UUID id, PackageKind kind, Statement statement, Correction correction, List<StoredDocument> documents) { }

    record StoredDocument(IssuedDocument issued, DocumentContent content) { }

    private static final String SELECT = """
            select d.id, d.package_id, p.kind, d.type, d.seller, d.number, d.document_date, p.account, p.month,
                   p.client_name, p.delivery, d.vat_rate, d.net, d.vat, d.gross, d.sha256, d.created_at,
                   d.basis_number, d.basis_date
            from document d join document_package p on p.id = d.package_id
            """;

    private final JdbcTemplate jdbc;

    DocumentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(List<NewPackage> packages, OffsetDateTime now) {
        List<Object[]> packageRows = new ArrayList<>();
        List<Object[]> documentRows = new ArrayList<>();
        for (NewPackage p : packages) {
            Statement s = p.statement();
            packageRows.add(new Object[] {p.id(), p.kind().name(), s.seller().code(), s.account(), s.month().toString(),
                    s.client().name(), s.client().delivery().name(),
                    s.client().postalAddress() == null ? null : s.client().postalAddress().postalCode(),
                    DocumentJson.write(s), p.correction() == null ? null : DocumentJson.write(p.correction()),
                    p.correction() == null ? null : p.correction().id(), now});
            for (DocumentRendering.Rendered r : p.documents()) {
                DocumentContent c = r.content();
                Money[] amounts = amounts(c);
                documentRows.add(new Object[] {UUID.randomUUID(), p.id(), c.type().name(), s.seller().code(), c.number(),
                        c.date(), c.rate(), amounts[0].amount(), amounts[1].amount(), amounts[2].amount(),
                        c.basis() == null ? null : c.basis().number(), c.basis() == null ? null : c.basis().date(),
                        r.pdf(), r.sha256(), now});
            }
        }
        jdbc.batchUpdate("""
                insert into document_package (id, kind, seller, account, month, client_name, delivery, postal_code,
                    statement, correction, correction_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)
                """, packageRows);
        jdbc.batchUpdate("""
                insert into document (id, package_id, type, seller, number, document_date, vat_rate, net, vat, gross,
                    basis_number, basis_date, pdf, sha256, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, documentRows);
    }

    /** net, VAT, gross of a document: the statement's lines, or a correction's change */
    static Money[] amounts(DocumentContent c) {
        if (c.correction() != null) {
            Money net = Money.ZERO;
            Money vat = Money.ZERO;
            for (Correction.Line l : c.correction().lines()) {
                net = net.plus(l.netAfter().minus(l.netBefore()));
                Money vatAfter = l.vatAfter() != null ? l.vatAfter() : ru.ccbilling.vat.VatRates.vatOf(l.netAfter(), c.rate());
                Money vatBefore = l.vatBefore() != null ? l.vatBefore() : ru.ccbilling.vat.VatRates.vatOf(l.netBefore(), c.rate());
                vat = vat.plus(vatAfter.minus(vatBefore));
            }
            return new Money[] {net, vat, net.plus(vat)};
        }
        TaxedLines t = c.taxed();
        return new Money[] {t.net(), t.vat(), t.gross()};
    }

    Set<String> monthlyAccounts(YearMonth month) {
        return new HashSet<>(jdbc.queryForList("select account from document_package where kind = 'MONTHLY' and month = ?",
                String.class, month.toString()));
    }

    Optional<UUID> monthlyPackage(String account, YearMonth month) {
        return jdbc.queryForList("select id from document_package where kind = 'MONTHLY' and account = ? and month = ?",
                UUID.class, account, month.toString()).stream().findFirst();
    }

    /** the correction packages of an account's month, oldest first */
    List<UUID> correctionPackages(String account, YearMonth month) {
        return jdbc.queryForList("select id from document_package where kind = 'CORRECTION' and account = ? and month = ? "
                + "order by created_at", UUID.class, account, month.toString());
    }

    Set<String> issuedCorrections(String account) {
        return new HashSet<>(jdbc.queryForList("select correction_id from document_package where account = ? and correction_id is not null",
                String.class, account));
    }

    /** the latest statement stored for an account (client details for one-time invoices) */
    Optional<Statement> latestStatement(String account) {
        return jdbc.queryForList("select statement::text from document_package where account = ? order by month desc, created_at desc limit 1",
                String.class, account).stream().findFirst().map(j -> DocumentJson.read(j, Statement.class));
    }

    StoredPackage load(UUID packageId) {
        return jdbc.query("select kind, statement::text, correction::text from document_package where id = ?", rs -> {
            if (!rs.next()) {
                throw Refusal.notFound("document.unknownPackage", packageId);
            }
            PackageKind kind = PackageKind.valueOf(rs.getString(1));
            Statement statement = DocumentJson.read(rs.getString(2), Statement.class);
            Correction correction = rs.getString(3) == null ? null : DocumentJson.read(rs.getString(3), Correction.class);
            List<StoredDocument> docs = jdbc.query(SELECT + " where d.package_id = ? order by d.created_at, d.type",
                    (r, i) -> {
                        IssuedDocument issued = row(r, i);
                        DocumentContent.Reference basis = r.getString("basis_number") == null ? null
                                : new DocumentContent.Reference(r.getString("basis_number"), r.getObject("basis_date", LocalDate.class));
                        return new StoredDocument(issued, new DocumentContent(issued.type(), issued.number(), issued.date(),
                                issued.vatRate(), statement, basis, correction));
                    }, packageId);
            return new StoredPackage(packageId, kind, statement, correction, order(docs));
        }, packageId);
    }

    private static List<StoredDocument> order(List<StoredDocument> docs) {
        List<StoredDocument> out = new ArrayList<>(docs);
        out.sort(java.util.Comparator.comparingInt(d -> List.of(DocumentType.INVOICE, DocumentType.ACT, DocumentType.VAT_INVOICE,
                DocumentType.UPD, DocumentType.CORRECTION_VAT_INVOICE).indexOf(d.issued().type())));
        return out;
    }

    Optional<IssuedDocument> find(UUID id) {
        return jdbc.query(SELECT + " where d.id = ?", DocumentStore::row, id).stream().findFirst();
    }

    Optional<byte[]> pdf(UUID id) {
        return jdbc.queryForList("select pdf from document where id = ?", byte[].class, id).stream().findFirst();
    }

    List<IssuedDocument> list(YearMonth month, String account, DocumentType type, int limit) {
        return search(new Documents.Filter(month, account, type, null), null, 0, limit).items();
    }

    /** what a documents list may be sorted by, and the column behind each name */
    private static final java.util.Map<String, String> SORTS = new java.util.LinkedHashMap<>();

    static {
        SORTS.put("month", "p.month");
        SORTS.put("date", "d.document_date");
        SORTS.put("number", "d.number");
        SORTS.put("account", "p.account");
        SORTS.put("client", "lower(p.client_name)");
        SORTS.put("type", "d.type");
        SORTS.put("gross", "d.gross");
    }

    private static final String DEFAULT_ORDER = "p.month desc, p.account, d.document_date, d.type";

    /** one page of documents under the filter in the order asked, and how many the filter finds in all */
    Documents.Page search(Documents.Filter filter, String sort, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        String order = ru.ccbilling.export.ListOrder.sql(sort, SORTS, DEFAULT_ORDER, "d.id");
        Long total = jdbc.queryForObject("select count(*) from document d join document_package p on p.id = d.package_id"
                + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        return new Documents.Page(jdbc.query(SELECT + where + " order by " + order + " limit ? offset ?",
                DocumentStore::row, args.toArray()), total == null ? 0 : total);
    }

    /** every document under the filter, up to {@code max}, one at a time in the order asked */
    void each(Documents.Filter filter, String sort, int max, java.util.function.Consumer<IssuedDocument> each) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        String order = ru.ccbilling.export.ListOrder.sql(sort, SORTS, DEFAULT_ORDER, "d.id");
        args.add(max);
        jdbc.query(SELECT + where + " order by " + order + " limit ?", rs -> {
            each.accept(row(rs, 0));
        }, args.toArray());
    }

    private static String where(Documents.Filter filter, List<Object> args) {
        StringBuilder where = new StringBuilder(" where true");
        if (filter.month() != null) {
            where.append(" and p.month = ?");
            args.add(filter.month().toString());
        }
        if (filter.account() != null && !filter.account().isBlank()) {
            where.append(" and p.account = ?");
            args.add(filter.account());
        }
        if (filter.type() != null) {
            where.append(" and d.type = ?");
            args.add(filter.type().name());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String like = ru.ccbilling.export.ListOrder.contains(filter.q().trim());
            where.append(" and (d.number ilike ? or p.account ilike ? or p.client_name ilike ?)");
            args.add(like);
            args.add(like);
            args.add(like);
        }
        return where.toString();
    }

    /** the monthly and correction documents of these accounts' month (one-time invoices are not made from it) */
    List<IssuedDocument> issuedFor(YearMonth month, List<String> accounts) {
        return jdbc.query(c -> {
            var ps = c.prepareStatement(SELECT + " where p.month = ? and p.account = any(?) and p.kind <> 'ONE_TIME'"
                    + " order by p.account, d.document_date, d.type");
            ps.setString(1, month.toString());
            ps.setArray(2, c.createArrayOf("text", accounts.toArray()));
            return ps;
        }, DocumentStore::row);
    }

    private static IssuedDocument row(ResultSet rs, int i) throws SQLException {
        return new IssuedDocument(rs.getObject("id", UUID.class), rs.getObject("package_id", UUID.class),
                PackageKind.valueOf(rs.getString("kind")), DocumentType.valueOf(rs.getString("type")), rs.getString("seller"),
                rs.getString("number"), rs.getObject("document_date", LocalDate.class), rs.getString("account"),
                YearMonth.parse(rs.getString("month")), rs.getString("client_name"),
                Statement.DeliveryMethod.valueOf(rs.getString("delivery")), rs.getBigDecimal("vat_rate").stripTrailingZeros(),
                Money.of(rs.getBigDecimal("net")), Money.of(rs.getBigDecimal("vat")), Money.of(rs.getBigDecimal("gross")),
                rs.getString("sha256"), rs.getObject("created_at", OffsetDateTime.class));
    }

    /** rate as stored: numeric(6,4) gives 0.2200; contents use the stripped value so forms print "22%" either way */
    static BigDecimal rate(BigDecimal stored) {
        return stored.stripTrailingZeros();
    }
}
