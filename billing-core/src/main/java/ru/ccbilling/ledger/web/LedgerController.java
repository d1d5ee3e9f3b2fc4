package ru.ccbilling.ledger.web;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.account.AccountDirectory;
import ru.ccbilling.api.LedgerApi;
import ru.ccbilling.api.model.ChargeRequest;
import ru.ccbilling.api.model.LedgerPage;
import ru.ccbilling.api.model.PaymentRequest;
import ru.ccbilling.api.model.ReasonRequest;
import ru.ccbilling.ledger.Balance;
import ru.ccbilling.ledger.Charges;
import ru.ccbilling.ledger.EntryKind;
import ru.ccbilling.ledger.Ledger;
import ru.ccbilling.ledger.LedgerEntry;
import ru.ccbilling.money.Money;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.web.CurrentUser;

@RestController
class LedgerController implements LedgerApi {

    private final Ledger ledger;
    private final Charges charges;
    private final AccountDirectory accounts;

    LedgerController(Ledger ledger, Charges charges, AccountDirectory accounts) {
        this.ledger = ledger;
        this.charges = charges;
        this.accounts = accounts;
    }

    @Override
    public ResponseEntity<LedgerPage> getAccountLedger(String account, String month,
                                                       ru.ccbilling.api.model.EntryKind kind, Integer page, Integer size) {
        require(account);
        Ledger.Page found = ledger.entries(account, month == null ? null : YearMonth.parse(month),
                kind == null ? null : EntryKind.valueOf(kind.name()), page, size);
        return ResponseEntity.ok(new LedgerPage(account, balance(ledger.balance(account)),
                found.items().stream().map(LedgerEntries::view).toList(), found.total(), page, size));
    }

    @Override
    public ResponseEntity<ru.ccbilling.api.model.LedgerEntry> addCharge(String account, ChargeRequest request) {
        Money amount = money("amount", request.getAmount());
        return created(() -> charges.charge(account, EntryKind.valueOf(request.getKind().name()), amount,
                request.getDate(), request.getReason(), CurrentUser.name()));
    }

    @Override
    public ResponseEntity<ru.ccbilling.api.model.LedgerEntry> addPayment(String account, PaymentRequest request) {
        Money amount = money("amount", request.getAmount());
        return created(() -> charges.pay(account, amount, request.getDate(), request.getReference(), request.getReason(),
                CurrentUser.name()));
    }

    @Override
    public ResponseEntity<ru.ccbilling.api.model.LedgerEntry> reverseLedgerEntry(String account, Long entry,
                                                                                ReasonRequest request) {
        return created(() -> charges.reverse(account, entry, request.getReason(), CurrentUser.name()));
    }

    private static ResponseEntity<ru.ccbilling.api.model.LedgerEntry> created(java.util.function.Supplier<LedgerEntry> action) {
        return ResponseEntity.status(HttpStatus.CREATED).body(LedgerEntries.view(action.get()));
    }

    private static Money money(String field, String text) {
        BigDecimal value = new BigDecimal(text);
        if (value.scale() > 2) {
            throw Refusal.invalid(field, "ledger.kopecks");
        }
        return Money.of(value);
    }

    private static ru.ccbilling.api.model.Balance balance(Balance b) {
        return new ru.ccbilling.api.model.Balance(b.net().toString(), b.vat().toString(), b.paid().toString(),
                b.balance().toString(), Money.CURRENCY);
    }

    private void require(String account) {
        if (!accounts.exists(account)) {
            throw Refusal.notFound("account.unknown", account);
        }
    }
}
