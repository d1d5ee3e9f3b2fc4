package ru.ccbilling.tariff;

import java.time.OffsetDateTime;
import java.util.List;

import ru.ccbilling.rules.PricedLine;

/**
 * An account's stored calls re-priced by the real engine under given tariff versions, for quotes. Implemented by
 * rating (which depends on tariffs, not the other way round); used by the sales quotes (tariff.sales).
 */
public interface StoredTraffic {

    /** a tariff version to price under */
    record Version(String tariff, int version) { }

    /** the lines of one call under the version at {@code index} of the list given (none when rejected) */
    interface Consumer {
        void accept(int index, List<PricedLine> lines);
    }

    /** prices each stored call of the account in [from, to) (at most {@code limit}) under each version; answers how many */
    int reprice(String account, OffsetDateTime from, OffsetDateTime to, int limit, List<Version> versions, Consumer consumer);
}
