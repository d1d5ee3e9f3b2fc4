package ru.ccbilling.document.form;

import java.util.List;

import ru.ccbilling.document.Statement;

/**
 * Envelopes for paper delivery, one per page, sized as the envelope: DL (220 × 110 mm) or C5 (229 × 162 mm):
 * template {@code envelope-labels.mustache} (the sender top left, the recipient lower right, the destination's postal
 * code in large digits lower left, as Russian Post expects), filled from {@link FormModel#envelopes}.
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

    /** the XHTML of the envelopes of {@code sender}'s paper deliveries, one page each, in the order given */
    public static String html(Statement.Seller sender, List<Envelope> envelopes, Size size) {
        return Templates.render("envelope-labels", FormModel.envelopes(sender, envelopes, size));
    }
}
