package ru.ccbilling.rules;

import org.drools.drl.ast.descr.BaseDescr;

/**
 * Where things are in a DRL model's text: the parser gives lines and columns of descriptions, the code checks
 * give offsets inside a constraint or a consequence; a refusal is reported as "line L, column C", as the editor
 * of the admin UI reads it.
 */
final class SourcePositions {

    private final String source;

    SourcePositions(String source) {
        this.source = source;
    }

    /** the offset of a description's start, or 0 when the parser gave no line */
    int of(BaseDescr descr) {
        if (descr == null || descr.getLine() <= 0) {
            return 0;
        }
        return lineStart(descr.getLine()) + Math.max(0, descr.getColumn());
    }

    /** the offset of a description's text in the source, or -1 when the parser normalised it */
    int ofText(String text, BaseDescr descr) {
        if (descr.getLine() <= 0) {
            return -1;
        }
        int exact = of(descr);
        return source.startsWith(text, exact) ? exact : source.indexOf(text, lineStart(descr.getLine()));
    }

    /** the offset of a text at or after the start of a line, or -1 */
    int ofText(String text, int line) {
        return text.isBlank() ? -1 : source.indexOf(text, lineStart(line));
    }

    int lineStart(int line) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int next = source.indexOf('\n', offset);
            if (next < 0) {
                return source.length();
            }
            offset = next + 1;
        }
        return offset;
    }

    String location(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(offset, source.length()); i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (offset - lineStart + 1);
    }
}
