package ru.ccbilling.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What a statement must carry for the forms it produces; a gap is refused naming the field (422). */
final class StatementCheck {

    private StatementCheck() { }

    /** the missing fields with why each is needed; empty when the statement can be issued */
    static List<String> missing(Statement s) {
        List<String> out = new ArrayList<>();
        Statement.Seller seller = s.seller();
        if (seller == null) {
            out.add("seller (our legal entity)");
            return out;
        }
        need(out, seller.name(), "seller.name");
        need(out, seller.inn(), "seller.inn (row 2б of the VAT invoice)");
        need(out, seller.address(), "seller.address (row 2а)");
        need(out, seller.head(), "seller.head (signature)");
        need(out, seller.chiefAccountant(), "seller.chiefAccountant (signature)");
        if (seller.bank() == null || blank(seller.bank().bik()) || blank(seller.bank().settlementAccount())) {
            out.add("seller.bank (bank details of the invoice for payment)");
        }
        Statement.Client client = s.client();
        if (client == null) {
            out.add("client");
            return out;
        }
        need(out, client.name(), "client.name");
        need(out, client.inn(), "client.inn (row 6б of the VAT invoice)");
        // organisations have a 10-digit INN and a KPP; individual entrepreneurs (12 digits) have none
        if (client.inn() != null && client.inn().trim().length() == 10) {
            need(out, client.kpp(), "client.kpp (row 6б of the VAT invoice)");
        }
        need(out, client.legalAddress(), "client.legalAddress (row 6а of the VAT invoice)");
        if (client.delivery() == null) {
            out.add("client.delivery");
        } else if (client.delivery() == Statement.DeliveryMethod.POST || client.delivery() == Statement.DeliveryMethod.COURIER) {
            if (client.postalAddress() == null || blank(client.postalAddress().postalCode()) || blank(client.postalAddress().address())) {
                out.add("client.postalAddress (with its postal code, for delivery by " + client.delivery().name().toLowerCase() + ")");
            }
        } else if (client.delivery() == Statement.DeliveryMethod.EMAIL) {
            need(out, client.email(), "client.email (delivery by e-mail)");
        }
        if (client.documents() == null) {
            out.add("client.documents");
        }
        if (s.lines().isEmpty()) {
            out.add("lines (a statement without services)");
        }
        // with VAT at most a quarter more, the gross must stay within what the forms write in words
        BigDecimal total = s.lines().stream().map(l -> l.net().amount().abs()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.multiply(new BigDecimal("1.25")).compareTo(AmountInWords.LIMIT) >= 0) {
            out.add("lines (a total of " + total.toPlainString() + " is beyond what the forms can write in words)");
        }
        return out;
    }

    static void require(Statement s) {
        List<String> missing = missing(s);
        if (!missing.isEmpty()) {
            String field = missing.get(0).split(" ")[0];
            throw DocumentProblem.missing(field, s.account() + " " + s.month() + ": the documents need " + String.join(", ", missing));
        }
    }

    private static void need(List<String> out, String value, String field) {
        if (blank(value)) {
            out.add(field);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
