package ru.ccbilling.rating;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who held which number on which day ({@code account_number}): a VIRTUAL_OFFICE call belongs to the holder of the
 * number called at the call's date (tariff sheet 7.2), not to whoever holds it now.
 */
public final class HeldNumbers {

    /** an account held a number from a day (inclusive) to a day (exclusive, open when null) */
    public record Holding(String account, LocalDate from, LocalDate to) {
        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (to == null || day.isBefore(to));
        }
    }

    public static final HeldNumbers NONE = new HeldNumbers(Map.of());

    private final Map<String, List<Holding>> byNumber;

    public HeldNumbers(Map<String, List<Holding>> byNumber) {
        Map<String, List<Holding>> copy = new HashMap<>();
        byNumber.forEach((number, holdings) -> copy.put(number, List.copyOf(holdings)));
        this.byNumber = Map.copyOf(copy);
    }

    /** collects holdings one by one, as they are read */
    public static final class Builder {
        private final Map<String, List<Holding>> byNumber = new HashMap<>();

        public Builder add(String number, Holding holding) {
            byNumber.computeIfAbsent(number, k -> new ArrayList<>()).add(holding);
            return this;
        }

        public HeldNumbers build() {
            return new HeldNumbers(byNumber);
        }
    }

    /** whether any account holds or held the number, on any day */
    public boolean known(String number) {
        return number != null && byNumber.containsKey(number);
    }

    /** the account that held the number on that day */
    public Optional<String> holderOn(String number, LocalDate day) {
        for (Holding holding : byNumber.getOrDefault(number, List.of())) {
            if (holding.covers(day)) {
                return Optional.of(holding.account());
            }
        }
        return Optional.empty();
    }
}
