package ru.ccbilling.tariff;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.springframework.stereotype.Service;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import ru.ccbilling.rules.TariffModel;

/**
 * A readable difference between two versions of a tariff: per model, decision-table rows added, removed or changed
 * (a row is known by its input entries) and DRL rules added, removed or changed (a rule is known by its name).
 */
@Service
public class TariffDiffs {

    public enum Change { ADDED, REMOVED, CHANGED, UNCHANGED }

    public record RowChange(Change change, String decision, List<String> inputs, List<String> before, List<String> after) { }

    public record RuleChange(Change change, String rule, String before, String after) { }

    public record ModelDiff(String model, Change change, List<RowChange> rows, List<RuleChange> rules) { }

    private static final Pattern RULE = Pattern.compile("(?ms)^\\s*rule\\s+\"([^\"]+)\"(.*?)^\\s*end\\s*$");

    private final TariffCatalog catalog;

    TariffDiffs(TariffCatalog catalog) {
        this.catalog = catalog;
    }

    public List<ModelDiff> diff(String tariff, int from, int to) {
        Map<String, TariffModel> before = byName(catalog.models(tariff, from));
        Map<String, TariffModel> after = byName(catalog.models(tariff, to));
        List<ModelDiff> out = new ArrayList<>();
        for (TariffModel old : before.values()) {
            TariffModel now = after.get(old.name());
            if (now == null) {
                out.add(new ModelDiff(old.name(), Change.REMOVED, List.of(), List.of()));
            } else if (old.content().equals(now.content())) {
                out.add(new ModelDiff(old.name(), Change.UNCHANGED, List.of(), List.of()));
            } else if (now.kind() == TariffModel.Kind.DMN && old.kind() == TariffModel.Kind.DMN) {
                out.add(new ModelDiff(now.name(), Change.CHANGED, rows(old.content(), now.content()), List.of()));
            } else {
                out.add(new ModelDiff(now.name(), Change.CHANGED, List.of(), rules(old.content(), now.content())));
            }
        }
        for (TariffModel now : after.values()) {
            if (!before.containsKey(now.name())) {
                out.add(new ModelDiff(now.name(), Change.ADDED, List.of(), List.of()));
            }
        }
        return out;
    }

    static List<RowChange> rows(String beforeXml, String afterXml) {
        Map<String, Row> before = tableRows(beforeXml);
        Map<String, Row> after = tableRows(afterXml);
        List<RowChange> changes = new ArrayList<>();
        before.forEach((key, row) -> {
            Row now = after.get(key);
            if (now == null) {
                changes.add(new RowChange(Change.REMOVED, row.decision(), row.inputs(), row.outputs(), List.of()));
            } else if (!now.outputs().equals(row.outputs())) {
                changes.add(new RowChange(Change.CHANGED, row.decision(), row.inputs(), row.outputs(), now.outputs()));
            }
        });
        after.forEach((key, row) -> {
            if (!before.containsKey(key)) {
                changes.add(new RowChange(Change.ADDED, row.decision(), row.inputs(), List.of(), row.outputs()));
            }
        });
        return changes;
    }

    private record Row(String decision, List<String> inputs, List<String> outputs) { }

    /** rows of every decision table of a DMN document, by decision and input entries; unreadable XML gives none */
    private static Map<String, Row> tableRows(String xml) {
        Map<String, Row> rows = new LinkedHashMap<>();
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            return rows;
        }
        NodeList decisions = document.getElementsByTagNameNS("*", "decision");
        for (int d = 0; d < decisions.getLength(); d++) {
            Element decision = (Element) decisions.item(d);
            NodeList rules = decision.getElementsByTagNameNS("*", "rule");
            for (int r = 0; r < rules.getLength(); r++) {
                Element rule = (Element) rules.item(r);
                List<String> inputs = texts(rule, "inputEntry");
                Row row = new Row(decision.getAttribute("name"), inputs, texts(rule, "outputEntry"));
                rows.put(row.decision() + "|" + String.join("|", inputs), row);
            }
        }
        return rows;
    }

    private static List<String> texts(Element rule, String entry) {
        List<String> out = new ArrayList<>();
        NodeList entries = rule.getElementsByTagNameNS("*", entry);
        for (int i = 0; i < entries.getLength(); i++) {
            out.add(entries.item(i).getTextContent().trim());
        }
        return out;
    }

    static List<RuleChange> rules(String beforeDrl, String afterDrl) {
        Map<String, String> before = ruleBodies(beforeDrl);
        Map<String, String> after = ruleBodies(afterDrl);
        List<RuleChange> changes = new ArrayList<>();
        before.forEach((name, body) -> {
            String now = after.get(name);
            if (now == null) {
                changes.add(new RuleChange(Change.REMOVED, name, body, null));
            } else if (!normalised(now).equals(normalised(body))) {
                changes.add(new RuleChange(Change.CHANGED, name, body, now));
            }
        });
        after.forEach((name, body) -> {
            if (!before.containsKey(name)) {
                changes.add(new RuleChange(Change.ADDED, name, null, body));
            }
        });
        String beforeRest = normalised(RULE.matcher(beforeDrl).replaceAll(""));
        String afterRest = normalised(RULE.matcher(afterDrl).replaceAll(""));
        if (!Objects.equals(beforeRest, afterRest)) {
            changes.add(new RuleChange(Change.CHANGED, "(package, imports and functions)",
                    RULE.matcher(beforeDrl).replaceAll("").strip(), RULE.matcher(afterDrl).replaceAll("").strip()));
        }
        return changes;
    }

    private static Map<String, String> ruleBodies(String drl) {
        Map<String, String> rules = new LinkedHashMap<>();
        Matcher m = RULE.matcher(drl);
        while (m.find()) {
            rules.put(m.group(1), m.group(0).strip());
        }
        return rules;
    }

    private static String normalised(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static Map<String, TariffModel> byName(List<TariffModel> models) {
        Map<String, TariffModel> out = new LinkedHashMap<>();
        models.forEach(m -> out.put(m.name(), m));
        return out;
    }
}
