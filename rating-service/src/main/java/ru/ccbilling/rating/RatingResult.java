package ru.ccbilling.rating;

import java.util.List;

import ru.ccbilling.money.Money;
import ru.ccbilling.rules.PricedLine;

/** The outcome of rating one CDR: rated with its lines and total, or rejected with its reason. */
public sealed interface RatingResult {

    String account();

    record Rated(String account, String tariff, int tariffVersion, List<PricedLine> lines, Money total,
                 String callerRegion, String callerOperator) implements RatingResult {
        public Rated {
            lines = List.copyOf(lines);
        }
    }

    record Rejected(RejectReason reason, String detail, String account, String tariff, Integer tariffVersion)
            implements RatingResult {
        static Rejected of(RejectReason reason, String detail) {
            return new Rejected(reason, detail, null, null, null);
        }
    }
}
