package ru.ccbilling.account.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.account.Account;
import ru.ccbilling.account.AccountDirectory;
import ru.ccbilling.account.LegalDetails;
import ru.ccbilling.api.ClientsApi;
import ru.ccbilling.api.model.ClientDetails;
import ru.ccbilling.refusal.Refusal;

/** The client behind an account: name and legal details, which sales may edit. */
@RestController
class ClientController implements ClientsApi {

    private final AccountDirectory accounts;

    ClientController(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @Override
    public ResponseEntity<ClientDetails> getClientDetails(String account) {
        return ResponseEntity.ok(view(account));
    }

    @Override
    public ResponseEntity<ClientDetails> updateClientDetails(String account, ClientDetails details) {
        accounts.find(account).orElseThrow(() -> Refusal.notFound("account.unknown", account));
        accounts.updateClient(account, details.getClient().trim(), ClientDetailsMapping.legal(details.getInn(),
                details.getKpp(), details.getLegalAddress(), details.getPostalAddress(), details.getDeliveryMethod(),
                details.getEmail(), details.getContacts(), details.getOgrn(), details.getBik(),
                details.getSettlementAccount()));
        return ResponseEntity.ok(view(account));
    }

    private ClientDetails view(String code) {
        Account account = accounts.find(code).orElseThrow(() -> Refusal.notFound("account.unknown", code));
        ClientDetails out = new ClientDetails(account.clientName());
        ClientDetailsMapping.fill(accounts.legalDetails(code).orElse(LegalDetails.NONE), out::inn, out::kpp,
                out::legalAddress, out::postalAddress, out::deliveryMethod, out::email, out::contacts);
        ClientDetailsMapping.fillRequisites(accounts.legalDetails(code).orElse(LegalDetails.NONE), out::ogrn, out::bik,
                out::settlementAccount);
        return out;
    }
}
