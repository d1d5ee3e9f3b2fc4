package ru.ccbilling.cdr;

import java.util.List;

import ru.ccbilling.money.Money;
import ru.ccbilling.refusal.Refusal.Fault;
import ru.ccbilling.rating.RejectReason;

/** What became of one submitted record. */
public record IntakeOutcome(String source, String cdrId, Kind kind, Money total, RejectReason reason,
                            List<Fault> errors) {

    public enum Kind { RATED, REJECTED, DUPLICATE, REFUSED }

    static IntakeOutcome refused(String source, String cdrId, List<Fault> errors) {
        return new IntakeOutcome(source, cdrId, Kind.REFUSED, null, null, errors);
    }

    static IntakeOutcome duplicate(String source, String cdrId) {
        return new IntakeOutcome(source, cdrId, Kind.DUPLICATE, null, null, List.of());
    }
}
