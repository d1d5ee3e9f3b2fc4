package ru.ccbilling.account;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/** The accounts, as aggregates with their tariffs and dedicated operators. */
public interface Accounts extends ListCrudRepository<Account, String> {
    List<Account> findAllByOrderByCode();
}
