package ru.ccbilling.document.edo;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/**
 * The encoding the ФНС formats require. Element and attribute names of the formats are Cyrillic letters the
 * encoding has; a character of the data it lacks (a Latin accent, an emoji) is written as a character reference,
 * which is valid wherever data can stand (text and attribute values).
 */
final class Cp1251 {

    static final String NAME = "windows-1251";
    static final Charset CHARSET = Charset.forName(NAME);

    private Cp1251() { }

    static byte[] encode(String xml) {
        CharsetEncoder encoder = CHARSET.newEncoder();
        StringBuilder run = new StringBuilder(xml.length() + 64);
        xml.codePoints().forEach(cp -> {
            String ch = Character.toString(cp);
            if (encoder.canEncode(ch)) {
                run.append(ch);
            } else {
                run.append("&#").append(cp).append(';');
            }
        });
        return run.toString().getBytes(CHARSET);
    }
}
