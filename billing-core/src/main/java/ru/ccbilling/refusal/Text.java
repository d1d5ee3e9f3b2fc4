package ru.ccbilling.refusal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A text a person reads, kept as a key of the {@link Catalogue} and its arguments until the reader's language is
 * known. Arguments are inserted as written ({@code {0}}, {@code {1}}…), never formatted: a code, a month or an
 * amount reads the same in every language. A text from outside the catalogue (an engine's compile message, a value
 * quoted back) is {@link #verbatim}.
 */
public record Text(String key, List<String> args) {

    public Text {
        Objects.requireNonNull(args);
        args = List.copyOf(args);
    }

    public static Text of(String key, Object... args) {
        return new Text(Objects.requireNonNull(key), Arrays.stream(args).map(String::valueOf).toList());
    }

    /** a text shown as it is, in whatever language it was written */
    public static Text verbatim(String text) {
        return new Text(null, List.of(String.valueOf(text)));
    }

    public String in(Locale locale) {
        return Catalogue.render(this, locale);
    }

    /** the Russian text, for logs, job results and everything stored */
    public String russian() {
        return in(Catalogue.RUSSIAN);
    }

    @Override
    public String toString() {
        return russian();
    }
}
