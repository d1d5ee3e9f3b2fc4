package ru.ccbilling.account;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Checks what an account is given before anything is written: tariffs and dedicated operators that exist, each
 * from a date to a later one, and never two tariffs at once. A failed check is an {@link AccountRefused}.
 */
@Component
public class AssignmentCheck {

    private final TariffCodes tariffCodes;
    private final OperatorIds operators;

    AssignmentCheck(TariffCodes tariffCodes, OperatorIds operators) {
        this.tariffCodes = tariffCodes;
        this.operators = operators;
    }

    /**
     * The tariff assignments as given (codes trimmed), each with validTo after validFrom, none overlapping another,
     * each of an existing tariff; the fields at fault are named by position, {@code tariffs[i]}.
     */
    public Set<Account.TariffAssignment> tariffs(List<Account.TariffAssignment> given) {
        List<Account.TariffAssignment> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Account.TariffAssignment t = given.get(i);
            if (t.tariffCode() == null || t.tariffCode().isBlank()) {
                throw new AccountRefused(AccountRefused.Why.INVALID, "tariffs[" + i + "].tariff", "is required");
            }
            if (!endsAfterStart(t.validFrom(), t.validTo())) {
                throw new AccountRefused(AccountRefused.Why.INVALID, "tariffs[" + i + "].validTo", "must be after validFrom");
            }
            Account.TariffAssignment a = new Account.TariffAssignment(t.tariffCode().trim(), t.validFrom(), t.validTo());
            for (int j = 0; j < out.size(); j++) {
                Account.TariffAssignment b = out.get(j);
                boolean overlap = (b.validTo() == null || a.validFrom().isBefore(b.validTo()))
                        && (a.validTo() == null || b.validFrom().isBefore(a.validTo()));
                if (overlap) {
                    throw new AccountRefused(AccountRefused.Why.INVALID, "tariffs[" + i + "]", "overlaps tariffs[" + j + "]");
                }
            }
            out.add(a);
        }
        // an account is rated under its tariffs: one that does not exist would reject every call as NO_TARIFF
        for (int i = 0; i < out.size(); i++) {
            String tariff = out.get(i).tariffCode();
            if (!tariffCodes.exists(tariff)) {
                throw new AccountRefused(AccountRefused.Why.UNKNOWN, "tariffs[" + i + "].tariff", "no tariff " + tariff);
            }
        }
        return new HashSet<>(out);
    }

    /** An operator to dedicate: validTo after validFrom, and an operator of the reference data. */
    public void operator(Account.DedicatedOperator operator) {
        if (!endsAfterStart(operator.validFrom(), operator.validTo())) {
            throw new AccountRefused(AccountRefused.Why.INVALID, "validTo", "must be after validFrom");
        }
        if (!operators.operatorExists(operator.operatorId())) {
            String reason = "no operator " + operator.operatorId() + " in the reference data";
            throw new AccountRefused(AccountRefused.Why.UNKNOWN, "operatorId", reason,
                    "operatorId: " + reason + "; add it there first");
        }
    }

    /** A number holding: validTo after validFrom. */
    public void number(NumberAssignment number) {
        if (!endsAfterStart(number.validFrom(), number.validTo())) {
            throw new AccountRefused(AccountRefused.Why.INVALID, "validTo", "must be after validFrom");
        }
    }

    private static boolean endsAfterStart(LocalDate from, LocalDate to) {
        return to == null || to.isAfter(from);
    }
}
