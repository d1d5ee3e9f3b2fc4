package ru.ccbilling.rules;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import ru.ccbilling.rules.ModelMessage.Severity;

/**
 * A DMN model is data: decision tables over the engine's inputs. This check reads the XML (no DTD, no external
 * entities) before KIE does and refuses, naming the element and the construct: any element that is not a decision
 * table or part of the requirements diagram around it (functionDefinition of kind Java or PMML, business knowledge
 * models, contexts, invocations, literal expressions, imports, iterators), a non-FEEL expression language, and any
 * FEEL cell that {@link FeelCellCheck} refuses (iteration, external functions, other calls). dmn-js writes
 * exactly the allowed elements for a table.
 */
public final class DmnModelCheck {

    static final int MAX_CHARS = 1024 * 1024;

    /** the DMN elements of decision tables, their requirements and the diagram around them */
    private static final Set<String> ALLOWED_ELEMENTS = Set.of("definitions", "decision", "inputData", "variable",
            "informationRequirement", "requiredInput", "requiredDecision", "decisionTable", "input", "inputExpression",
            "inputValues", "output", "outputValues", "defaultOutputEntry", "rule", "inputEntry", "outputEntry",
            "annotationEntry", "annotation", "text", "description", "extensionElements", "itemDefinition", "typeRef",
            "allowedValues", "itemComponent", "textAnnotation", "association", "sourceRef", "targetRef", "question",
            "allowedAnswers", "knowledgeSource", "authorityRequirement", "requiredAuthority");
    /** elements whose text KIE evaluates as FEEL (a literal expression is refused anyway; its FEEL is named too) */
    private static final Set<String> FEEL_ELEMENTS = Set.of("inputEntry", "outputEntry", "defaultOutputEntry",
            "inputExpression", "inputValues", "outputValues", "allowedValues", "literalExpression");
    private static final Map<String, String> NAMED_REFUSALS = Map.ofEntries(
            Map.entry("businessKnowledgeModel", "a business knowledge model"),
            Map.entry("knowledgeRequirement", "a knowledge requirement (a call of a business knowledge model)"),
            Map.entry("decisionService", "a decision service"),
            Map.entry("invocation", "an invocation"),
            Map.entry("context", "a context"),
            Map.entry("contextEntry", "a context entry"),
            Map.entry("relation", "a relation"),
            Map.entry("list", "a list expression"),
            Map.entry("literalExpression", "a literal expression"),
            Map.entry("conditional", "a conditional expression"),
            Map.entry("filter", "a filter expression"),
            Map.entry("for", "the iteration `for`"),
            Map.entry("some", "the iteration `some`"),
            Map.entry("every", "the iteration `every`"),
            Map.entry("import", "an import"),
            Map.entry("functionItem", "a function type"));

    private final TariffModel model;
    private final List<ModelMessage> messages = new ArrayList<>();

    private record Open(String name, String id, boolean extension, boolean diagram) { }

    private DmnModelCheck(TariffModel model) {
        this.model = model;
    }

    /** the refusals of one DMN model; empty when it may be compiled */
    public static List<ModelMessage> check(TariffModel model) {
        DmnModelCheck check = new DmnModelCheck(model);
        try {
            check.run();
        } catch (RuntimeException e) {
            // fail closed: a model the check cannot follow is not compiled
            check.refuse("a construct the check cannot read (" + e.getClass().getSimpleName() + ")",
                    "only decision tables are allowed", null, 0);
        }
        return List.copyOf(check.messages);
    }

    private void run() {
        String xml = model.content();
        if (xml.length() > MAX_CHARS) {
            refuse("a model of " + xml.length() + " characters", "a DMN model has at most " + MAX_CHARS, null, 0);
            return;
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        Deque<Open> open = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        String decision = null;
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(xml));
            while (reader.hasNext()) {
                int event = reader.next();
                int line = reader.getLocation().getLineNumber();
                switch (event) {
                    case XMLStreamConstants.DTD -> {
                        refuse("a DOCTYPE declaration", "a DTD can declare entities that read files", null, line);
                        return;
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> refuse("the entity reference &" + reader.getLocalName()
                            + ";", "only the XML built-in entities are allowed", idOf(open), line);
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = reader.getLocalName();
                        String id = reader.getAttributeValue(null, "id");
                        boolean extension = !open.isEmpty() && (open.peek().extension()
                                || open.peek().name().equals("extensionElements"));
                        boolean diagram = !open.isEmpty() && (open.peek().diagram()
                                || open.peek().name().equals("definitions") && name.equals("DMNDI")
                                && isDiagram(reader.getNamespaceURI()));
                        if (!open.isEmpty() && open.peek().name().equals("text")) {
                            // KIE reads a text only up to its first child: the check must see what KIE sees
                            refuse("the element " + name + " inside a text", "a cell's text is plain FEEL",
                                    id == null ? idOf(open) : id, line);
                        }
                        if (name.equals("decision")) {
                            decision = reader.getAttributeValue(null, "name");
                        }
                        checkElement(reader, name, id == null ? idOf(open) : id, extension, diagram, decision, line);
                        checkAttributes(reader, id == null ? idOf(open) : id, line);
                        open.push(new Open(name, id, extension || isForeign(reader.getNamespaceURI()), diagram));
                        text.setLength(0);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(reader.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        Open closed = open.pop();
                        if (closed.name().equals("decision")) {
                            decision = null;
                        }
                        if (closed.name().equals("text") && !open.isEmpty()
                                && FEEL_ELEMENTS.contains(open.peek().name())) {
                            String refused = FeelCellCheck.refusal(text.toString());
                            if (refused != null) {
                                refuse(refused + " in " + open.peek().name() + where(decision),
                                        "a table cell is a FEEL unary test or a simple value", idOf(open), line);
                            }
                        }
                        text.setLength(0);
                    }
                    default -> { }
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            messages.add(new ModelMessage(model.name(), Severity.ERROR, "not a readable DMN document: "
                    + e.getMessage(), null));
        }
    }

    /** " of urn:x", or " without a namespace" for an element in none */
    private static String ofNamespace(String ns) {
        return ns == null || ns.isEmpty() ? " without a namespace" : " of " + ns;
    }

    private void checkElement(XMLStreamReader reader, String name, String id, boolean extension, boolean diagram,
                              String decision, int line) {
        String ns = reader.getNamespaceURI();
        // KIE picks an element's type by its local name: a function or an expression is refused in any namespace
        if (!isModel(ns) && (name.equals("functionDefinition") || name.equals("encapsulatedLogic")
                || NAMED_REFUSALS.containsKey(name))) {
            refuse(NAMED_REFUSALS.getOrDefault(name, "a " + name) + ofNamespace(ns) + where(decision),
                    "a tariff model defines no functions or expressions besides its tables, in no namespace", id, line);
            return;
        }
        if (isDiagram(ns)) {
            if (!diagram) {
                refuse("the diagram element " + name + " outside DMNDI", "diagram elements belong to the diagram",
                        id, line);
            }
            return;
        }
        if (!isModel(ns)) {
            if (!extension) {
                refuse("the element " + name + ofNamespace(ns), "outside extensionElements a model holds only DMN"
                        + " elements", id, line);
            }
        } else if (name.equals("functionDefinition") || name.equals("encapsulatedLogic")) {
            String kind = reader.getAttributeValue(null, "kind");
            refuse("a functionDefinition" + (kind == null ? "" : " kind=\"" + kind + "\"") + where(decision),
                    "a tariff model defines no functions; Java and PMML functions run platform code", id, line);
        } else if (!ALLOWED_ELEMENTS.contains(name)) {
            refuse(NAMED_REFUSALS.getOrDefault(name, "the element " + name) + where(decision),
                    "the platform's decisions are decision tables: only tables, their cells and the requirements"
                    + " diagram are allowed", id, line);
        }
    }

    private void checkAttributes(XMLStreamReader reader, String id, int line) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String name = reader.getAttributeLocalName(i);
            if ((name.equals("expressionLanguage") || name.equals("typeLanguage"))
                    && !isFeel(reader.getAttributeValue(i))) {
                refuse(name + "=\"" + reader.getAttributeValue(i) + "\"", "expressions are FEEL", id, line);
            }
        }
    }

    private static String where(String decision) {
        return decision == null ? "" : " of decision " + decision;
    }

    private static String idOf(Deque<Open> open) {
        for (Open o : open) {
            if (o.id() != null) {
                return o.id();
            }
        }
        return null;
    }

    private static boolean isModel(String ns) {
        return ns != null && ns.contains("omg.org/spec/DMN/") && (ns.endsWith("/MODEL/") || ns.endsWith("dmn.xsd"));
    }

    private static boolean isDiagram(String ns) {
        return ns != null && ns.contains("omg.org/spec/DMN/")
                && (ns.endsWith("/DMNDI/") || ns.endsWith("/DC/") || ns.endsWith("/DI/"));
    }

    private static boolean isForeign(String ns) {
        return !isModel(ns) && !isDiagram(ns);
    }

    private static boolean isFeel(String uri) {
        return uri.contains("omg.org/spec/DMN/") && uri.endsWith("/FEEL/") || uri.equals("http://www.omg.org/spec/FEEL/20140401");
    }

    private void refuse(String construct, String why, String id, int line) {
        messages.add(new ModelMessage(model.name(), Severity.ERROR, "not allowed in a tariff model: " + construct
                + " at line " + line + " (" + why + ")", id));
    }
}
