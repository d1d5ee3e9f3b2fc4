package ru.ccbilling.document.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ru.ccbilling.document.DocumentContent;
import ru.ccbilling.document.Statement;
import ru.ccbilling.document.TaxedLines;
import ru.ccbilling.vat.VatRates;

/**
 * What the templates are filled from: the document's values formatted as Russian forms write them (amounts
 * "1 234 567,89" with a no-break space, prices up to four decimals, VAT rates "22%", dates "31.03.2026" and
 * "31 марта 2026 г."), a dash for an empty value. The templates escape them.
 */
final class FormModel {

    private FormModel() { }

    /** the values every form has: number, dates, seller, client, lines, totals */
    static Map<String, Object> of(DocumentContent c, String title, boolean landscape) {
        Statement s = c.statement();
        TaxedLines taxed = c.taxed();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("landscape", landscape);
        m.put("number", text(c.number()));
        m.put("date", Fmt.date(c.date()));
        m.put("longDate", Fmt.longDate(c.date()));
        m.put("account", text(s.account()));
        m.put("period", Fmt.monthName(s.month()));
        m.put("periodFrom", Fmt.date(s.month().atDay(1)));
        m.put("periodTo", Fmt.date(s.month().atEndOfMonth()));
        m.put("shipmentDate", Fmt.longDate(s.shipmentDate()));
        m.put("contract", s.contract() == null ? false : s.contract());
        m.put("seller", seller(s.seller()));
        m.put("client", client(s.client()));
        m.put("lines", lines(taxed));
        m.put("lineCount", taxed.lines().size());
        m.put("rate", VatRates.percent(taxed.rate()));
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("net", Fmt.money(taxed.net()));
        totals.put("vat", Fmt.money(taxed.vat()));
        totals.put("gross", Fmt.money(taxed.gross()));
        m.put("totals", totals);
        m.put("discount", taxed.discount().amount().signum() == 0 ? false : Fmt.money(taxed.discount().amount().negate()));
        m.put("deductions", taxed.deductions().amount().signum() == 0 ? false : Fmt.money(taxed.deductions().amount().negate()));
        if (c.basis() != null) {
            Map<String, Object> basis = new LinkedHashMap<>();
            basis.put("number", text(c.basis().number()));
            basis.put("date", Fmt.date(c.basis().date()));
            basis.put("longDate", Fmt.longDate(c.basis().date()));
            m.put("basis", basis);
        } else {
            m.put("basis", false);
        }
        return m;
    }

    static Map<String, Object> seller(Statement.Seller seller) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", text(seller.name()));
        m.put("inn", text(seller.inn()));
        m.put("kpp", seller.kpp() == null || seller.kpp().isBlank() ? false : seller.kpp());
        m.put("innKpp", innKpp(seller.inn(), seller.kpp()));
        m.put("address", text(seller.address()));
        m.put("phone", seller.phone() == null || seller.phone().isBlank() ? false : seller.phone());
        m.put("head", initialsOrDash(seller.head()));
        m.put("chiefAccountant", initialsOrDash(seller.chiefAccountant()));
        Map<String, Object> bank = new LinkedHashMap<>();
        Statement.Bank b = seller.bank();
        bank.put("name", text(b == null ? null : b.name()));
        bank.put("bik", text(b == null ? null : b.bik()));
        bank.put("correspondentAccount", text(b == null ? null : b.correspondentAccount()));
        bank.put("settlementAccount", text(b == null ? null : b.settlementAccount()));
        m.put("bank", bank);
        return m;
    }

    static Map<String, Object> client(Statement.Client client) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", text(client.name()));
        m.put("inn", text(client.inn()));
        m.put("kpp", client.kpp() == null || client.kpp().isBlank() ? false : client.kpp());
        m.put("innKpp", innKpp(client.inn(), client.kpp()));
        m.put("address", text(client.legalAddress()));
        m.put("signatory", client.signatory() == null ? false : client.signatory());
        m.put("signatoryName", client.signatory() == null ? false : lastWords(client.signatory()));
        return m;
    }

    static List<Map<String, Object>> lines(TaxedLines taxed) {
        String rate = VatRates.percent(taxed.rate());
        List<Map<String, Object>> out = new ArrayList<>();
        for (TaxedLines.Line l : taxed.lines()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("no", l.no());
            m.put("name", text(l.line().name()));
            m.put("unitCode", text(l.line().unitCode()));
            m.put("unitName", text(l.line().unitName()));
            m.put("quantity", Fmt.quantity(l.line().quantity()));
            m.put("price", Fmt.price(l.line().price()));
            m.put("net", Fmt.money(l.line().net()));
            m.put("rate", rate);
            m.put("vat", Fmt.money(l.vat()));
            m.put("gross", Fmt.money(l.gross()));
            out.add(m);
        }
        return out;
    }

    /**
     * the envelope labels' values: the envelope's size (its name, width and height in mm, and a flag named as it for
     * the template's layout), the sender, and per envelope the recipient, address, postal code and whether a courier
     * delivers it
     */
    static Map<String, Object> envelopes(Statement.Seller sender, List<EnvelopeLabels.Envelope> envelopes,
                                         EnvelopeLabels.Size size) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("name", size.name());
        envelope.put("widthMm", size.widthMm);
        envelope.put("heightMm", size.heightMm);
        for (EnvelopeLabels.Size s : EnvelopeLabels.Size.values()) {
            envelope.put(s.name(), s == size);
        }
        m.put("size", envelope);
        m.put("seller", seller(sender));
        List<Map<String, Object>> out = new ArrayList<>();
        for (EnvelopeLabels.Envelope e : envelopes) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("recipient", text(e.recipient()));
            one.put("address", text(e.address()));
            one.put("postalCode", text(e.postalCode()));
            one.put("courier", e.method() == Statement.DeliveryMethod.COURIER);
            out.add(one);
        }
        m.put("envelopes", out);
        return m;
    }

    /** the text, or a dash when empty */
    static String text(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    /** "7714123456/771401001", or the INN alone when there is no KPP */
    static String innKpp(String inn, String kpp) {
        return text(inn) + (kpp == null || kpp.isBlank() ? "" : "/" + kpp);
    }

    private static String initialsOrDash(String fullName) {
        return text(Fmt.initials(fullName));
    }

    /** the name part of «Генеральный директор Иванов И. И.»: the last three words */
    static String lastWords(String signatory) {
        String[] words = signatory.trim().split("\\s+");
        int from = Math.max(0, words.length - 3);
        return String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
    }
}
