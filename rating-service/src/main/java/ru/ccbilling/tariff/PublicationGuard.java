package ru.ccbilling.tariff;

import java.time.OffsetDateTime;
import java.util.Optional;

import ru.ccbilling.refusal.Text;

/**
 * Says why a version may not take effect at a given time, e.g. because that time falls in a closed billing
 * period. Implemented by billing; without an implementation every date is allowed.
 */
public interface PublicationGuard {
    Optional<Text> refusal(OffsetDateTime effectiveFrom);
}
