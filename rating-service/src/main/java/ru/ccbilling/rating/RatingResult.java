package ru.ccbilling.rating;

import java.util.List;

import ru.ccbilling.money.Money;
import ru.ccbilling.refusal.Text;
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

    /** the detail is stored in Russian ({@link Text#russian()}) and answered in the reader's language */
    record Rejected(RejectReason reason, Text detail, String account, String tariff, Integer tariffVersion)
            implements RatingResult {
        static Rejected of(RejectReason reason, Text detail) {
            return new Rejected(reason, detail, null, null, null);
        }
    }
}
