package ru.ccbilling.cdr;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.rating.Cdr;
import ru.ccbilling.rating.CdrReader;
import ru.ccbilling.rating.RatingEngine;
import ru.ccbilling.rating.RatingResult;

/**
 * Takes CDRs in: reads each record, rates it, and stores it with its result. The records of a batch are read and
 * rated on several cores at once ({@link ParallelRating}); chunks of records are then stored in one transaction
 * each. The same source + cdrId, in this batch or any earlier one, is a DUPLICATE that changes nothing.
 * A malformed record is REFUSED and not stored; the others go on.
 */
@Service
public class CdrIntake {

    static final int CHUNK = 1000;

    private final ParallelRating rating;
    private final CdrStore store;
    private final TransactionTemplate tx;
    private final Clock clock;

    CdrIntake(ParallelRating rating, CdrStore store, TransactionTemplate tx, Clock clock) {
        this.rating = rating;
        this.store = store;
        this.tx = tx;
        this.clock = clock;
    }

    public List<IntakeOutcome> submit(List<JsonNode> records) {
        // PostgreSQL keeps microseconds: the same instant everywhere it is stored
        OffsetDateTime receivedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        ParallelRating.Rated[] rated = rating.readAndRate(records);
        IntakeOutcome[] outcomes = new IntakeOutcome[records.size()];
        List<Integer> positions = new ArrayList<>();
        List<CdrStore.Pending> pending = new ArrayList<>();
        Set<String> seenInBatch = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            CdrReader.Read read = rated[i].read();
            if (!read.ok()) {
                JsonNode node = records.get(i);
                outcomes[i] = IntakeOutcome.refused(CdrReader.idPart(node, "source"), CdrReader.idPart(node, "cdrId"),
                        read.problems());
                continue;
            }
            Cdr cdr = read.cdr();
            if (!seenInBatch.add(cdr.source() + '\u0000' + cdr.cdrId())) {
                outcomes[i] = IntakeOutcome.duplicate(cdr.source(), cdr.cdrId());
                continue;
            }
            positions.add(i);
            pending.add(new CdrStore.Pending(cdr, rated[i].result(), receivedAt));
        }
        for (int from = 0; from < pending.size(); from += CHUNK) {
            List<CdrStore.Pending> chunk = pending.subList(from, Math.min(pending.size(), from + CHUNK));
            Set<String> duplicates = tx.execute(status -> store.store(chunk));
            for (int j = 0; j < chunk.size(); j++) {
                CdrStore.Pending p = chunk.get(j);
                outcomes[positions.get(from + j)] = duplicates.contains(p.key())
                        ? IntakeOutcome.duplicate(p.cdr().source(), p.cdr().cdrId())
                        : outcomeOf(p.cdr(), p.result());
            }
        }
        return List.of(outcomes);
    }

    private static IntakeOutcome outcomeOf(Cdr cdr, RatingResult result) {
        if (result instanceof RatingResult.Rated rated) {
            return new IntakeOutcome(cdr.source(), cdr.cdrId(), IntakeOutcome.Kind.RATED, rated.total(), null, List.of());
        }
        RatingResult.Rejected rejected = (RatingResult.Rejected) result;
        return new IntakeOutcome(cdr.source(), cdr.cdrId(), IntakeOutcome.Kind.REJECTED, null, rejected.reason(), List.of());
    }
}
