package ru.ccbilling.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import ru.ccbilling.rules.CodeTokens.Kind;
import ru.ccbilling.rules.CodeTokens.Token;

/**
 * What the code inside a rule may say. A constraint compares fields of its fact with literals and bound
 * variables; a consequence inserts one {@link Line} made by a Line builder from bound variables, literals,
 * arithmetic, {@link Rounding} helpers and {@code Rate.times}. Every name is checked against these allow-lists:
 * anything else (another class, a method, {@code new}, a loop, a lambda, engine access) is refused, so a model
 * cannot reach Java. Nothing here is a deny-list; the deny-list in {@link #explain} only names what was refused.
 */
final class RuleCodeCheck {

    /** the static calls a consequence may make, by class; each is a pure function of its arguments */
    static final Map<String, Set<String>> STATIC_CALLS = Map.of(
            "Line", Set.of("perMinute", "free", "perCall", "stagePerMinute", "perSecond", "stagePerCall", "freeStage",
                    "includedStage", "participantPerMinute", "freeParticipant"),
            "Rounding", Set.of("startedMinutes", "thirtySix", "everyStarted", "firstThenEvery"));
    /** the instance calls a consequence may make on a bound variable: a rate times a factor */
    static final Set<String> INSTANCE_CALLS = Set.of("times");

    private static final Set<String> CONSTRAINT_SYMBOLS = Set.of("==", "!=", "<", "<=", ">", ">=", "&&", "||", "!",
            "+", "-", "*", "/", "%", "(", ")", ",", ":");
    private static final Set<String> CONSTRAINT_WORDS = Set.of("true", "false", "null", "in", "not");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");
    private static final Pattern PLAIN_DECIMAL_STRING = Pattern.compile("\"\\d{1,6}(\\.\\d{1,6})?\"");
    private static final Pattern BINDING = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io",
            "ru", "kotlin", "groovy", "scala", "mvel", "mvel2");

    /** Code a model may not contain: the construct named, why, and its offset in the code. */
    static final class Refused extends Exception {
        final String construct;
        final int offset;

        Refused(String construct, String why, int offset) {
            super(why);
            this.construct = construct;
            this.offset = offset;
        }
    }

    private RuleCodeCheck() { }

    static boolean isBindingName(String name) {
        return BINDING.matcher(name).matches();
    }

    /** A constraint of a pattern: fields of its fact type, bound variables, literals, comparisons, arithmetic. */
    static void checkConstraint(String code, Set<String> fields, Set<String> bindings) throws Refused {
        List<Token> tokens = tokens(code);
        refuseFunctionalCode(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case STRING -> { }
                case NUMBER -> requirePlainNumber(t);
                case SYMBOL -> {
                    if (!CONSTRAINT_SYMBOLS.contains(t.text())) {
                        throw symbol(t, "a constraint compares fields with literals and bound variables");
                    }
                    if (t.is(":") && (i == 0 || !isBindingName(tokens.get(i - 1).text()))) {
                        throw new Refused("`:`", "`:` only binds a variable, as in `$d : durationSec`", t.offset());
                    }
                }
                case NAME -> {
                    String name = t.text();
                    boolean ok = CONSTRAINT_WORDS.contains(name) || fields.contains(name)
                            || (isBindingName(name) && bindings.contains(name));
                    if (!ok) {
                        throw named(tokens, i, "a constraint may name only the fields of its fact ("
                                + String.join(", ", fields.stream().sorted().toList()) + "), bound variables and literals");
                    }
                }
            }
        }
    }

    /** A consequence: at most one {@code insert(<Line builder call>);}. */
    static void checkConsequence(String code, Set<String> bindings) throws Refused {
        List<Token> tokens = tokens(code);
        refuseFunctionalCode(tokens);
        new Consequence(tokens, bindings).statements();
    }

    /** lambdas and method references are named as such wherever they stand */
    private static void refuseFunctionalCode(List<Token> tokens) throws Refused {
        for (Token t : tokens) {
            if (t.is("->") || t.is("::")) {
                throw symbol(t, "rules contain no code of their own");
            }
        }
    }

    private static List<Token> tokens(String code) throws Refused {
        try {
            return CodeTokens.of(code);
        } catch (CodeTokens.Unreadable e) {
            throw new Refused(e.getMessage(), "the code cannot be read safely", e.offset);
        }
    }

    private static void requirePlainNumber(Token t) throws Refused {
        if (!PLAIN_NUMBER.matcher(t.text()).matches()) {
            throw new Refused("the number " + t.text(), "numbers are plain decimals of up to 9 digits before and after"
                    + " the point (no hex, suffixes, exponents)", t.offset());
        }
    }

    private static Refused symbol(Token t, String why) {
        String construct = switch (t.text()) {
            case "->" -> "a lambda `->`";
            case "::" -> "a method reference `::`";
            case "." -> "member access `.`";
            case "{", "}" -> "a block or inline collection `" + t.text() + "`";
            case "[", "]" -> "an array or index `" + t.text() + "`";
            case "=", "+=", "-=", "*=", "/=", "%=", ":=", "++", "--" -> "an assignment `" + t.text() + "`";
            case "#" -> "an MVEL cast `#`";
            case "@" -> "an annotation or MVEL template `@`";
            default -> "`" + t.text() + "`";
        };
        return new Refused(construct, why, t.offset());
    }

    /** names what was refused, so the author sees "reflection `getClass`" rather than an unknown name */
    private static Refused named(List<Token> tokens, int i, String why) {
        Token t = tokens.get(i);
        String name = t.text();
        if (PACKAGE_ROOTS.contains(name) && i + 1 < tokens.size() && tokens.get(i + 1).is(".")) {
            StringBuilder qualified = new StringBuilder(name);
            for (int j = i + 1; j + 1 < tokens.size() && tokens.get(j).is(".")
                    && tokens.get(j + 1).kind() == Kind.NAME; j += 2) {
                qualified.append('.').append(tokens.get(j + 1).text());
            }
            return new Refused("the fully qualified name " + qualified, why, t.offset());
        }
        String construct = switch (name) {
            case "new" -> "`new`";
            case "for", "while", "do" -> "the loop `" + name + "`";
            case "if", "else", "switch", "return", "try", "catch", "throw", "synchronized", "break", "continue" ->
                    "the statement `" + name + "`";
            case "modify", "update", "retract", "delete", "insertLogical" -> "`" + name
                    + "` (a rule only inserts lines)";
            case "drools", "kcontext", "kieRuntime", "this", "super" -> "engine access `" + name + "`";
            case "getClass", "forName", "Class", "ClassLoader", "getMethod", "getDeclaredMethod", "invoke",
                    "newInstance", "getConstructor", "loadClass", "MethodHandles", "class" -> "reflection `" + name + "`";
            case "System", "Runtime", "Thread", "ProcessBuilder", "Files", "File", "Paths", "Path", "Process" ->
                    "the platform class `" + name + "`";
            case "eval" -> "`eval`";
            default -> isBindingName(name) ? "the unbound variable `" + name + "`" : "the name `" + name + "`";
        };
        return new Refused(construct, why, t.offset());
    }

    /** recursive descent over the few forms a consequence may take */
    private static final class Consequence {
        private static final String WHY = "a consequence may only be insert(Line.<builder>(...)); with bound"
                + " variables, literals, + - * / %, Rounding.<helper>(...) and $rate.times(\"<factor>\")";
        private final List<Token> tokens;
        private final Set<String> bindings;
        private int i;
        private int inserts;

        Consequence(List<Token> tokens, Set<String> bindings) {
            this.tokens = tokens;
            this.bindings = bindings;
        }

        void statements() throws Refused {
            while (i < tokens.size()) {
                Token start = peek();
                if (!start.is("insert")) {
                    throw refuse();
                }
                if (++inserts > 1) {
                    throw new Refused("a second `insert`", "a rule inserts at most one line", start.offset());
                }
                i++;
                expect("(");
                expression();
                expect(")");
                expect(";");
            }
        }

        private void expression() throws Refused {
            term();
            while (peekIs("+") || peekIs("-")) {
                i++;
                term();
            }
        }

        private void term() throws Refused {
            unary();
            while (peekIs("*") || peekIs("/") || peekIs("%")) {
                i++;
                unary();
            }
        }

        private void unary() throws Refused {
            if (peekIs("-")) {
                i++;
                unary();
                return;
            }
            primary();
            while (peekIs(".")) {
                i++;
                Token method = peek();
                if (method.kind() != Kind.NAME || !INSTANCE_CALLS.contains(method.text())) {
                    throw refuse();
                }
                i++;
                if (method.text().equals("times") && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.STRING
                        && !PLAIN_DECIMAL_STRING.matcher(tokens.get(i + 1).text()).matches()) {
                    throw new Refused("the factor " + tokens.get(i + 1).text(), "a factor is a plain decimal such as"
                            + " \"0.5\"", tokens.get(i + 1).offset());
                }
                arguments();
            }
        }

        private void primary() throws Refused {
            Token t = peek();
            switch (t.kind()) {
                case NUMBER -> {
                    requirePlainNumber(t);
                    i++;
                }
                case STRING -> {
                    if (!t.text().startsWith("\"")) {
                        throw new Refused("the char literal " + t.text(), "strings are written in double quotes",
                                t.offset());
                    }
                    i++;
                }
                case SYMBOL -> {
                    if (!t.is("(")) {
                        throw refuse();
                    }
                    i++;
                    expression();
                    expect(")");
                }
                case NAME -> {
                    if (t.is("true") || t.is("false") || (isBindingName(t.text()) && bindings.contains(t.text()))) {
                        i++;
                    } else if (STATIC_CALLS.containsKey(t.text())) {
                        i++;
                        expect(".");
                        Token method = peek();
                        if (method.kind() != Kind.NAME || !STATIC_CALLS.get(t.text()).contains(method.text())) {
                            throw new Refused("`" + t.text() + "." + method.text() + "`", t.text() + " offers only "
                                    + String.join(", ", STATIC_CALLS.get(t.text()).stream().sorted().toList()),
                                    method.offset());
                        }
                        i++;
                        arguments();
                    } else {
                        throw refuse();
                    }
                }
            }
        }

        private void arguments() throws Refused {
            expect("(");
            if (peekIs(")")) {
                i++;
                return;
            }
            expression();
            while (peekIs(",")) {
                i++;
                expression();
            }
            expect(")");
        }

        private void expect(String symbol) throws Refused {
            if (!peekIs(symbol)) {
                throw refuse();
            }
            i++;
        }

        private boolean peekIs(String symbol) {
            return i < tokens.size() && tokens.get(i).is(symbol);
        }

        private Token peek() throws Refused {
            if (i >= tokens.size()) {
                int end = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).offset();
                throw new Refused("an incomplete statement", WHY, end);
            }
            return tokens.get(i);
        }

        private Refused refuse() throws Refused {
            Token t = peek();
            return t.kind() == Kind.NAME ? named(tokens, i, WHY) : t.kind() == Kind.SYMBOL ? symbol(t, WHY)
                    : new Refused(t.text(), WHY, t.offset());
        }
    }
}
