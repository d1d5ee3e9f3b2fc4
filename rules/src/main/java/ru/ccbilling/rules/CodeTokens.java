package ru.ccbilling.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of a piece of rule code (a constraint or a consequence), read the way Java and MVEL read it:
 * string and char literals with their escapes, comments, numbers, names and operators. The model checks look
 * at tokens, never at raw text, so a name hidden in a comment or a string is not a name, and a name is never
 * missed because of spacing. Unicode escapes are refused before this point (the Java compiler would expand
 * them even inside comments).
 */
final class CodeTokens {

    enum Kind { NAME, STRING, NUMBER, SYMBOL }

    record Token(Kind kind, String text, int offset) {
        boolean is(String symbolOrName) {
            return (kind == Kind.SYMBOL || kind == Kind.NAME) && text.equals(symbolOrName);
        }
    }

    /** A piece of code the lexer cannot read safely, at an offset of the code. */
    static final class Unreadable extends Exception {
        final int offset;

        Unreadable(String construct, int offset) {
            super(construct);
            this.offset = offset;
        }
    }

    private static final List<String> LONG_SYMBOLS = List.of("...", "->", "::", "==", "!=", "<=", ">=", "&&", "||",
            "++", "--", "+=", "-=", "*=", "/=", "%=", ":=", "..", "<<", ">>");

    private CodeTokens() { }

    static List<Token> of(String code) throws Unreadable {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (code.startsWith("//", i)) {
                // Java ends a line comment at CR as well as LF: a lone CR must not hide the code after it
                i = endOfLine(code, i);
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new Unreadable("an unterminated comment", i);
                }
                i = end + 2;
            } else if (c == '"' || c == '\'') {
                int end = endOfString(code, i, c);
                tokens.add(new Token(Kind.STRING, code.substring(i, end), i));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i;
                while (end < code.length() && (Character.isLetterOrDigit(code.charAt(end)) || code.charAt(end) == '_'
                        || (code.charAt(end) == '.' && end + 1 < code.length() && Character.isDigit(code.charAt(end + 1))))) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, code.substring(i, end), i));
                i = end;
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.NAME, code.substring(i, end), i));
                i = end;
            } else {
                String symbol = String.valueOf(c);
                for (String s : LONG_SYMBOLS) {
                    if (code.startsWith(s, i)) {
                        symbol = s;
                        break;
                    }
                }
                tokens.add(new Token(Kind.SYMBOL, symbol, i));
                i += symbol.length();
            }
        }
        return tokens;
    }

    static int endOfLine(String code, int from) {
        int i = from;
        while (i < code.length() && code.charAt(i) != '\n' && code.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int endOfString(String code, int start, char quote) throws Unreadable {
        if (quote == '"' && code.startsWith("\"\"\"", start)) {
            throw new Unreadable("a text block \"\"\"", start);
        }
        int i = start + 1;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\') {
                if (i + 1 >= code.length() || "btnfr\"'\\".indexOf(code.charAt(i + 1)) < 0) {
                    throw new Unreadable("the escape \\" + (i + 1 < code.length() ? code.charAt(i + 1) : ""), i);
                }
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n' || c == '\r') {
                break;
            } else {
                i++;
            }
        }
        throw new Unreadable("an unterminated string", start);
    }
}
