package ru.ccbilling.tariff;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Says why a version may not take effect at a given time, e.g. because that time falls in a closed billing
 * period. Implemented by billing; without an implementation every date is allowed.
 */
public interface PublicationGuard {
    Optional<String> refusal(OffsetDateTime effectiveFrom);
}
