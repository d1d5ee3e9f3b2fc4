package ru.ccbilling.account;

import java.util.List;

/**
 * The legal details of the client behind an account, as its documents (VAT invoices, acts) need them:
 * INN and KPP, legal and postal addresses, how documents reach the client, and whom to call.
 */
public record LegalDetails(String inn, String kpp, Address legalAddress, Address postalAddress,
                           DeliveryMethod deliveryMethod, String email, List<Contact> contacts, String ogrn,
                           Bank bank) {

    public static final LegalDetails NONE = new LegalDetails(null, null, null, null, null, null, List.of());

    public LegalDetails {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** the details without ОГРН and bank */
    public LegalDetails(String inn, String kpp, Address legalAddress, Address postalAddress,
                        DeliveryMethod deliveryMethod, String email, List<Contact> contacts) {
        this(inn, kpp, legalAddress, postalAddress, deliveryMethod, email, contacts, null, null);
    }

    /** the client's bank: its БИК and the client's settlement account there (either may be missing) */
    public record Bank(String bik, String settlementAccount) { }

    /** How the client receives its documents. */
    public enum DeliveryMethod { PORTAL, EMAIL, POST, COURIER }

    /** A postal address: the six-digit Russian postal code and the rest of the address. */
    public record Address(String postalCode, String address) { }

    /** A person to contact at the client. */
    public record Contact(String name, String role, String phone, String email) { }
}
