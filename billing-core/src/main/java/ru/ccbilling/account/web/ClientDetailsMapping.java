package ru.ccbilling.account.web;

import java.util.List;
import java.util.function.Consumer;

import ru.ccbilling.account.Inn;
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
