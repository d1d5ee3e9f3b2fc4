package ru.ccbilling.account;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Refusal.Fault;
import ru.ccbilling.refusal.Refusal.Kind;
import ru.ccbilling.refusal.Text;

/**
 * Checks what an account is given before anything is written: tariffs and dedicated operators that exist, each
 * from a date to a later one, and never two tariffs at once. A failed check is a {@link Refusal}: 400 for a wrong value, 422 for
 * a tariff or operator that does not exist.
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
                throw Refusal.invalid("tariffs[" + i + "].tariff", "value.required");
            }
            if (!endsAfterStart(t.validFrom(), t.validTo())) {
                throw Refusal.invalid("tariffs[" + i + "].validTo", "account.validToAfterFrom");
            }
            Account.TariffAssignment a = new Account.TariffAssignment(t.tariffCode().trim(), t.validFrom(), t.validTo());
            for (int j = 0; j < out.size(); j++) {
                Account.TariffAssignment b = out.get(j);
                boolean overlap = (b.validTo() == null || a.validFrom().isBefore(b.validTo()))
                        && (a.validTo() == null || b.validFrom().isBefore(a.validTo()));
                if (overlap) {
                    throw Refusal.invalid("tariffs[" + i + "]", "account.tariffsOverlap", j);
                }
            }
            out.add(a);
        }
        // an account is rated under its tariffs: one that does not exist would reject every call as NO_TARIFF
        for (int i = 0; i < out.size(); i++) {
            String tariff = out.get(i).tariffCode();
            if (!tariffCodes.exists(tariff)) {
                throw Refusal.field(Kind.UNPROCESSABLE, "tariffs[" + i + "].tariff", Text.of("account.unknownTariff", tariff));
            }
        }
        return new HashSet<>(out);
    }

    /** An operator to dedicate: validTo after validFrom, and an operator of the reference data. */
    public void operator(Account.DedicatedOperator operator) {
        if (!endsAfterStart(operator.validFrom(), operator.validTo())) {
            throw Refusal.invalid("validTo", "account.validToAfterFrom");
        }
        if (!operators.operatorExists(operator.operatorId())) {
            throw Refusal.of(Kind.UNPROCESSABLE, Text.of("account.unknownOperatorAddFirst", operator.operatorId()),
                    List.of(new Fault("operatorId", Text.of("account.unknownOperator", operator.operatorId()))));
        }
    }

    /**
     * A number holding: validTo after validFrom; a virtual-office number has channels (one or more) and is not an
     * 8-800 number; an 8-800 number has no channels.
     */
    public void number(NumberAssignment number) {
        if (!endsAfterStart(number.validFrom(), number.validTo())) {
            throw Refusal.invalid("validTo", "account.validToAfterFrom");
        }
        if (!number.isVirtualOffice()) {
            if (number.channels() != null) {
                throw Refusal.invalid("channels", "account.channelsOfVirtualOfficeOnly");
            }
            return;
        }
        if (number.channels() == null) {
            throw Refusal.invalid("channels", "account.channelsRequired");
        }
        if (number.channels() < 1) {
            throw Refusal.invalid("channels", "account.channelsAtLeastOne");
        }
        if (number.number() != null && number.number().startsWith("7800")) {
            throw Refusal.invalid("kind", "account.tollFreeNotVirtualOffice", number.number());
        }
    }

    private static boolean endsAfterStart(LocalDate from, LocalDate to) {
        return to == null || to.isAfter(from);
    }
}
