package ru.ccbilling.account.web;

import java.util.List;
import java.util.function.Consumer;

import ru.ccbilling.account.Bik;
import ru.ccbilling.account.Inn;
import ru.ccbilling.account.Kpp;
import ru.ccbilling.account.Ogrn;
import ru.ccbilling.account.LegalDetails;
import ru.ccbilling.api.model.Address;
import ru.ccbilling.api.model.Contact;
import ru.ccbilling.api.model.DeliveryMethod;
import ru.ccbilling.refusal.Refusal;

/** Legal details between the contract's shape and the account module's. */
final class ClientDetailsMapping {

    private ClientDetailsMapping() { }

    static LegalDetails legal(String inn, String kpp, Address legalAddress, Address postalAddress,
                              DeliveryMethod delivery, String email, List<Contact> contacts) {
        if (inn != null && !inn.isBlank() && !Inn.valid(inn)) {
            throw Refusal.invalid("inn", "account.innChecksum");
        }
        if (kpp != null && inn != null && inn.length() == 12) {
            throw Refusal.invalid("kpp", "account.entrepreneurHasNoKpp");
        }
        if (kpp != null && !kpp.isBlank() && !Kpp.valid(kpp)) {
            throw Refusal.invalid("kpp", "account.kppStructure");
        }
        if (delivery == DeliveryMethod.EMAIL && (email == null || email.isBlank())) {
            throw Refusal.invalid("email", "account.emailRequiredForEmailDelivery");
        }
        if (delivery == DeliveryMethod.POST && postalAddress == null && legalAddress == null) {
            throw Refusal.invalid("postalAddress", "account.addressRequiredForPostDelivery");
        }
        return new LegalDetails(blankToNull(inn), blankToNull(kpp), address(legalAddress), address(postalAddress),
                delivery == null ? null : LegalDetails.DeliveryMethod.valueOf(delivery.name()), blankToNull(email),
                contacts == null ? List.of() : contacts.stream()
                        .map(c -> new LegalDetails.Contact(c.getName().trim(), c.getRole(), c.getPhone(), c.getEmail()))
                        .toList());
    }

    /** the details with the client's ОГРН and bank, each checked by its check digits (400 naming the field) */
    static LegalDetails legal(String inn, String kpp, Address legalAddress, Address postalAddress,
                              DeliveryMethod delivery, String email, List<Contact> contacts, String ogrn, String bik,
                              String settlementAccount) {
        LegalDetails base = legal(inn, kpp, legalAddress, postalAddress, delivery, email, contacts);
        ogrn = blankToNull(ogrn);
        bik = blankToNull(bik);
        settlementAccount = blankToNull(settlementAccount);
        if (ogrn != null && !Ogrn.valid(ogrn)) {
            throw Refusal.invalid("ogrn", "account.ogrnChecksum");
        }
        if (ogrn != null && !Ogrn.matchesInn(ogrn, base.inn())) {
            throw Refusal.invalid("ogrn", base.inn().length() == 10 ? "account.ogrnOfCompany" : "account.ogrnOfEntrepreneur");
        }
        if (bik != null && !Bik.valid(bik)) {
            throw Refusal.invalid("bik", "account.bikInvalid");
        }
        if (settlementAccount != null && bik == null) {
            throw Refusal.invalid("bik", "account.bikRequiredForAccount");
        }
        if (settlementAccount != null && !Bik.accountMatches(bik, settlementAccount)) {
            throw Refusal.invalid("settlementAccount", "account.settlementAccountKey");
        }
        return new LegalDetails(base.inn(), base.kpp(), base.legalAddress(), base.postalAddress(), base.deliveryMethod(),
                base.email(), base.contacts(), ogrn, bik == null ? null : new LegalDetails.Bank(bik, settlementAccount));
    }

    /** the client's ОГРН and bank into the contract's shape */
    static void fillRequisites(LegalDetails legal, Consumer<String> ogrn, Consumer<String> bik,
                               Consumer<String> settlementAccount) {
        ogrn.accept(legal.ogrn());
        bik.accept(legal.bank() == null ? null : legal.bank().bik());
        settlementAccount.accept(legal.bank() == null ? null : legal.bank().settlementAccount());
    }

    static void fill(LegalDetails legal, Consumer<String> inn, Consumer<String> kpp, Consumer<Address> legalAddress,
                     Consumer<Address> postalAddress, Consumer<DeliveryMethod> delivery, Consumer<String> email,
                     Consumer<List<Contact>> contacts) {
        inn.accept(legal.inn());
        kpp.accept(legal.kpp());
        legalAddress.accept(address(legal.legalAddress()));
        postalAddress.accept(address(legal.postalAddress()));
        delivery.accept(delivery(legal.deliveryMethod()));
        email.accept(legal.email());
        contacts.accept(legal.contacts().stream()
                .map(c -> new Contact(c.name()).role(c.role()).phone(c.phone()).email(c.email())).toList());
    }

    static DeliveryMethod delivery(LegalDetails.DeliveryMethod method) {
        return method == null ? null : DeliveryMethod.fromValue(method.name());
    }

    private static LegalDetails.Address address(Address a) {
        return a == null ? null : new LegalDetails.Address(a.getPostalCode(), a.getAddress().trim());
    }

    private static Address address(LegalDetails.Address a) {
        return a == null ? null : new Address(a.postalCode(), a.address());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
