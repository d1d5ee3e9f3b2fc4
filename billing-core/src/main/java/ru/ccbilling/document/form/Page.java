package ru.ccbilling.document.form;

/**
 * The font families the templates name ({@code font-family}) and {@link PdfRendering} embeds; the page frame itself
 * (size, margins, shared styles) is in the templates ({@code _head.mustache}, {@code envelope-labels.mustache}).
 */
final class Page {

    static final String SANS = "DejaVu Sans";
    static final String CONDENSED = "DejaVu Sans Condensed";

    private Page() { }
}
