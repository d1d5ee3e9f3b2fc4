package ru.ccbilling.portal;

import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import ru.ccbilling.clock.ClockConfiguration;
import ru.ccbilling.rules.TariffModel;
import ru.ccbilling.tariff.TariffCatalog;

/**
 * The tariff in force for an account as a price list a client reads: each decision table of the published
 * version with its columns (the inputs' and outputs' labels, then the row's description) and its rows ("-"
 * shown as "любое"), plus the versions already published for future dates. Rendered from the stored models,
 * so the list is always the tariff that prices the calls.
 */
@Service
public class PriceLists {

    public record Table(String name, String title, List<String> columns, List<List<String>> rows) { }

    public record PriceList(String tariff, int version, OffsetDateTime effectiveFrom, List<Table> tables) { }

    /** the account's tariff in force today and the versions of it published from a later date */
    public record ForAccount(String account, PriceList inForce, List<PriceList> upcoming) { }

    private final JdbcTemplate jdbc;
    private final TariffCatalog catalog;
    private final Clock clock;

    PriceLists(JdbcTemplate jdbc, TariffCatalog catalog, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** {@code account} is already resolved through the user's scope; empty when it has no tariff today */
    public Optional<ForAccount> of(String account) {
        LocalDate today = LocalDate.now(clock.withZone(ClockConfiguration.BUSINESS_ZONE));
        Optional<String> tariff = jdbc.queryForList("""
                select tariff_code from account_tariff
                 where account_code = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
                 order by valid_from desc limit 1
                """, String.class, account, today, today).stream().findFirst();
        if (tariff.isEmpty()) {
            return Optional.empty();
        }
        String code = tariff.get();
        return catalog.inForce(code, clock.instant()).map(ref -> {
            List<PriceList> upcoming = jdbc.query("""
                    select version, effective_from from tariff_version
                     where tariff_code = ? and state = 'PUBLISHED' and effective_from > ? order by effective_from
                    """, (rs, i) -> render(code, rs.getInt(1), rs.getObject(2, OffsetDateTime.class)),
                    code, OffsetDateTime.now(clock));
            return new ForAccount(account, render(code, ref.version(), ref.effectiveFrom()), upcoming);
        });
    }

    private PriceList render(String code, int version, OffsetDateTime effectiveFrom) {
        List<Table> tables = new ArrayList<>();
        for (TariffModel model : catalog.models(code, version)) {
            if (model.kind() == TariffModel.Kind.DMN) {
                tables.addAll(tables(model.content()));
            }
        }
        return new PriceList(code, version, effectiveFrom, tables);
    }

    static List<Table> tables(String xml) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            return List.of();
        }
        List<Table> tables = new ArrayList<>();
        NodeList decisions = document.getElementsByTagNameNS("*", "decision");
        for (int d = 0; d < decisions.getLength(); d++) {
            Element decision = (Element) decisions.item(d);
            NodeList table = decision.getElementsByTagNameNS("*", "decisionTable");
            if (table.getLength() == 0) {
                continue;
            }
            Element t = (Element) table.item(0);
            List<String> columns = new ArrayList<>();
            children(t, "input").forEach(i -> columns.add(label(i)));
            children(t, "output").forEach(o -> columns.add(label(o)));
            columns.add("Пояснение");
            List<List<String>> rows = new ArrayList<>();
            for (Element rule : children(t, "rule")) {
                List<String> row = new ArrayList<>();
                children(rule, "inputEntry").forEach(e -> row.add(entry(e)));
                children(rule, "outputEntry").forEach(e -> row.add(entry(e)));
                row.add(children(rule, "description").stream().map(Node::getTextContent).map(String::strip)
                        .findFirst().orElse(""));
                rows.add(row);
            }
            String description = children(decision, "description").stream().map(Node::getTextContent)
                    .map(String::strip).findFirst().orElse(null);
            String label = decision.getAttribute("label").isBlank() ? decision.getAttribute("name")
                    : decision.getAttribute("label");
            tables.add(new Table(decision.getAttribute("name"), description == null ? label : label + ". " + description,
                    columns, rows));
        }
        return tables;
    }

    private static String label(Element column) {
        if (!column.getAttribute("label").isBlank()) {
            return column.getAttribute("label");
        }
        if (!column.getAttribute("name").isBlank()) {
            return column.getAttribute("name");
        }
        return column.getTextContent().strip();
    }

    private static String entry(Element entry) {
        String text = entry.getTextContent().strip();
        return text.equals("-") || text.isEmpty() ? "любое" : text.replace("\"", "");
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }
}
