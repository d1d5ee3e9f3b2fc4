package ru.ccbilling.rating;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import ru.ccbilling.account.Account;
import ru.ccbilling.reference.PrefixTable;

/**
 * Everything rating needs to resolve and classify a call, as one immutable snapshot read from PostgreSQL:
 * accounts, who holds which number, operators and their sites, trunks, prefixes, origins, holidays.
 */
public record RatingReference(Map<String, Account> accounts, Map<String, String> numberHolders,
                              Map<String, String> operatorSites, Set<String> trunks, PrefixTable destinations,
                              PrefixTable origins, Set<LocalDate> holidays) {

    public RatingReference {
        accounts = Map.copyOf(accounts);
        numberHolders = Map.copyOf(numberHolders);
        operatorSites = Map.copyOf(operatorSites);
        trunks = Set.copyOf(trunks);
        holidays = Set.copyOf(holidays);
    }
}
