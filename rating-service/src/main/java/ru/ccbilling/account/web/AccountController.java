package ru.ccbilling.account.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.account.Account;
import ru.ccbilling.account.AccountDirectory;
import ru.ccbilling.account.UnknownAccountException;
import ru.ccbilling.api.AccountsApi;
import ru.ccbilling.api.model.DedicatedOperator;
import ru.ccbilling.inventory.Inventory;
import ru.ccbilling.inventory.NetworkResource;
import ru.ccbilling.web.ApiException;

@RestController
class AccountController implements AccountsApi {

    private final AccountDirectory accounts;
    private final Inventory inventory;

    AccountController(AccountDirectory accounts, Inventory inventory) {
        this.accounts = accounts;
        this.inventory = inventory;
    }

    @Override
    public ResponseEntity<List<ru.ccbilling.api.model.Account>> listAccounts() {
        return ResponseEntity.ok(accounts.all().stream().map(a -> {
            var current = a.tariffs().stream().max((x, y) -> x.validFrom().compareTo(y.validFrom()));
            return new ru.ccbilling.api.model.Account(a.code(), a.clientName())
                    .tariff(current.map(Account.TariffAssignment::tariffCode).orElse(null))
                    .tariffFrom(current.map(Account.TariffAssignment::validFrom).orElse(null))
                    .numbers(inventory.heldBy(a.code()).stream().map(NetworkResource::resource).sorted().toList());
        }).toList());
    }

    @Override
    public ResponseEntity<List<DedicatedOperator>> listDedicatedOperators(String account) {
        Account found = accounts.find(account).orElseThrow(() -> ApiException.notFound("no account " + account));
        return ResponseEntity.ok(found.dedicatedOperators().stream()
                .sorted((x, y) -> x.operatorId().compareTo(y.operatorId()))
                .map(d -> new DedicatedOperator(d.operatorId(), d.validFrom()).validTo(d.validTo())).toList());
    }

    @Override
    public ResponseEntity<DedicatedOperator> addDedicatedOperator(String account, DedicatedOperator operator) {
        if (operator.getValidTo() != null && !operator.getValidTo().isAfter(operator.getValidFrom())) {
            throw ApiException.badField("validTo", "must be after validFrom");
        }
        try {
            accounts.addDedicatedOperator(account, new Account.DedicatedOperator(operator.getOperatorId(),
                    operator.getValidFrom(), operator.getValidTo()));
        } catch (UnknownAccountException e) {
            throw ApiException.notFound(e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(operator);
    }
}
