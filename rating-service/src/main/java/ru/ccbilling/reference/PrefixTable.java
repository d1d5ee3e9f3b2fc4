package ru.ccbilling.reference;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Classes by number prefix; the longest matching prefix wins. */
public final class PrefixTable {

    private final Map<String, String> classByPrefix;
    private final int longest;

    public PrefixTable(Map<String, String> classByPrefix) {
        this.classByPrefix = Map.copyOf(new HashMap<>(classByPrefix));
        this.longest = classByPrefix.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    public Optional<String> classify(String number) {
        for (int length = Math.min(longest, number.length()); length > 0; length--) {
            String found = classByPrefix.get(number.substring(0, length));
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    public Map<String, String> entries() {
        return classByPrefix;
    }
}
