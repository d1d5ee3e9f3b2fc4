package ru.ccbilling.account;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** An account (лицевой счёт): the client it belongs to, its tariff by date, its dedicated operators by date. */
@Table("account")
public record Account(@Id String code,
                      String clientName,
                      @MappedCollection(idColumn = "account_code") Set<TariffAssignment> tariffs,
                      @MappedCollection(idColumn = "account_code") Set<DedicatedOperator> dedicatedOperators) {

    public Account {
        tariffs = tariffs == null ? Set.of() : Set.copyOf(tariffs);
        dedicatedOperators = dedicatedOperators == null ? Set.of() : Set.copyOf(dedicatedOperators);
    }

    /** the tariff in force on that date */
    public Optional<String> tariffOn(LocalDate date) {
        return tariffs.stream().filter(t -> t.covers(date)).map(TariffAssignment::tariffCode).findFirst();
    }

    /** whether the operator is dedicated to this account on that date (work included in the subscription) */
    public boolean dedicates(String operatorId, LocalDate date) {
        return dedicatedOperators.stream().anyMatch(d -> d.operatorId().equals(operatorId) && d.covers(date));
    }

    /** The tariff assigned to an account from a date (inclusive) to a date (exclusive, open when null). */
    @Table("account_tariff")
    public record TariffAssignment(String tariffCode, LocalDate validFrom, LocalDate validTo) {
        boolean covers(LocalDate date) {
            return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
        }
    }

    /** An operator dedicated to the account from a date (inclusive) to a date (exclusive, open when null). */
    @Table("dedicated_operator")
    public record DedicatedOperator(String operatorId, LocalDate validFrom, LocalDate validTo) {
        boolean covers(LocalDate date) {
            return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
        }
    }
}
