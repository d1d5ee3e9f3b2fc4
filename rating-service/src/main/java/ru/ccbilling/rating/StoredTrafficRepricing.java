package ru.ccbilling.rating;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.tariff.StoredTraffic;

/** The sales quotes' re-pricing of an account's stored calls, by the engine that rates them (as simulation does). */
@Component
class StoredTrafficRepricing implements StoredTraffic {

    private final RatingEngine engine;
    private final StoredRecords stored;

    StoredTrafficRepricing(RatingEngine engine, StoredRecords stored) {
        this.engine = engine;
        this.stored = stored;
    }

    @Override
    public int reprice(String account, OffsetDateTime from, OffsetDateTime to, int limit, List<Version> versions,
                       Consumer consumer) {
        int calls = 0;
        for (JsonNode node : stored.of(account, from, to, limit)) {
            CdrReader.Read read = CdrReader.read(node);
            if (!read.ok()) {
                continue;
            }
            calls++;
            for (int i = 0; i < versions.size(); i++) {
                RatingResult result = engine.rate(read.cdr(), new TariffChoice(versions.get(i).tariff(), versions.get(i).version()));
                consumer.accept(i, result instanceof RatingResult.Rated rated ? rated.lines() : List.of());
            }
        }
        return calls;
    }
}
