package ru.ccbilling.account.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.Resource;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.account.Account;
import ru.ccbilling.account.AccountDirectory;
import ru.ccbilling.account.AccountSearch;
import ru.ccbilling.account.AssignmentCheck;
import ru.ccbilling.account.LegalDetails;
import ru.ccbilling.account.NumberAssignment;
import ru.ccbilling.account.SalesManagers;
import ru.ccbilling.api.AccountsApi;
import ru.ccbilling.api.model.AccountDetails;
import ru.ccbilling.api.model.DedicatedOperator;
import ru.ccbilling.api.model.SalesManagerAssignment;
import ru.ccbilling.api.model.TariffAssignment;
import ru.ccbilling.export.ListOrder;
import ru.ccbilling.export.Table;
import ru.ccbilling.inventory.Inventory;
import ru.ccbilling.inventory.NumberKind;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.web.CurrentUser;
import ru.ccbilling.web.Downloads;

@RestController
class AccountController implements AccountsApi {

    private final AccountDirectory accounts;
    private final Inventory inventory;
    private final AssignmentCheck check;
    private final AccountSearch search;
    private final SalesManagers salesManagers;

    AccountController(AccountDirectory accounts, Inventory inventory, AssignmentCheck check, AccountSearch search,
                      SalesManagers salesManagers) {
        this.accounts = accounts;
        this.salesManagers = salesManagers;
        this.inventory = inventory;
        this.check = check;
        this.search = search;
    }

    @Override
    public ResponseEntity<List<ru.ccbilling.api.model.Account>> listAccounts(String q, String tariff, String sort,
                                                                            Integer page, Integer size) {
        boolean withLegalDetails = LegalDetailsAccess.mayRead();
        boolean paged = page != null || size != null;
        AccountSearch.Page found = search.find(new AccountSearch.Filter(q, tariff, withLegalDetails), sort,
                page, paged ? (size == null ? ListOrder.DEFAULT_SIZE : size) : null);
        List<ru.ccbilling.api.model.Account> items = found.codes().stream().map(accounts::find)
                .flatMap(java.util.Optional::stream).map(a -> {
            var current = a.tariffs().stream().max((x, y) -> x.validFrom().compareTo(y.validFrom()));
            LegalDetails legal = withLegalDetails ? accounts.legalDetails(a.code()).orElse(LegalDetails.NONE)
                    : LegalDetails.NONE;
            return new ru.ccbilling.api.model.Account(a.code(), a.clientName())
                    .tariff(current.map(Account.TariffAssignment::tariffCode).orElse(null))
                    .tariffFrom(current.map(Account.TariffAssignment::validFrom).orElse(null))
                    .numbers(inventory.heldBy(a.code()))
                    .inn(legal.inn()).deliveryMethod(ClientDetailsMapping.delivery(legal.deliveryMethod()));
        }).toList();
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(found.total())).body(items);
    }

    @Override
    public ResponseEntity<Resource> exportAccountsCsv(String q, String tariff, String sort) {
        return Downloads.csv("accounts", table -> export(q, tariff, sort, table));
    }

    @Override
    public ResponseEntity<Resource> exportAccountsXlsx(String q, String tariff, String sort) {
        return Downloads.xlsx("accounts", "Лицевые счета", table -> export(q, tariff, sort, table));
    }

    private void export(String q, String tariff, String sort, Table table) {
        boolean withLegalDetails = LegalDetailsAccess.mayRead();
        Map<String, List<String>> numbers = new HashMap<>();
        inventory.numberHolders().forEach((number, account) -> numbers.computeIfAbsent(account, a -> new ArrayList<>())
                .add(number));
        numbers.values().forEach(java.util.Collections::sort);
        search.export(new AccountSearch.Filter(q, tariff, withLegalDetails), sort, withLegalDetails, numbers, table);
    }

    @Override
    public ResponseEntity<AccountDetails> createAccount(AccountDetails details) {
        LegalDetails legal = ClientDetailsMapping.legal(details.getInn(), details.getKpp(), details.getLegalAddress(),
                details.getPostalAddress(), details.getDeliveryMethod(), details.getEmail(), details.getContacts(),
                details.getOgrn(), details.getBik(), details.getSettlementAccount());
        Set<Account.TariffAssignment> tariffs = tariffs(details.getTariffs());
        // a sales user who opens an account looks after it
        String manager = CurrentUser.hasAnyRole("SALES") && !CurrentUser.hasAnyRole("FINANCE", "ADMIN")
                ? CurrentUser.name() : null;
        if (!accounts.open(new Account(details.getAccount(), details.getClient().trim(), tariffs, Set.of()), legal)) {
            throw Refusal.conflict("account.exists", details.getAccount());
        }
        if (manager != null) {
            accounts.assignSalesManager(details.getAccount(), manager);
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
            throw Refusal.invalid("account", "account.notPathAccount", account);
        }
        LegalDetails legal = ClientDetailsMapping.legal(details.getInn(), details.getKpp(), details.getLegalAddress(),
                details.getPostalAddress(), details.getDeliveryMethod(), details.getEmail(), details.getContacts(),
                details.getOgrn(), details.getBik(), details.getSettlementAccount());
        // everything is checked before anything is written
        boolean newTariffs = details.getTariffs() != null && !details.getTariffs().isEmpty();
        Set<Account.TariffAssignment> tariffs = newTariffs ? tariffs(details.getTariffs()) : Set.of();
        accounts.updateClient(account, details.getClient().trim(), legal);
        if (newTariffs) {
            accounts.assignTariffs(account, tariffs);
        }
        return ResponseEntity.ok(view(account));
    }

    @Override
    public ResponseEntity<Void> deleteAccount(String account) {
        accounts.delete(account);
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
        NumberAssignment assignment = new NumberAssignment(number.getNumber(), number.getValidFrom(), number.getValidTo(),
                number.getKind() == null ? null : NumberKind.valueOf(number.getKind().name()), number.getChannels());
        check.number(assignment);
        accounts.assignNumber(account, assignment, CurrentUser.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(number(assignment));
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
        Account.DedicatedOperator dedicated = new Account.DedicatedOperator(operator.getOperatorId(),
                operator.getValidFrom(), operator.getValidTo());
        check.operator(dedicated);
        accounts.addDedicatedOperator(account, dedicated);
        return ResponseEntity.status(HttpStatus.CREATED).body(operator);
    }

    @Override
    public ResponseEntity<List<String>> listSalesManagers() {
        return ResponseEntity.ok(salesManagers.all());
    }

    /** finance and admins choose who looks after an account (role matrix); sales see that account's reports */
    @Override
    public ResponseEntity<AccountDetails> assignSalesManager(String account, SalesManagerAssignment assignment) {
        require(account);
        String given = assignment.getSalesManager();
        String wanted = given == null || given.trim().isEmpty() ? null : given.trim();
        if (wanted != null && !salesManagers.isSalesManager(wanted)) {
            throw Refusal.invalid("salesManager", "account.salesManagerUnknown", wanted);
        }
        accounts.assignSalesManager(account, wanted);
        return ResponseEntity.ok(view(account));
    }

    private AccountDetails view(String code) {
        Account account = require(code);
        AccountDetails out = new AccountDetails(code, account.clientName());
        if (LegalDetailsAccess.mayRead()) {
            LegalDetails legal = accounts.legalDetails(code).orElse(LegalDetails.NONE);
            ClientDetailsMapping.fill(legal, out::inn, out::kpp,
                    out::legalAddress, out::postalAddress, out::deliveryMethod, out::email, out::contacts);
            ClientDetailsMapping.fillRequisites(legal, out::ogrn, out::bik, out::settlementAccount);
        } else {
            out.contacts(null);
        }
        return out.tariffs(account.tariffs().stream().sorted(Comparator.comparing(Account.TariffAssignment::validFrom))
                        .map(t -> new TariffAssignment(t.tariffCode(), t.validFrom()).validTo(t.validTo())).toList())
                .dedicatedOperators(account.dedicatedOperators().stream()
                        .sorted(Comparator.comparing(Account.DedicatedOperator::operatorId)
                                .thenComparing(Account.DedicatedOperator::validFrom))
                        .map(d -> new DedicatedOperator(d.operatorId(), d.validFrom()).validTo(d.validTo())).toList())
                .numbers(accounts.numbers(code).stream().map(AccountController::number).toList())
                .salesManager(accounts.salesManager(code).orElse(null));
    }

    private static ru.ccbilling.api.model.NumberAssignment number(NumberAssignment n) {
        return new ru.ccbilling.api.model.NumberAssignment(n.number(), n.validFrom()).validTo(n.validTo())
                .kind(ru.ccbilling.api.model.NumberKind.valueOf(n.kind().name())).channels(n.channels());
    }

    private Set<Account.TariffAssignment> tariffs(List<TariffAssignment> given) {
        List<Account.TariffAssignment> assignments = given == null ? List.of() : given.stream()
                .map(t -> new Account.TariffAssignment(t.getTariff(), t.getValidFrom(), t.getValidTo())).toList();
        return check.tariffs(assignments);
    }

    private Account require(String code) {
        return accounts.find(code).orElseThrow(() -> Refusal.notFound("account.unknown", code));
    }
}
