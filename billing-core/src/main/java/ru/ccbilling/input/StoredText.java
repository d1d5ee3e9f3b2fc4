package ru.ccbilling.input;

import ru.ccbilling.refusal.Text;

/**
 * Text that PostgreSQL stores byte for byte and the API gives back unchanged. PostgreSQL refuses the NUL character
 * (a 5xx when it reaches the database) and the driver writes a lone UTF-16 surrogate as '?', so the stored value
 * would differ from the one sent. Other control characters make text unreadable in documents and listings.
 */
public final class StoredText {

    private static final String PATH_BREAKERS = "/\\;%\u2028\u2029";

    private StoredText() { }

    /** why free text (a name, an address, a comment, a model) cannot be stored, or null; tab and line breaks are fine */
    public static Text problem(String text) {
        return problem(text, true);
    }

    /**
     * Why an identifier (a source, a record id, an account or operator code) cannot be stored, or null. Besides free
     * text's rules it has no line breaks or tabs, and none of the characters a URL path cannot carry through
     * Tomcat and Spring Security's firewall even when encoded ({@code / \ ; %}, U+2028, U+2029), and it is not "."
     * or "..", which paths normalise away: so it reads back through a path such as
     * {@code /api/v1/cdrs/{source}/{cdrId}}.
     */
    public static Text identifierProblem(String text) {
        Text problem = problem(text, false);
        if (problem != null) {
            return problem;
        }
        for (int i = 0; i < text.length(); i++) {
            if (PATH_BREAKERS.indexOf(text.charAt(i)) >= 0) {
                return Text.of("text.pathCharacters");
            }
        }
        if (text.equals(".") || text.equals("..")) {
            return Text.of("text.dots");
        }
        return null;
    }

    private static Text problem(String text, boolean lineBreaks) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Text.of("text.nul", i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Text.of("text.surrogate", i);
            }
            if (Character.isLowSurrogate(c)) {
                return Text.of("text.surrogate", i);
            }
            if (Character.isISOControl(c) && !(lineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
                return Text.of("text.control", String.format("U+%04X", (int) c), i);
            }
        }
        return null;
    }
}
