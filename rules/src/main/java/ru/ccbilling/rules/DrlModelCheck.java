package ru.ccbilling.rules;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.ParserError;

import ru.ccbilling.rules.ModelMessage.Severity;

/**
 * A DRL model is data: it may only match the fact model and insert priced lines. This check reads the model
 * with Drools' own parser and refuses, with the line and the construct, anything else (other imports, functions,
 * globals, queries, declarations, eval, from/collect/accumulate, attributes that run code, and any code in
 * constraints or consequences that is not on {@link RuleCodeCheck}'s allow-lists). The compiler runs it before
 * KIE sees the text: compiling Java or MVEL may itself evaluate code.
 */
public final class DrlModelCheck {

    /** the facts a rule may match, with the fields its constraints may name */
    static final Map<String, Class<?>> FACT_TYPES = Map.of("Call", Call.class, "Stage", Stage.class,
            "Rate", Rate.class, "Line", Line.class, "Participant", Participant.class, "Survey", Survey.class);
    static final Set<String> ALLOWED_IMPORTS = Set.of("ru.ccbilling.rules.Call", "ru.ccbilling.rules.Stage",
            "ru.ccbilling.rules.Rate", "ru.ccbilling.rules.Line", "ru.ccbilling.rules.Rounding",
            "ru.ccbilling.rules.Participant", "ru.ccbilling.rules.Survey");
    /** rule attributes that are plain settings; `enabled`, timers, calendars and date attributes can run code */
    private static final Set<String> ALLOWED_ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active",
            "agenda-group", "activation-group", "auto-focus", "dialect");

    /** limits that keep a legal model from exhausting the machine (see README, "Tariff models are data") */
    static final int MAX_CHARS = 64 * 1024;
    static final int MAX_RULES = 100;
    static final int MAX_PATTERNS_PER_RULE = 5;
    static final int MAX_POSITIVE_PATTERNS_PER_RULE = 3;

    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    private static final Pattern RESERVED_PACKAGE = Pattern.compile(
            "(java|javax|jdk|sun|com|org|ru\\.ccbilling\\.rules)(\\..*)?");
    /** salience is an integer: any other value is compiled as an MVEL expression, which calls getters of any class */
    private static final Pattern SALIENCE = Pattern.compile("-?\\d{1,6}");
    private static final Pattern SWITCH_ATTRIBUTE = Pattern.compile("|true|false");
    private static final Pattern GROUP_ATTRIBUTE = Pattern.compile("\"?[A-Za-z0-9_ -]{0,80}\"?");

    private final TariffModel model;
    private final String source;
    private final SourcePositions positions;
    private final List<ModelMessage> messages = new ArrayList<>();

    private DrlModelCheck(TariffModel model) {
        this.model = model;
        this.source = model.content();
        this.positions = new SourcePositions(source);
    }

    /** the refusals of one DRL model; empty when it may be compiled */
    public static List<ModelMessage> check(TariffModel model) {
        DrlModelCheck check = new DrlModelCheck(model);
        try {
            check.run();
        } catch (RuntimeException e) {
            // fail closed: a model the check cannot follow is not compiled
            check.refuse("a construct the check cannot read (" + e.getClass().getSimpleName() + ")",
                    "only the documented DRL subset is allowed", 0);
        }
        return List.copyOf(check.messages);
    }

    private void run() {
        if (source.length() > MAX_CHARS) {
            refuse("a model of " + source.length() + " characters", "a DRL model has at most " + MAX_CHARS, 0);
            return;
        }
        int escape = source.indexOf("\\u");
        if (escape >= 0) {
            refuse("the unicode escape \\u", "Java expands unicode escapes everywhere, even in comments and strings;"
                    + " write the character itself", escape);
            return;
        }
        PackageDescr pkg = parse();
        if (pkg == null) {
            return;
        }
        checkPackage(pkg);
        if (pkg.getRules().size() > MAX_RULES) {
            refuse(pkg.getRules().size() + " rules", "a DRL model has at most " + MAX_RULES + " rules", 0);
        }
        for (RuleDescr rule : pkg.getRules()) {
            checkRule(rule);
        }
    }

    private PackageDescr parse() {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, source);
        } catch (DroolsParserException | RuntimeException e) {
            messages.add(new ModelMessage(model.name(), Severity.ERROR, "the rules cannot be read: " + e.getMessage(), null));
            return null;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError error : parser.getErrors()) {
                String location = error instanceof ParserError p && p.getRow() > 0
                        ? "line " + p.getRow() + ", column " + (p.getCol() + 1) : null;
                messages.add(new ModelMessage(model.name(), Severity.ERROR, error.getMessage(), location));
            }
            if (messages.isEmpty()) {
                messages.add(new ModelMessage(model.name(), Severity.ERROR, "the rules cannot be read", null));
            }
            return null;
        }
        return pkg;
    }

    private void checkPackage(PackageDescr pkg) {
        String name = pkg.getName() == null ? "" : pkg.getName();
        if (!name.isEmpty() && (!PACKAGE.matcher(name).matches() || RESERVED_PACKAGE.matcher(name).matches()
                || holdsClasses(name))) {
            refuse("the package " + name, "a model's package is its own, holding no classes, e.g."
                    + " ru.ccbilling.tariff.mytariff", at(pkg));
        }
        for (ImportDescr i : pkg.getImports()) {
            if (!ALLOWED_IMPORTS.contains(i.getTarget())) {
                refuse("import " + i.getTarget(), "a model imports only " + String.join(", ",
                        ALLOWED_IMPORTS.stream().sorted().toList()), at(i));
            }
        }
        pkg.getFunctionImports().forEach(f -> refuse("the static or function import " + f.getTarget(),
                "a model calls only the helpers of Rounding", at(f)));
        pkg.getAccumulateImports().forEach(a -> refuse("import accumulate " + a.getTarget(),
                "accumulate functions run code", at(a)));
        pkg.getGlobals().forEach(g -> refuse("global " + g.getIdentifier(), "globals hand Java objects to rules", at(g)));
        pkg.getFunctions().forEach(f -> refuse("function " + f.getName(), "functions are Java code; use the helpers"
                + " of Rounding", at(f)));
        pkg.getTypeDeclarations().forEach(t -> refuse("declare " + t.getTypeName(), "a model uses the fact model of"
                + " the engine", at(t)));
        pkg.getEnumDeclarations().forEach(t -> refuse("declare enum " + t.getTypeName(), "a model uses the fact model"
                + " of the engine", at(t)));
        pkg.getEntryPointDeclarations().forEach(e -> refuse("declare entry-point", "no entry points", at(e)));
        pkg.getWindowDeclarations().forEach(w -> refuse("declare window", "no windows", at(w)));
        if (pkg.getUnit() != null) {
            refuse("unit " + pkg.getUnit().getTarget(), "rule units are not used", at(pkg.getUnit()));
        }
        for (AttributeDescr a : pkg.getAttributes()) {
            checkAttribute(a);
        }
    }

    /**
     * Names in a rule resolve against its package before java.lang: a package holding platform or library classes
     * would let a rule name them without an import.
     */
    private static boolean holdsClasses(String packageName) {
        String folder = packageName.replace('.', '/') + "/";
        ClassLoader here = DrlModelCheck.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return here.getResource(folder) != null || (context != null && context.getResource(folder) != null);
    }

    private void checkRule(RuleDescr rule) {
        if (rule.isQuery()) {
            refuse("query " + rule.getName(), "queries are not used", at(rule));
            return;
        }
        if (rule.getName().chars().anyMatch(c -> c < ' ' || c == '\\' || c == '"')) {
            refuse("the rule name", "a rule name is plain text on one line", at(rule));
        }
        if (rule.hasParent()) {
            refuse("extends " + rule.getParentName(), "rules do not inherit", at(rule));
        }
        rule.getAnnotations().forEach(a -> refuse("the annotation @" + a.getName(), "annotations are not used", at(a)));
        rule.getAttributes().values().forEach(this::checkAttribute);
        if (!rule.getNamedConsequences().isEmpty()) {
            refuse("a named consequence then[" + rule.getNamedConsequences().keySet().iterator().next() + "]",
                    "a rule has one consequence", at(rule));
        }
        Set<String> bindings = new HashSet<>();
        collectBindings(rule.getLhs(), bindings);
        Patterns count = new Patterns();
        checkConditions(rule.getLhs(), bindings, count, true);
        if (count.all > MAX_PATTERNS_PER_RULE || count.positive > MAX_POSITIVE_PATTERNS_PER_RULE || count.lines > 1) {
            refuse(count.all + " patterns (" + count.positive + " not under not/exists, " + count.lines + " on Line)",
                    "a rule has at most " + MAX_PATTERNS_PER_RULE + " patterns, " + MAX_POSITIVE_PATTERNS_PER_RULE
                    + " of them not under not/exists, and at most one on Line: matches multiply", at(rule));
        }
        checkConsequence(rule, bindings);
    }

    private static final class Patterns {
        int all;
        int positive;
        int lines;
    }

    private void checkAttribute(AttributeDescr a) {
        String name = a.getName();
        String value = a.getValue() == null ? "" : a.getValue().trim();
        if (!ALLOWED_ATTRIBUTES.contains(name)) {
            refuse("the attribute " + name, "attributes are limited to " + String.join(", ",
                    ALLOWED_ATTRIBUTES.stream().sorted().toList()), at(a));
        } else if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
            refuse("the dialect \"" + value.replace("\"", "") + "\"", "rules are written in the java dialect (mvel evaluates expressions"
                    + " at run time)", at(a));
        } else if (!literalPattern(name).matcher(value).matches()) {
            refuse("the attribute " + name + " " + value, "attribute values are literals", at(a));
        }
    }

    private static Pattern literalPattern(String attribute) {
        return switch (attribute) {
            case "salience" -> SALIENCE;
            case "no-loop", "lock-on-active", "auto-focus" -> SWITCH_ATTRIBUTE;
            default -> GROUP_ATTRIBUTE;
        };
    }

    private static void collectBindings(BaseDescr descr, Set<String> bindings) {
        if (descr instanceof PatternDescr p) {
            if (p.getIdentifier() != null) {
                bindings.add(p.getIdentifier());
            }
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    try {
                        List<CodeTokens.Token> tokens = CodeTokens.of(e.getExpression());
                        for (int i = 0; i + 1 < tokens.size(); i++) {
                            if (tokens.get(i + 1).is(":") && RuleCodeCheck.isBindingName(tokens.get(i).text())) {
                                bindings.add(tokens.get(i).text());
                            }
                        }
                    } catch (CodeTokens.Unreadable ignored) {
                        // refused when the constraint itself is checked
                    }
                }
            }
        } else if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                || descr instanceof ExistsDescr) {
            for (BaseDescr child : children(descr)) {
                collectBindings(child, bindings);
            }
        }
    }

    private void checkConditions(BaseDescr descr, Set<String> bindings, Patterns count, boolean positive) {
        if (descr instanceof PatternDescr p) {
            count.all++;
            count.positive += positive ? 1 : 0;
            count.lines += "Line".equals(p.getObjectType()) ? 1 : 0;
            checkPattern(p, bindings);
        } else if (descr instanceof AndDescr || descr instanceof OrDescr) {
            for (BaseDescr child : children(descr)) {
                checkConditions(child, bindings, count, positive);
            }
        } else if (descr instanceof NotDescr || descr instanceof ExistsDescr) {
            for (BaseDescr child : children(descr)) {
                checkConditions(child, bindings, count, false);
            }
        } else {
            refuse(conditionName(descr), "a rule's conditions are patterns on the facts (" + String.join(", ",
                    FACT_TYPES.keySet().stream().sorted().toList()) + "), with not,"
                    + " exists, and, or", at(descr));
        }
    }

    private static String conditionName(BaseDescr descr) {
        String type = descr.getClass().getSimpleName().replace("Descr", "");
        return switch (type) {
            case "Eval" -> "eval";
            case "Forall" -> "forall";
            case "Accumulate" -> "accumulate";
            case "Collect" -> "collect";
            case "From" -> "from";
            case "EntryPoint" -> "from entry-point";
            case "WindowReference" -> "from window";
            case "ConditionalBranch", "NamedConsequence" -> "a conditional named consequence (if/do/break)";
            default -> "the condition " + type;
        };
    }

    @SuppressWarnings("unchecked")
    private static List<BaseDescr> children(BaseDescr descr) {
        return (List<BaseDescr>) ((org.drools.drl.ast.descr.ConditionalElementDescr) descr).getDescrs();
    }

    private void checkPattern(PatternDescr p, Set<String> bindings) {
        Class<?> type = p.getObjectType() == null ? null : FACT_TYPES.get(p.getObjectType());
        if (type == null) {
            refuse(p.getObjectType() == null ? "a pattern without a fact type (OOPath)" : "the fact type "
                    + p.getObjectType(), "rules match only " + String.join(", ",
                    FACT_TYPES.keySet().stream().sorted().toList()) + ", by their simple names", at(p));
        }
        if (p.getSource() != null) {
            String source = conditionName(p.getSource());
            refuse(source.startsWith("the condition ") ? "a pattern source (" + source + ")" : source,
                    "patterns match the facts the engine inserts, not the results of code",
                    p.getSource().getLine() > 0 ? at(p.getSource()) : at(p));
        }
        if (p.isQuery()) {
            refuse("the query call " + p.getObjectType(), "queries are not used", at(p));
        }
        p.getAnnotations().forEach(a -> refuse("the annotation @" + a.getName(), "annotations are not used", at(p)));
        if (!p.getBehaviors().isEmpty()) {
            refuse("a sliding window", "windows are not used", at(p));
        }
        if (p.getIdentifier() != null && !RuleCodeCheck.isBindingName(p.getIdentifier())) {
            refuse("the binding " + p.getIdentifier(), "a bound variable is named $name", at(p));
        }
        Set<String> fields = type == null ? Set.of() : fieldsOf(type);
        for (BaseDescr c : p.getDescrs()) {
            if (!(c instanceof ExprConstraintDescr e)) {
                refuse(conditionName(c), "a constraint compares fields with literals and bound variables", at(c));
                continue;
            }
            int offset = positions.ofText(e.getExpression(), e);
            try {
                RuleCodeCheck.checkConstraint(e.getExpression(), fields, bindings);
            } catch (RuleCodeCheck.Refused r) {
                refuse(r.construct, r.getMessage(), offset < 0 ? at(e) : offset + r.offset);
            }
        }
    }

    private void checkConsequence(RuleDescr rule, Set<String> bindings) {
        if (!(rule.getConsequence() instanceof String code)) {
            refuse("the consequence", "a consequence is text", at(rule));
            return;
        }
        int line = rule.getConsequenceLine() > 0 ? rule.getConsequenceLine() : rule.getLine();
        int start = positions.lineStart(line);
        int offset = positions.ofText(code, line);
        try {
            RuleCodeCheck.checkConsequence(code, bindings);
        } catch (RuleCodeCheck.Refused r) {
            refuse(r.construct, r.getMessage(), offset < 0 ? start : offset + r.offset);
        }
    }

    /** the fields a constraint may name: the bean properties of the fact type (getX, isX), never getClass */
    static Set<String> fieldsOf(Class<?> type) {
        Set<String> fields = new HashSet<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0 || m.getDeclaringClass() != type) {
                continue;
            }
            String n = m.getName();
            if (n.startsWith("get") && n.length() > 3) {
                fields.add(Introspector.decapitalize(n.substring(3)));
            } else if (n.startsWith("is") && n.length() > 2 && m.getReturnType() == boolean.class) {
                fields.add(Introspector.decapitalize(n.substring(2)));
            }
        }
        return fields;
    }

    private int at(BaseDescr descr) {
        return positions.of(descr);
    }

    private void refuse(String construct, String why, int offset) {
        messages.add(new ModelMessage(model.name(), Severity.ERROR, "not allowed in a tariff model: " + construct
                + " (" + why + ")", positions.location(offset)));
    }
}
