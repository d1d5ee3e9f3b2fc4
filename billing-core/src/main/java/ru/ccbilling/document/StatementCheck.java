package ru.ccbilling.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Text;

/** What a statement must carry for the forms it produces; a gap is refused naming the field (422). */
final class StatementCheck {

    private StatementCheck() { }

    /** a field the documents need and why; {@code why} null when the field itself says it */
    record Gap(String field, Text why) {

        Text reason() {
            return why == null ? Text.of("value.required") : why;
        }

        String russian() {
            return why == null ? field : field + " (" + why.russian() + ")";
        }
    }

    /** the missing fields with why each is needed; empty when the statement can be issued */
    static List<Gap> missing(Statement s) {
        List<Gap> out = new ArrayList<>();
        Statement.Seller seller = s.seller();
        if (seller == null) {
            out.add(new Gap("seller", Text.of("document.need.seller")));
            return out;
        }
        need(out, seller.name(), "seller.name", null);
        need(out, seller.inn(), "seller.inn", "document.need.row2b");
        need(out, seller.address(), "seller.address", "document.need.row2a");
        need(out, seller.head(), "seller.head", "document.need.headSignature");
        need(out, seller.chiefAccountant(), "seller.chiefAccountant", "document.need.accountantSignature");
        if (seller.bank() == null || blank(seller.bank().bik()) || blank(seller.bank().settlementAccount())) {
            out.add(new Gap("seller.bank", Text.of("document.need.bank")));
        }
        Statement.Client client = s.client();
        if (client == null) {
            out.add(new Gap("client", null));
            return out;
        }
        need(out, client.name(), "client.name", null);
        need(out, client.inn(), "client.inn", "document.need.row6b");
        // organisations have a 10-digit INN and a KPP; individual entrepreneurs (12 digits) have none
        if (client.inn() != null && client.inn().trim().length() == 10) {
            need(out, client.kpp(), "client.kpp", "document.need.row6b");
        }
        need(out, client.legalAddress(), "client.legalAddress", "document.need.row6a");
        if (client.delivery() == null) {
            out.add(new Gap("client.delivery", null));
        } else if (client.delivery() == Statement.DeliveryMethod.POST || client.delivery() == Statement.DeliveryMethod.COURIER) {
            if (client.postalAddress() == null || blank(client.postalAddress().postalCode()) || blank(client.postalAddress().address())) {
                out.add(new Gap("client.postalAddress", Text.of(client.delivery() == Statement.DeliveryMethod.POST
                        ? "document.need.postalAddressForPost" : "document.need.postalAddressForCourier")));
            }
        } else if (client.delivery() == Statement.DeliveryMethod.EMAIL) {
            need(out, client.email(), "client.email", "document.need.email");
        }
        if (client.documents() == null) {
            out.add(new Gap("client.documents", null));
        }
        if (s.lines().isEmpty()) {
            out.add(new Gap("lines", Text.of("document.need.services")));
        }
        // with VAT at most a quarter more, the gross must stay within what the forms write in words
        BigDecimal total = s.lines().stream().map(l -> l.net().amount().abs()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.multiply(new BigDecimal("1.25")).compareTo(AmountInWords.LIMIT) >= 0) {
            out.add(new Gap("lines", Text.of("document.need.totalInWords", total.toPlainString())));
        }
        return out;
    }

    /** 422 naming each missing field with why the documents need it */
    static void require(Statement s) {
        List<Gap> missing = missing(s);
        if (!missing.isEmpty()) {
            throw Refusal.of(Refusal.Kind.UNPROCESSABLE, Text.of("document.missingData", s.account(), s.month(),
                            String.join(", ", missing.stream().map(Gap::field).distinct().toList())),
                    missing.stream().map(g -> new Refusal.Fault(g.field(), g.reason())).toList());
        }
    }

    /** what is missing, in Russian, as a job stores it */
    static String missingInRussian(List<Gap> missing) {
        return Text.of("document.missing", String.join(", ", missing.stream().map(Gap::russian).toList())).russian();
    }

    private static void need(List<Gap> out, String value, String field, String why) {
        if (blank(value)) {
            out.add(new Gap(field, why == null ? null : Text.of(why)));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
