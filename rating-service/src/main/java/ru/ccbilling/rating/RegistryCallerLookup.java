package ru.ccbilling.rating;

import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.ccbilling.reference.NumberRangeRegistry;

/** Caller lookup over the imported number-range registry. */
@Component
class RegistryCallerLookup implements CallerLookup {

    private final NumberRangeRegistry registry;

    RegistryCallerLookup(NumberRangeRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<Holder> holderOf(String number) {
        return registry.lookup(number).map(r -> new Holder(r.region(), r.operator()));
    }
}
