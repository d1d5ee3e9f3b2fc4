package ru.ccbilling.rating;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import ru.ccbilling.account.Account;
import ru.ccbilling.account.AccountDirectory;
import ru.ccbilling.account.AccountsChanged;
import ru.ccbilling.changes.ChangeNotifications;
import ru.ccbilling.inventory.HoldingsChanged;
import ru.ccbilling.inventory.Inventory;
import ru.ccbilling.reference.ReferenceChanged;
import ru.ccbilling.reference.ReferenceData;

/**
 * Holds the current {@link RatingReference}. It is rebuilt after every change made here, and when another instance
 * announces a change ({@link ChangeNotifications}, within a second). Each change also bumps a revision in PostgreSQL,
 * which a slow safety poll compares.
 */
@Component
public class RatingReferences implements ReferenceSource {

    private final ReferenceData reference;
    private final AccountDirectory accounts;
    private final Inventory inventory;
    private final JdbcTemplate jdbc;
    private final ChangeNotifications changes;
    private volatile RatingReference current;
    private volatile long revision = -1;

    static final String TOPIC = "reference";

    RatingReferences(ReferenceData reference, AccountDirectory accounts, Inventory inventory, JdbcTemplate jdbc,
                     ChangeNotifications changes) {
        this.reference = reference;
        this.accounts = accounts;
        this.inventory = inventory;
        this.jdbc = jdbc;
        this.changes = changes;
        changes.onChange(TOPIC, this::reload);
    }

    @Override
    public RatingReference current() {
        RatingReference snapshot = current;
        if (snapshot == null) {
            synchronized (this) {
                if (current == null) {
                    reload();
                }
                snapshot = current;
            }
        }
        return snapshot;
    }

    @EventListener(ApplicationStartedEvent.class)
    public synchronized void reload() {
        long seen = readRevision();
        Map<String, Account> byCode = new LinkedHashMap<>();
        accounts.all().forEach(a -> byCode.put(a.code(), a));
        Map<String, String> sites = reference.operators().stream()
                .collect(Collectors.toMap(ReferenceData.Operator::operatorId, ReferenceData.Operator::site));
        current = new RatingReference(byCode, inventory.numberHolders(), sites,
                reference.trunks().stream().map(ReferenceData.Trunk::trunk).collect(Collectors.toSet()),
                reference.destinations(), reference.origins(), reference.holidayDates(), heldNumbers(byCode, true),
                heldNumbers(byCode, false));
        revision = seen;
    }

    /**
     * the virtual-office numbers (or the 8-800 numbers) each account held, by date: the inventory's Busy periods,
     * which are billing's account numbers
     */
    private HeldNumbers heldNumbers(Map<String, Account> byCode, boolean virtualOffice) {
        HeldNumbers.Builder held = new HeldNumbers.Builder();
        accounts.holdings(byCode.keySet()).forEach((code, holdings) -> holdings.numbers().stream()
                .filter(n -> n.isVirtualOffice() == virtualOffice)
                .forEach(n -> held.add(n.number(), new HeldNumbers.Holding(code, n.validFrom(), n.validTo()))));
        return held.build();
    }

    /** in the transaction of the change, so that the revision and the announcement commit with it */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void announceReferenceChanged(ReferenceChanged event) {
        announce();
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void announceAccountsChanged(AccountsChanged event) {
        announce();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onReferenceChanged(ReferenceChanged event) {
        reload();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onAccountsChanged(AccountsChanged event) {
        reload();
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void announceHoldingsChanged(HoldingsChanged event) {
        announce();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onHoldingsChanged(HoldingsChanged event) {
        reload();
    }

    private void announce() {
        jdbc.update("update reference_revision set revision = revision + 1");
        changes.announce(TOPIC);
    }

    /** the backstop for a change whose announcement was lost */
    @Scheduled(fixedDelayString = "${ccbilling.changes.safety-poll-interval:60s}",
            initialDelayString = "${ccbilling.changes.safety-poll-interval:60s}")
    void poll() {
        if (readRevision() != revision) {
            reload();
        }
    }

    private long readRevision() {
        Long value = jdbc.queryForObject("select revision from reference_revision", Long.class);
        return value == null ? 0 : value;
    }
}
