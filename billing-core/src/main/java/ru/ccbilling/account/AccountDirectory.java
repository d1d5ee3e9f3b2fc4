package ru.ccbilling.account;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and changing accounts; every change is announced with {@link AccountsChanged}. */
@Service
public class AccountDirectory {

    private final Accounts accounts;
    private final JdbcAggregateTemplate aggregates;
    private final ApplicationEventPublisher events;

    AccountDirectory(Accounts accounts, JdbcAggregateTemplate aggregates, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.aggregates = aggregates;
        this.events = events;
    }

    public List<Account> all() {
        return accounts.findAllByOrderByCode();
    }

    public Optional<Account> find(String code) {
        return accounts.findById(code);
    }

    /** Opens an account; false when the code is taken. */
    @Transactional
    public boolean open(Account account) {
        if (accounts.existsById(account.code())) {
            return false;
        }
        aggregates.insert(account);
        events.publishEvent(new AccountsChanged(account.code()));
        return true;
    }

    @Transactional
    public Account addDedicatedOperator(String accountCode, Account.DedicatedOperator operator) {
        Account account = accounts.findById(accountCode)
                .orElseThrow(() -> new UnknownAccountException(accountCode));
        Set<Account.DedicatedOperator> operators = new HashSet<>(account.dedicatedOperators());
        operators.add(operator);
        Account changed = accounts.save(new Account(account.code(), account.clientName(), account.tariffs(), operators));
        events.publishEvent(new AccountsChanged(accountCode));
        return changed;
    }
}
