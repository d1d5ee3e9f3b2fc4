package ru.ccbilling.document;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Where documents get the charges of closed months. The billing module (period close, ledger) implements it;
 * documents define it so that they depend on nothing of billing. Until an implementation is present, the
 * document API answers that no closed periods are available yet.
 */
public interface StatementSource {

    /** the statement of an account for a month, when the month is closed for it and the account exists */
    Optional<Statement> statement(String account, YearMonth month);

    /** the accounts whose month is closed (their documents can be issued), in any order */
    List<String> closedAccounts(YearMonth month);

    /** whether the month is closed for the account; documents of an open month are refused */
    boolean isClosed(String account, YearMonth month);

    /** corrections of that closed month of the account (re-rating after close), oldest first */
    List<Correction> corrections(String account, YearMonth month);
}
