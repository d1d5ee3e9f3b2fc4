package ru.ccbilling.account;

import java.util.List;

/** What an account holds over time, as billing needs it: tariffs and dedicated operators (in the account) and numbers. */
public record Holdings(Account account, List<NumberAssignment> numbers) {
    public Holdings {
        numbers = List.copyOf(numbers);
    }
}
