package ru.ccbilling.document.form;

/** The XHTML frame of every form: the embedded fonts, the page size, the shared styles. */
final class Page {

    static final String SANS = "DejaVu Sans";
    static final String CONDENSED = "DejaVu Sans Condensed";

    private static final String COMMON = """
            body { margin: 0; color: #000; }
            table { border-collapse: collapse; }
            td, th { vertical-align: top; }
            .grid { width: 100%; }
            .grid td, .grid th { border: 0.6pt solid #000; padding: 1.5pt 2.5pt; }
            .grid th { font-weight: normal; text-align: center; vertical-align: middle; }
            .grid .numbers td { text-align: center; padding: 0.5pt; font-size: 90%; }
            .r { text-align: right; white-space: nowrap; }
            .c { text-align: center; }
            .b { font-weight: bold; }
            .small { font-size: 75%; }
            .line { border-bottom: 0.6pt solid #000; }
            .hint { font-size: 70%; text-align: center; vertical-align: top; padding-top: 0; }
            .nob td { border: none; }
            """;

    private Page() { }

    /** a complete XHTML document; {@code landscape} for the Decree 1137 forms and the UPD */
    static String of(String title, boolean landscape, String css, String body) {
        String font = landscape ? CONDENSED : SANS;
        String page = landscape ? "@page { size: A4 landscape; margin: 8mm 8mm 8mm 10mm; }"
                : "@page { size: A4; margin: 12mm 10mm 12mm 18mm; }";
        return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"ru\"><head><meta charset=\"UTF-8\"/>"
                + "<title>" + Fmt.x(title) + "</title><style>\n" + page + "\nbody { font-family: '" + font + "'; font-size: "
                + (landscape ? "7.5pt" : "9pt") + "; }\n" + COMMON + css + "</style></head><body>\n" + body + "\n</body></html>\n";
    }
}
