package ru.ccbilling.account;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.ccbilling.inventory.Holders;
import ru.ccbilling.inventory.Inventory;
import ru.ccbilling.refusal.Refusal;

/** Reading and changing accounts; every change is announced with {@link AccountsChanged}. */
@Service
public class AccountDirectory {

    private final Accounts accounts;
    private final JdbcAggregateTemplate aggregates;
    private final ApplicationEventPublisher events;
    private final LegalDetailsStore legal;
    private final NumberAssignments numbers;
    private final Inventory inventory;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AccountDirectory(Accounts accounts, JdbcAggregateTemplate aggregates, ApplicationEventPublisher events,
                     LegalDetailsStore legal, NumberAssignments numbers, Inventory inventory, JdbcTemplate jdbc,
                     Clock clock) {
        this.accounts = accounts;
        this.aggregates = aggregates;
        this.events = events;
        this.legal = legal;
        this.numbers = numbers;
        this.inventory = inventory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Account> all() {
        return accounts.findAllByOrderByCode();
    }

    public Optional<Account> find(String code) {
        return accounts.findById(code);
    }

    public boolean exists(String code) {
        return accounts.existsById(code);
    }

    /** the codes of every account, in order */
    public List<String> codes() {
        return jdbc.queryForList("select code from account order by code", String.class);
    }

    public Optional<LegalDetails> legalDetails(String code) {
        return legal.find(code);
    }

    public List<NumberAssignment> numbers(String code) {
        return numbers.of(code);
    }

    /** Opens an account; false when the code is taken. */
    @Transactional
    public boolean open(Account account) {
        return open(account, LegalDetails.NONE);
    }

    /** Opens an account with its client's legal details; false when the code is taken. */
    @Transactional
    public boolean open(Account account, LegalDetails details) {
        if (accounts.existsById(account.code())) {
            return false;
        }
        aggregates.insert(account);
        legal.save(account.code(), details);
        events.publishEvent(new AccountsChanged(account.code()));
        return true;
    }

    /** the SALES user who looks after the account, if any (reports: sales see their accounts) */
    public Optional<String> salesManager(String code) {
        return jdbc.queryForList("select sales_manager from account where code = ? and sales_manager is not null",
                String.class, code).stream().findFirst();
    }

    /** Sets or (with null) clears the account's sales manager. */
    @Transactional
    public void assignSalesManager(String code, String username) {
        jdbc.update("update account set sales_manager = ? where code = ?", username, code);
    }

    /** Changes the client's name and legal details (what sales may edit). */
    @Transactional
    public void updateClient(String code, String clientName, LegalDetails details) {
        Account account = require(code);
        accounts.save(new Account(code, clientName, account.tariffs(), account.dedicatedOperators()));
        legal.save(code, details);
        events.publishEvent(new AccountsChanged(code));
    }

    /** Replaces the account's tariff assignments. */
    @Transactional
    public void assignTariffs(String code, Set<Account.TariffAssignment> tariffs) {
        Account account = require(code);
        accounts.save(new Account(code, account.clientName(), tariffs, account.dedicatedOperators()));
        events.publishEvent(new AccountsChanged(code));
    }

    /** Deletes an account that has no history at all; otherwise a conflict. */
    @Transactional
    public void delete(String code) {
        Account account = require(code);
        if (!account.tariffs().isEmpty() || !account.dedicatedOperators().isEmpty() || !numbers.of(code).isEmpty()) {
            throw Refusal.conflict("account.inUse", code);
        }
        try {
            jdbc.update("delete from account_contact where account_code = ?", code);
            jdbc.update("delete from account where code = ?", code);
        } catch (DataIntegrityViolationException e) {
            // ledger entries, closes or inventory rows refer to it
            throw Refusal.conflict("account.inUse", code);
        }
        events.publishEvent(new AccountsChanged(code));
    }

    /** Adds an operator dedicated to the account, or sets the end date of the one that starts that day. */
    @Transactional
    public Account addDedicatedOperator(String accountCode, Account.DedicatedOperator operator) {
        Account account = require(accountCode);
        Set<Account.DedicatedOperator> operators = new HashSet<>(account.dedicatedOperators());
        operators.removeIf(d -> d.operatorId().equals(operator.operatorId()) && d.validFrom().equals(operator.validFrom()));
        operators.add(operator);
        Account changed = accounts.save(new Account(account.code(), account.clientName(), account.tariffs(), operators));
        events.publishEvent(new AccountsChanged(accountCode));
        return changed;
    }

    /**
     * Records that the account holds a number over these days (or sets the end of a holding that starts the same
     * day): the inventory's assignment of the number, the same operation as in the inventory ({@link Inventory#holdNumber}).
     */
    @Transactional
    public void assignNumber(String accountCode, NumberAssignment assignment, String actor) {
        require(accountCode);
        inventory.holdNumber(new Holders.Holding(assignment.number(), assignment.kind(), assignment.channels(),
                accountCode, assignment.validFrom(), assignment.validTo()), actor, null);
        events.publishEvent(new AccountsChanged(accountCode));
    }

    /**
     * The holdings of many accounts at once (tariffs, dedicated operators, numbers), read in three queries
     * rather than one per account: period close reads thousands.
     */
    public Map<String, Holdings> holdings(Collection<String> codes) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Set<Account.TariffAssignment>> tariffs = new HashMap<>();
        Map<String, Set<Account.DedicatedOperator>> operators = new HashMap<>();
        Object[] array = codes.toArray();
        query("select code, client_name from account where code = any(?) order by code", array,
                rs -> names.put(rs.getString(1), rs.getString(2)));
        query("select account_code, tariff_code, valid_from, valid_to from account_tariff where account_code = any(?)", array,
                rs -> tariffs.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(new Account.TariffAssignment(
                        rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))));
        query("select account_code, operator_id, valid_from, valid_to from dedicated_operator where account_code = any(?)", array,
                rs -> operators.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(new Account.DedicatedOperator(
                        rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))));
        Map<String, List<NumberAssignment>> held = numbers.of(codes);
        Map<String, Holdings> result = new LinkedHashMap<>();
        names.forEach((code, name) -> result.put(code, new Holdings(
                new Account(code, name, tariffs.get(code), operators.get(code)), held.getOrDefault(code, new ArrayList<>()))));
        return result;
    }

    private void query(String sql, Object[] codes, org.springframework.jdbc.core.RowCallbackHandler row) {
        jdbc.query(c -> {
            var ps = c.prepareStatement(sql);
            ps.setArray(1, c.createArrayOf("text", codes));
            return ps;
        }, row);
    }

    private Account require(String code) {
        return accounts.findById(code).orElseThrow(() -> Refusal.notFound("account.unknown", code));
    }
}
