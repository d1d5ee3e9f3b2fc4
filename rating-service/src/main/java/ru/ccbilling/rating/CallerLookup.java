package ru.ccbilling.rating;

import java.util.Optional;

/** Region and operator of a caller's number, from the number-range registry. */
@FunctionalInterface
public interface CallerLookup {

    record Holder(String region, String operator) { }

    Optional<Holder> holderOf(String number);
}
