package ru.ccbilling.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import ru.ccbilling.money.Money;

/**
 * What a client's documents for a closed month are made from: who sells to whom, the services of the month
 * grouped into lines, and how the client wants the documents. Billing (the period close) provides it through
 * {@link StatementSource}; documents never compute charges themselves. Amounts are net of VAT: the documents
 * add VAT at the rate in force on {@code shipmentDate}.
 *
 * @param account      the account (лицевой счёт), e.g. ACC-1001
 * @param month        the closed billing period
 * @param shipmentDate the date the services are deemed rendered: the last day of {@code month}
 * @param seller       our legal entity that issues the documents
 * @param client       the buyer
 * @param contract     the contract the services are rendered under, e.g. "№ 15/26 от 10.01.2026"; may be null
 * @param lines        one line per service and price, monthly fee, and the volume discount (negative here; the
 *                     documents fold it into the network-minute lines, {@link VolumeDiscountLines})
 */
public record Statement(String account, YearMonth month, LocalDate shipmentDate, Seller seller, Client client,
                        String contract, List<Line> lines) {

    public Statement {
        if (shipmentDate == null && month != null) {
            shipmentDate = month.atEndOfMonth();
        }
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * One line of the documents.
     *
     * @param service  the group the line belongs to
     * @param name     as printed, e.g. «Входящие вызовы 8-800: сетевые минуты (мобильные)»
     * @param unitCode the OKEI code: 355 minute, 796 piece, 362 month, 839 set
     * @param unitName the OKEI short name: «мин», «шт», «мес»
     * @param quantity how many units (may be fractional, e.g. prorated months)
     * @param price    net price per unit (for the discount: the negative amount, quantity 1)
     * @param net      the line's amount without VAT, exactly as billed; quantity × price = net to the kopeck
     *                 ({@link LinePrices#exact}), which is why a line that cannot multiply out is 1 «усл. ед.»
     * @param key      what billing knows the line by (kind, service, component, price), so that a correction finds
     *                 the line it corrects; null on lines no correction refers to and on statements stored before it
     */
    public record Line(Service service, String name, String unitCode, String unitName, BigDecimal quantity,
                       BigDecimal price, Money net, String key) {

        public Line(Service service, String name, String unitCode, String unitName, BigDecimal quantity,
                    BigDecimal price, Money net) {
            this(service, name, unitCode, unitName, quantity, price, net, null);
        }

        /** the same line under another name */
        public Line named(String newName) {
            return new Line(service, newName, unitCode, unitName, quantity, price, net, key);
        }

        /** the same line known by this key */
        public Line keyed(String newKey) {
            return new Line(service, name, unitCode, unitName, quantity, price, net, newKey);
        }
    }

    /** service groups, in the order lines are printed */
    public enum Service {
        NETWORK_MINUTES, OPERATOR_MINUTES, IVR, POST_PROCESSING, OUTBOUND, VIRTUAL_OFFICE, CONFERENCES, SURVEYS,
        INFORMING, ONE_TIME, MONTHLY_FEE, VOLUME_DISCOUNT
    }

    /** Our legal entity as printed on its documents (see table {@code seller}, {@link Sellers}). */
    public record Seller(String code, String name, String inn, String kpp, String address, String head,
                         String chiefAccountant, Bank bank, String phone) { }

    /** Bank details for the invoice for payment. */
    public record Bank(String name, String bik, String correspondentAccount, String settlementAccount) { }

    /**
     * The buyer and how it wants its documents.
     *
     * @param legalAddress     the address printed on the VAT invoice (row 6а)
     * @param postalAddress    where paper documents go (POST, COURIER), with its postal code
     * @param signatory        position and name of the client's signatory on acts, e.g. «Генеральный директор Иванов И. И.»; may be null
     */
    public record Client(String name, String inn, String kpp, String legalAddress, PostalAddress postalAddress,
                         DeliveryMethod delivery, String email, DocumentKind documents, String signatory) { }

    /** A postal address: the code and the rest of it, as written on an envelope. */
    public record PostalAddress(String postalCode, String address) { }

    public enum DeliveryMethod { PORTAL, EMAIL, POST, COURIER }

    /** which documents the client gets besides the invoice for payment */
    public enum DocumentKind {
        /** an act and a VAT invoice */
        VAT_INVOICE_AND_ACT,
        /** one UPD with status 1 (VAT invoice and transfer document together) */
        UPD
    }
}
