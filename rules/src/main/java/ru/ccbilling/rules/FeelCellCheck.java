package ru.ccbilling.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a FEEL cell of a decision table may say: literals, names, comparisons, intervals, arithmetic, and calls of
 * {@code not}, {@code date}, {@code time}, {@code date and time}, {@code duration}. Refused: iteration
 * ({@code for}, {@code some}, {@code every}), function definitions ({@code function}, {@code external}, which
 * reach Java), any other function call, contexts, paths into values and exponentiation: none is needed by a
 * table, and each can run code or run for ever.
 */
final class FeelCellCheck {

    static final int MAX_CHARS = 2_000;
    private static final Set<String> REFUSED_WORDS = Set.of("for", "some", "every", "function", "external", "return",
            "satisfies");
    private static final Set<String> ALLOWED_CALLS = Set.of("not", "date", "time", "date and time", "duration",
            "years and months duration");
    private static final Set<String> OPERATOR_WORDS = Set.of("and", "or", "in", "between", "if", "then", "else",
            "instance", "of", "not");
    private static final String A_VALUE = "";

    private FeelCellCheck() { }

    /** the refused construct of a cell, or null when the cell is allowed */
    static String refusal(String text) {
        if (text.length() > MAX_CHARS) {
            return "a cell of " + text.length() + " characters (at most " + MAX_CHARS + ")";
        }
        Reading reading = new Reading(text);
        String unreadable = reading.read();
        return unreadable != null ? unreadable : reading.verdict();
    }

    /** one pass over a cell: the words it uses and the first construct a table does not need */
    private static final class Reading {
        private final String text;
        private final List<String> tokens = new ArrayList<>();
        private final Set<String> refusedWords = new HashSet<>();
        private String structural;
        private int depth;
        private int i;

        Reading(String text) {
            this.text = text;
        }

        /** reads the whole cell; the reason it cannot be read, or null */
        String read() {
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (text.startsWith("//", i)) {
                    i = CodeTokens.endOfLine(text, i);
                } else if (text.startsWith("/*", i)) {
                    int end = text.indexOf("*/", i + 2);
                    if (end < 0) {
                        return "an unterminated comment";
                    }
                    i = end + 2;
                } else if (c == '"' || (c == '@' && text.startsWith("@\"", i))) {
                    if (!string()) {
                        return "an unterminated string";
                    }
                } else if (Character.isDigit(c) || (c == '.' && i + 1 < text.length()
                        && Character.isDigit(text.charAt(i + 1)))) {
                    number();
                } else if (Character.isLetter(c) || c == '_' || c == '?') {
                    word();
                } else {
                    symbol(c);
                }
            }
            return null;
        }

        /** the most telling construct first: a door to Java, then a loop, then any other */
        String verdict() {
            if (refusedWords.contains("external")) {
                return "an external Java function (`function ... external`)";
            }
            if (refusedWords.contains("function")) {
                return "the function definition `function`";
            }
            for (String loop : List.of("for", "some", "every")) {
                if (refusedWords.contains(loop)) {
                    return "the iteration `" + loop + "`";
                }
            }
            return refusedWords.isEmpty() ? structural : "`" + refusedWords.iterator().next() + "`";
        }

        private boolean string() {
            int j = text.charAt(i) == '@' ? i + 2 : i + 1;
            while (j < text.length() && text.charAt(j) != '"') {
                j += text.charAt(j) == '\\' ? 2 : 1;
            }
            if (j >= text.length()) {
                return false;
            }
            tokens.add("\"");
            i = j + 1;
            return true;
        }

        private void number() {
            int j = i + 1;
            while (j < text.length() && (Character.isDigit(text.charAt(j))
                    || (text.charAt(j) == '.' && !text.startsWith("..", j)))) {
                j++;
            }
            tokens.add("0");
            i = j;
        }

        private void word() {
            int j = i + 1;
            while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_'
                    || text.charAt(j) == '?' || text.charAt(j) == '\'')) {
                j++;
            }
            String word = text.substring(i, j);
            if (REFUSED_WORDS.contains(word)) {
                refusedWords.add(word);
            }
            tokens.add(word);
            i = j;
        }

        private void symbol(char c) {
            String symbol = text.startsWith("..", i) ? ".." : text.startsWith("**", i) ? "**" : String.valueOf(c);
            switch (symbol) {
                case "(" -> {
                    String callee = callee();
                    if (callee != null && !ALLOWED_CALLS.contains(callee)) {
                        refuse(callee.equals(A_VALUE) ? "an invocation `(` of a value" : "the function call `" + callee + "(`");
                    }
                    depth++;
                }
                case "[" -> depth++;
                case ")", "]" -> depth--;
                case ".." -> {
                    if (depth <= 0) {
                        refuse("a range `..` outside an interval test");
                    }
                }
                case "." -> refuse("a path `.` into a value");
                case "{", "}" -> refuse("a context `{`");
                case "**" -> refuse("exponentiation `**`");
                default -> {
                    if ("<>=!+-*/,:".indexOf(c) < 0) {
                        refuse("`" + symbol + "`");
                    }
                }
            }
            tokens.add(symbol);
            i += symbol.length();
        }

        private void refuse(String construct) {
            structural = structural == null ? construct : structural;
        }

        /** the name a "(" calls, or null when it opens a group or an interval */
        private String callee() {
            if (tokens.isEmpty()) {
                return null;
            }
            String last = tokens.get(tokens.size() - 1);
            if (last.equals(")") || last.equals("]") || last.equals("\"") || last.equals("0")) {
                return A_VALUE;
            }
            if (!Character.isLetter(last.charAt(0)) && last.charAt(0) != '_' && last.charAt(0) != '?') {
                return null;
            }
            int n = tokens.size();
            if (n >= 3 && String.join(" ", tokens.subList(n - 3, n)).equals("date and time")) {
                return "date and time";
            }
            if (n >= 4 && String.join(" ", tokens.subList(n - 4, n)).equals("years and months duration")) {
                return "years and months duration";
            }
            return OPERATOR_WORDS.contains(last) && !last.equals("not") ? null : last;
        }
    }
}
