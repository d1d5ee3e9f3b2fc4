package ru.ccbilling.tariff.sales;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The price cells of a DMN model: each row of a decision table with one output whose text is a plain number. A
 * row is known by its rule id, which a copy of a version keeps. Rewriting changes only the output texts of the
 * rows named (and may add the minimum-payment row to the MonthlyFee table); the rest of the XML stays as it is.
 */
public final class DmnCells {

    /** one row: its decision, its input entries as written, its description, its price */
    public record Cell(String model, String rule, String decision, List<String> inputs, String description, BigDecimal price) { }

    private DmnCells() { }

    static List<Cell> cells(String model, String xml) {
        List<Cell> cells = new ArrayList<>();
        Document document = parse(xml);
        if (document == null) {
            return cells;
        }
        NodeList decisions = document.getElementsByTagNameNS("*", "decision");
        for (int d = 0; d < decisions.getLength(); d++) {
            Element decision = (Element) decisions.item(d);
            NodeList rules = decision.getElementsByTagNameNS("*", "rule");
            for (int r = 0; r < rules.getLength(); r++) {
                Element rule = (Element) rules.item(r);
                NodeList outputs = rule.getElementsByTagNameNS("*", "outputEntry");
                if (outputs.getLength() != 1) {
                    continue;
                }
                BigDecimal price = number(outputs.item(0).getTextContent());
                if (price == null || rule.getAttribute("id").isEmpty()) {
                    continue;
                }
                List<String> inputs = new ArrayList<>();
                NodeList entries = rule.getElementsByTagNameNS("*", "inputEntry");
                for (int i = 0; i < entries.getLength(); i++) {
                    inputs.add(entries.item(i).getTextContent().trim());
                }
                NodeList descriptions = rule.getElementsByTagNameNS("*", "description");
                String description = descriptions.getLength() == 0 ? null : descriptions.item(0).getTextContent().trim();
                cells.add(new Cell(model, rule.getAttribute("id"), decision.getAttribute("name"), inputs, description, price));
            }
        }
        return cells;
    }

    /**
     * The model with the prices of these rules replaced and, when {@code minimumPayment} is given and the model
     * holds the MonthlyFee table, a row {@code "MINIMUM_MONTHLY_PAYMENT"} with it.
     */
    static String rewrite(String xml, Map<String, BigDecimal> prices, BigDecimal minimumPayment, String minimumFee) {
        Document document = parse(xml);
        if (document == null) {
            return xml;
        }
        NodeList rules = document.getElementsByTagNameNS("*", "rule");
        for (int r = 0; r < rules.getLength(); r++) {
            Element rule = (Element) rules.item(r);
            BigDecimal price = prices.get(rule.getAttribute("id"));
            if (price == null) {
                continue;
            }
            NodeList outputs = rule.getElementsByTagNameNS("*", "outputEntry");
            Element text = firstText((Element) outputs.item(0));
            text.setTextContent(price.setScale(Math.max(2, price.scale())).toPlainString());
        }
        if (minimumPayment != null) {
            NodeList tables = document.getElementsByTagNameNS("*", "decisionTable");
            for (int t = 0; t < tables.getLength(); t++) {
                Element table = (Element) tables.item(t);
                Element decision = (Element) table.getParentNode();
                if (!"MonthlyFee".equals(decision.getAttribute("name"))) {
                    continue;
                }
                String ns = table.getNamespaceURI();
                String prefix = table.getPrefix() == null ? "" : table.getPrefix() + ":";
                Element rule = document.createElementNS(ns, prefix + "rule");
                rule.setAttribute("id", "MonthlyFee_minimum");
                Element description = document.createElementNS(ns, prefix + "description");
                description.setTextContent("Минимальный ежемесячный платёж клиентского тарифа (не плата: при закрытии месяца использование доплачивается до него)");
                Element input = document.createElementNS(ns, prefix + "inputEntry");
                input.setAttribute("id", "MonthlyFee_minimum_i0");
                Element inputText = document.createElementNS(ns, prefix + "text");
                inputText.setTextContent("\"" + minimumFee + "\"");
                input.appendChild(inputText);
                Element output = document.createElementNS(ns, prefix + "outputEntry");
                output.setAttribute("id", "MonthlyFee_minimum_o");
                Element outputText = document.createElementNS(ns, prefix + "text");
                outputText.setTextContent(minimumPayment.setScale(2).toPlainString());
                output.appendChild(outputText);
                rule.appendChild(description);
                rule.appendChild(input);
                rule.appendChild(output);
                table.appendChild(rule);
            }
        }
        return write(document);
    }

    private static Element firstText(Element entry) {
        NodeList texts = entry.getElementsByTagNameNS("*", "text");
        return (Element) texts.item(0);
    }

    private static BigDecimal number(String text) {
        String t = text == null ? "" : text.trim();
        if (!t.matches("-?[0-9]{1,12}(\\.[0-9]{1,6})?")) {
            return null;
        }
        return new BigDecimal(t);
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            return null;
        }
    }

    private static String write(Document document) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("a DMN model could not be written back", e);
        }
    }
}
