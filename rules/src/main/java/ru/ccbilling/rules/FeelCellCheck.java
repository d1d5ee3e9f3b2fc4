package ru.ccbilling.rules;

import java.util.ArrayList;
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
        List<String> tokens = new ArrayList<>();
        int depth = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (text.startsWith("//", i)) {
                i = CodeTokens.endOfLine(text, i);
                continue;
            }
            if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return "an unterminated comment";
                }
                i = end + 2;
                continue;
            }
            if (c == '"' || (c == '@' && i + 1 < text.length() && text.charAt(i + 1) == '"')) {
                int j = c == '@' ? i + 2 : i + 1;
                while (j < text.length() && text.charAt(j) != '"') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= text.length()) {
                    return "an unterminated string";
                }
                tokens.add("\"");
                i = j + 1;
                continue;
            }
            if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))
                    && !text.startsWith("..", i))) {
                int j = i + 1;
                while (j < text.length() && (Character.isDigit(text.charAt(j))
                        || (text.charAt(j) == '.' && !text.startsWith("..", j)))) {
                    j++;
                }
                tokens.add("0");
                i = j;
                continue;
            }
            if (Character.isLetter(c) || c == '_' || c == '?') {
                int j = i + 1;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_'
                        || text.charAt(j) == '?' || text.charAt(j) == '\'')) {
                    j++;
                }
                String word = text.substring(i, j);
                if (REFUSED_WORDS.contains(word)) {
                    return word.equals("function") || word.equals("external") ? "the function definition `" + word + "`"
                            : "the iteration `" + word + "`";
                }
                tokens.add(word);
                i = j;
                continue;
            }
            String symbol = text.startsWith("..", i) ? ".." : text.startsWith("**", i) ? "**" : String.valueOf(c);
            switch (symbol) {
                case "(", "[" -> {
                    if (symbol.equals("(")) {
                        String callee = callee(tokens);
                        if (callee != null && !ALLOWED_CALLS.contains(callee)) {
                            return callee.equals(A_VALUE) ? "an invocation `(` of a value"
                                    : "the function call `" + callee + "(`";
                        }
                    }
                    depth++;
                }
                case ")", "]" -> depth--;
                case ".." -> {
                    if (depth <= 0) {
                        return "a range `..` outside an interval test";
                    }
                }
                case "." -> {
                    return "a path `.` into a value";
                }
                case "{", "}" -> {
                    return "a context `{`";
                }
                case "**" -> {
                    return "exponentiation `**`";
                }
                default -> {
                    if ("<>=!+-*/,:".indexOf(c) < 0) {
                        return "`" + symbol + "`";
                    }
                }
            }
            tokens.add(symbol);
            i += symbol.length();
        }
        return null;
    }

    /** the name a "(" calls, or null when it opens a group or an interval */
    private static String callee(List<String> tokens) {
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
        if (OPERATOR_WORDS.contains(last) && !last.equals("not")) {
            return null;
        }
        return last;
    }
}
