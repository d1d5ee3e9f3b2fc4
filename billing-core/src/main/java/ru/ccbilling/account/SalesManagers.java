package ru.ccbilling.account;

import java.util.List;

/**
 * The users who may look after accounts as their sales manager (billing V112's {@code account.sales_manager}): the
 * enabled users with the SALES role. Users are the application's (rating's security), so this is a port it implements.
 */
public interface SalesManagers {

    /** the enabled SALES users' names, in order */
    List<String> all();

    default boolean isSalesManager(String username) {
        return all().contains(username);
    }
}
