package ru.ccbilling.document.form;

import static ru.ccbilling.document.form.Fmt.x;

import java.util.List;

import ru.ccbilling.document.Statement;

/**
 * Envelopes for paper delivery, one per page, sized as the envelope: DL (220 × 110 mm) or C5 (229 × 162 mm).
 * The sender («От кого / Откуда») top left, the recipient («Кому / Куда») lower right, the postal code of the
 * destination in large digits lower left, as Russian Post expects.
 */
public final class EnvelopeLabels {

    public enum Size {
        DL(220, 110), C5(229, 162);

        final int widthMm;
        final int heightMm;

        Size(int widthMm, int heightMm) {
            this.widthMm = widthMm;
            this.heightMm = heightMm;
        }
    }

    public record Envelope(String recipient, String postalCode, String address, Statement.DeliveryMethod method) { }

    private EnvelopeLabels() { }

    public static String html(Statement.Seller sender, List<Envelope> envelopes, Size size) {
        int w = size.widthMm;
        int h = size.heightMm;
        String css = "@page { size: " + w + "mm " + h + "mm; margin: 0; }\n"
                + ".env { position: relative; width: " + w + "mm; height: " + h + "mm; page-break-after: always; }\n"
                + ".from { position: absolute; left: 10mm; top: 8mm; width: 95mm; font-size: 8pt; line-height: 1.35; }\n"
                + ".to { position: absolute; left: " + (w - 112) + "mm; top: " + (h - 58) + "mm; width: 102mm; font-size: 10.5pt; line-height: 1.5; }\n"
                + ".lbl { font-size: 7pt; color: #333; }\n"
                + ".val { border-bottom: 0.5pt solid #000; }\n"
                + ".index { position: absolute; left: 10mm; top: " + (h - 28) + "mm; font-size: 22pt; letter-spacing: 3pt; font-weight: bold; }\n"
                + ".method { position: absolute; left: 10mm; top: " + (h - 36) + "mm; font-size: 7pt; }\n";
        StringBuilder b = new StringBuilder();
        for (Envelope e : envelopes) {
            b.append("<div class=\"env\"><div class=\"from\"><span class=\"lbl\">От кого</span><div class=\"val\">")
                    .append(x(sender.name())).append("</div><span class=\"lbl\">Откуда</span><div class=\"val\">")
                    .append(x(sender.address())).append("</div></div>")
                    .append("<div class=\"to\"><span class=\"lbl\">Кому</span><div class=\"val\"><b>").append(x(e.recipient()))
                    .append("</b></div><span class=\"lbl\">Куда</span><div class=\"val\">").append(x(e.address()))
                    .append("</div><span class=\"lbl\">Индекс</span><div class=\"val\"><b>").append(x(e.postalCode()))
                    .append("</b></div></div>")
                    .append("<div class=\"method\">").append(e.method() == Statement.DeliveryMethod.COURIER ? "Курьерская доставка" : "Почта России")
                    .append("</div><div class=\"index\">").append(x(e.postalCode())).append("</div></div>\n");
        }
        return Page.of("Конверты " + size, false, css, b.toString()).replace("@page { size: A4; margin: 12mm 10mm 12mm 18mm; }", "");
    }
}
