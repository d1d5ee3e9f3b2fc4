package ru.ccbilling.account.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.account.Account;
import ru.ccbilling.account.AccountDirectory;
import ru.ccbilling.account.AccountInUseException;
import ru.ccbilling.account.LegalDetails;
import ru.ccbilling.account.NumberAssignment;
import ru.ccbilling.account.NumberTakenException;
import ru.ccbilling.account.TariffCodes;
import ru.ccbilling.account.UnknownAccountException;
import ru.ccbilling.api.AccountsApi;
import ru.ccbilling.api.model.AccountDetails;
import ru.ccbilling.api.model.DedicatedOperator;
import ru.ccbilling.api.model.FieldError;
import ru.ccbilling.api.model.TariffAssignment;
import ru.ccbilling.inventory.Inventory;
import ru.ccbilling.inventory.NetworkResource;
import ru.ccbilling.reference.ReferenceData;
import ru.ccbilling.security.LegalDetailsAccess;
import ru.ccbilling.web.ApiException;

@RestController
class AccountController implements AccountsApi {

    private final AccountDirectory accounts;
    private final Inventory inventory;
    private final TariffCodes tariffCodes;
    private final ReferenceData reference;

    AccountController(AccountDirectory accounts, Inventory inventory, TariffCodes tariffCodes, ReferenceData reference) {
        this.accounts = accounts;
        this.inventory = inventory;
        this.tariffCodes = tariffCodes;
        this.reference = reference;
    }

    @Override
    public ResponseEntity<List<ru.ccbilling.api.model.Account>> listAccounts() {
        boolean withLegalDetails = LegalDetailsAccess.mayRead();
        return ResponseEntity.ok(accounts.all().stream().map(a -> {
            var current = a.tariffs().stream().max((x, y) -> x.validFrom().compareTo(y.validFrom()));
            LegalDetails legal = withLegalDetails ? accounts.legalDetails(a.code()).orElse(LegalDetails.NONE)
                    : LegalDetails.NONE;
            return new ru.ccbilling.api.model.Account(a.code(), a.clientName())
                    .tariff(current.map(Account.TariffAssignment::tariffCode).orElse(null))
                    .tariffFrom(current.map(Account.TariffAssignment::validFrom).orElse(null))
                    .numbers(inventory.heldBy(a.code()).stream().map(NetworkResource::resource).sorted().toList())
                    .inn(legal.inn()).deliveryMethod(ClientDetailsMapping.delivery(legal.deliveryMethod()));
        }).toList());
    }

    @Override
    public ResponseEntity<AccountDetails> createAccount(AccountDetails details) {
        LegalDetails legal = ClientDetailsMapping.legal(details.getInn(), details.getKpp(), details.getLegalAddress(),
                details.getPostalAddress(), details.getDeliveryMethod(), details.getEmail(), details.getContacts());
        Set<Account.TariffAssignment> tariffs = tariffs(details.getTariffs());
        requireTariffsExist(details.getTariffs());
        if (!accounts.open(new Account(details.getAccount(), details.getClient().trim(), tariffs, Set.of()), legal)) {
            throw ApiException.conflict("account " + details.getAccount() + " already exists");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(view(details.getAccount()));
    }

    @Override
    public ResponseEntity<AccountDetails> getAccount(String account) {
        return ResponseEntity.ok(view(account));
    }

    @Override
    public ResponseEntity<AccountDetails> updateAccount(String account, AccountDetails details) {
        if (!account.equals(details.getAccount())) {
            throw ApiException.badField("account", "must be " + account + ", the account of the path");
        }
        LegalDetails legal = ClientDetailsMapping.legal(details.getInn(), details.getKpp(), details.getLegalAddress(),
                details.getPostalAddress(), details.getDeliveryMethod(), details.getEmail(), details.getContacts());
        // everything is checked before anything is written
        boolean newTariffs = details.getTariffs() != null && !details.getTariffs().isEmpty();
        Set<Account.TariffAssignment> tariffs = newTariffs ? tariffs(details.getTariffs()) : Set.of();
        requireTariffsExist(details.getTariffs());
        try {
            accounts.updateClient(account, details.getClient().trim(), legal);
            if (newTariffs) {
                accounts.assignTariffs(account, tariffs);
            }
        } catch (UnknownAccountException e) {
            throw ApiException.notFound(e.getMessage());
        }
        return ResponseEntity.ok(view(account));
    }

    @Override
    public ResponseEntity<Void> deleteAccount(String account) {
        try {
            accounts.delete(account);
        } catch (UnknownAccountException e) {
            throw ApiException.notFound(e.getMessage());
        } catch (AccountInUseException e) {
            throw ApiException.conflict(e.getMessage());
        }
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<List<ru.ccbilling.api.model.NumberAssignment>> listAccountNumbers(String account) {
        require(account);
        return ResponseEntity.ok(accounts.numbers(account).stream().map(AccountController::number).toList());
    }

    @Override
    public ResponseEntity<ru.ccbilling.api.model.NumberAssignment> assignAccountNumber(String account,
            ru.ccbilling.api.model.NumberAssignment number) {
        if (number.getValidTo() != null && !number.getValidTo().isAfter(number.getValidFrom())) {
            throw ApiException.badField("validTo", "must be after validFrom");
        }
        try {
            accounts.assignNumber(account, new NumberAssignment(number.getNumber(), number.getValidFrom(), number.getValidTo()));
        } catch (UnknownAccountException e) {
            throw ApiException.notFound(e.getMessage());
        } catch (NumberTakenException e) {
            throw ApiException.conflict(e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(number);
    }

    @Override
    public ResponseEntity<List<DedicatedOperator>> listDedicatedOperators(String account) {
        Account found = require(account);
        return ResponseEntity.ok(found.dedicatedOperators().stream()
                .sorted(Comparator.comparing(Account.DedicatedOperator::operatorId)
                        .thenComparing(Account.DedicatedOperator::validFrom))
                .map(d -> new DedicatedOperator(d.operatorId(), d.validFrom()).validTo(d.validTo())).toList());
    }

    @Override
    public ResponseEntity<DedicatedOperator> addDedicatedOperator(String account, DedicatedOperator operator) {
        if (operator.getValidTo() != null && !operator.getValidTo().isAfter(operator.getValidFrom())) {
            throw ApiException.badField("validTo", "must be after validFrom");
        }
        if (!reference.operatorExists(operator.getOperatorId())) {
            throw ApiException.unprocessable("operatorId: no operator " + operator.getOperatorId()
                    + " in the reference data; add it there first", List.of(new FieldError("operatorId",
                    "no operator " + operator.getOperatorId() + " in the reference data")));
        }
        try {
            accounts.addDedicatedOperator(account, new Account.DedicatedOperator(operator.getOperatorId(),
                    operator.getValidFrom(), operator.getValidTo()));
        } catch (UnknownAccountException e) {
            throw ApiException.notFound(e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(operator);
    }

    private AccountDetails view(String code) {
        Account account = require(code);
        AccountDetails out = new AccountDetails(code, account.clientName());
        if (LegalDetailsAccess.mayRead()) {
            ClientDetailsMapping.fill(accounts.legalDetails(code).orElse(LegalDetails.NONE), out::inn, out::kpp,
                    out::legalAddress, out::postalAddress, out::deliveryMethod, out::email, out::contacts);
        } else {
            out.contacts(null);
        }
        return out.tariffs(account.tariffs().stream().sorted(Comparator.comparing(Account.TariffAssignment::validFrom))
                        .map(t -> new TariffAssignment(t.tariffCode(), t.validFrom()).validTo(t.validTo())).toList())
                .dedicatedOperators(account.dedicatedOperators().stream()
                        .sorted(Comparator.comparing(Account.DedicatedOperator::operatorId)
                                .thenComparing(Account.DedicatedOperator::validFrom))
                        .map(d -> new DedicatedOperator(d.operatorId(), d.validFrom()).validTo(d.validTo())).toList())
                .numbers(accounts.numbers(code).stream().map(AccountController::number).toList());
    }

    private static ru.ccbilling.api.model.NumberAssignment number(NumberAssignment n) {
        return new ru.ccbilling.api.model.NumberAssignment(n.number(), n.validFrom()).validTo(n.validTo());
    }

    /** tariff assignments, each with validTo after validFrom, none overlapping another */
    private static Set<Account.TariffAssignment> tariffs(List<TariffAssignment> given) {
        if (given == null) {
            return Set.of();
        }
        List<Account.TariffAssignment> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            TariffAssignment t = given.get(i);
            if (t.getTariff() == null || t.getTariff().isBlank()) {
                throw ApiException.badField("tariffs[" + i + "].tariff", "is required");
            }
            if (t.getValidTo() != null && !t.getValidTo().isAfter(t.getValidFrom())) {
                throw ApiException.badField("tariffs[" + i + "].validTo", "must be after validFrom");
            }
            Account.TariffAssignment a = new Account.TariffAssignment(t.getTariff().trim(), t.getValidFrom(), t.getValidTo());
            for (int j = 0; j < out.size(); j++) {
                Account.TariffAssignment b = out.get(j);
                boolean overlap = (b.validTo() == null || a.validFrom().isBefore(b.validTo()))
                        && (a.validTo() == null || b.validFrom().isBefore(a.validTo()));
                if (overlap) {
                    throw ApiException.badField("tariffs[" + i + "]", "overlaps tariffs[" + j + "]");
                }
            }
            out.add(a);
        }
        return new HashSet<>(out);
    }

    /** an account is rated under its tariffs: one that does not exist would reject every call as NO_TARIFF */
    private void requireTariffsExist(List<TariffAssignment> given) {
        if (given == null) {
            return;
        }
        for (int i = 0; i < given.size(); i++) {
            String tariff = given.get(i).getTariff().trim();
            if (!tariffCodes.exists(tariff)) {
                String field = "tariffs[" + i + "].tariff";
                throw ApiException.unprocessable(field + ": no tariff " + tariff,
                        List.of(new FieldError(field, "no tariff " + tariff)));
            }
        }
    }

    private Account require(String code) {
        return accounts.find(code).orElseThrow(() -> ApiException.notFound("no account " + code));
    }
}
