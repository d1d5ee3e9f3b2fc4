package ru.ccbilling.rating;

/** Where the engine gets the current reference snapshot from. */
@FunctionalInterface
public interface ReferenceSource {
    RatingReference current();
}
