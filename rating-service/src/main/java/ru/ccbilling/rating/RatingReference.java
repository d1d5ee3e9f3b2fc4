package ru.ccbilling.rating;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import ru.ccbilling.account.Account;
import ru.ccbilling.reference.PrefixTable;

/**
 * Everything rating needs to resolve and classify a call, as one immutable snapshot read from PostgreSQL:
 * accounts, who holds which number (now, from the inventory; and by date: the virtual-office numbers, and the 8-800
 * numbers whose calls belong to the holder on the call's day), operators and their sites, trunks, prefixes, origins,
 * holidays.
 */
public record RatingReference(Map<String, Account> accounts, Map<String, String> numberHolders,
                              Map<String, String> operatorSites, Set<String> trunks, PrefixTable destinations,
                              PrefixTable origins, Set<LocalDate> holidays, HeldNumbers heldNumbers,
                              HeldNumbers tollFreeHeld) {

    public RatingReference {
        accounts = Map.copyOf(accounts);
        numberHolders = Map.copyOf(numberHolders);
        operatorSites = Map.copyOf(operatorSites);
        trunks = Set.copyOf(trunks);
        holidays = Set.copyOf(holidays);
        heldNumbers = heldNumbers == null ? HeldNumbers.NONE : heldNumbers;
        tollFreeHeld = tollFreeHeld == null ? always(numberHolders) : tollFreeHeld;
    }

    /** the 8-800 numbers held by date as the current holders, held since ever (for fixtures without dates) */
    public RatingReference(Map<String, Account> accounts, Map<String, String> numberHolders,
                           Map<String, String> operatorSites, Set<String> trunks, PrefixTable destinations,
                           PrefixTable origins, Set<LocalDate> holidays, HeldNumbers heldNumbers) {
        this(accounts, numberHolders, operatorSites, trunks, destinations, origins, holidays, heldNumbers, null);
    }

    private static HeldNumbers always(Map<String, String> holders) {
        HeldNumbers.Builder held = new HeldNumbers.Builder();
        holders.forEach((number, account) -> held.add(number, new HeldNumbers.Holding(account, LocalDate.MIN, null)));
        return held.build();
    }

    /** without numbers held by date: no virtual-office call finds its account */
    public RatingReference(Map<String, Account> accounts, Map<String, String> numberHolders,
                           Map<String, String> operatorSites, Set<String> trunks, PrefixTable destinations,
                           PrefixTable origins, Set<LocalDate> holidays) {
        this(accounts, numberHolders, operatorSites, trunks, destinations, origins, holidays, HeldNumbers.NONE);
    }
}
