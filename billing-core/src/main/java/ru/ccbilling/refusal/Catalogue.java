package ru.ccbilling.refusal;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one catalogue of texts shown to people, in Russian (the base bundle) and English ({@code _en}). Each module
 * keeps its texts in its own bundle ({@code messages/billing} in billing-core, {@code messages/rating} in the
 * application); a key is looked up in each in turn. The language is Russian unless English is asked for.
 */
public final class Catalogue {

    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final List<String> BUNDLES = List.of("messages/billing", "messages/rating");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Catalogue() { }

    /** English for a reader who asked for it, Russian for everyone else */
    public static Locale supported(Locale asked) {
        return asked != null && "en".equals(asked.getLanguage()) ? Locale.ENGLISH : RUSSIAN;
    }

    public static String render(Text text, Locale locale) {
        if (text.key() == null) {
            return text.args().get(0);
        }
        String pattern = pattern(text.key(), supported(locale));
        for (int i = 0; i < text.args().size(); i++) {
            pattern = pattern.replace("{" + i + "}", text.args().get(i));
        }
        return pattern;
    }

    /** whether the catalogue has a text for {@code key} in both languages */
    public static boolean has(String key) {
        return find(key, RUSSIAN) != null && find(key, Locale.ENGLISH) != null;
    }

    private static String pattern(String key, Locale locale) {
        String found = find(key, locale);
        if (found == null) {
            throw new IllegalStateException("no text '" + key + "' in the catalogue for " + locale);
        }
        return found;
    }

    private static String find(String key, Locale locale) {
        Locale bundleLocale = locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.ROOT;
        for (String name : BUNDLES) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(name, bundleLocale, Catalogue.class.getClassLoader(), NO_FALLBACK);
                if (bundle.getLocale().equals(bundleLocale) && bundle.containsKey(key)) {
                    return bundle.getString(key);
                }
            } catch (MissingResourceException absent) {
                // this module's bundle is not on the class path (billing-core alone has no rating texts)
            }
        }
        return null;
    }
}
