package ru.ccbilling.document.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * The printed forms' templates: {@code templates/documents/<form>.mustache} on the class path (Mustache, logic-less:
 * the layout, the labels and the styles are in the template; Java gives formatted values), partials
 * ({@code {{>_name}}}) from the same folder. Values are escaped for XHTML; a missing value is an error, so a typo in a
 * template fails its first render (every form is rendered by the tests). Compiled once, safe across threads.
 */
final class Templates {

    private static final String FOLDER = "/templates/documents/";
    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(true).withLoader(Templates::reader);
    private static final ConcurrentHashMap<String, Template> COMPILED = new ConcurrentHashMap<>();

    private Templates() { }

    /** the XHTML of form {@code name} filled from {@code model} (maps, lists, strings, booleans) */
    static String render(String name, Object model) {
        return COMPILED.computeIfAbsent(name, n -> {
            try (Reader reader = reader(n)) {
                return COMPILER.compile(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).execute(model);
    }

    private static Reader reader(String name) {
        InputStream in = Templates.class.getResourceAsStream(FOLDER + name + ".mustache");
        if (in == null) {
            throw new IllegalStateException("no template " + FOLDER + name + ".mustache");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
