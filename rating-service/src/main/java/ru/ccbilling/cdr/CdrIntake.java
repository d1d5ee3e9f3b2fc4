package ru.ccbilling.cdr;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

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
    private final CompactRecords compact;
    private final TransactionTemplate tx;
    private final Clock clock;

    CdrIntake(ParallelRating rating, CdrStore store, CompactRecords compact, TransactionTemplate tx, Clock clock) {
        this.rating = rating;
        this.compact = compact;
        this.store = store;
        this.tx = tx;
        this.clock = clock;
    }

    /** stores in chunks of at most {@value #CHUNK} records, each in a transaction of its own */
    public List<IntakeOutcome> submit(List<JsonNode> records) {
        return submit(records, CHUNK);
    }

    /**
     * stores in chunks of at most {@code chunk} records, each in a transaction of its own: the Kafka intake stores
     * a whole poll in one ({@code chunk} = its size), so that a poll is stored whole or not at all and every record
     * of a re-delivered poll has either its first outcome or none
     */
    public List<IntakeOutcome> submit(List<JsonNode> records, int chunk) {
        return submit(records, chunk, false);
    }

    /**
     * As {@link #submit(List, int)}, and empties {@code records} once they are read and rated: the caller hands the
     * batch over, and the trees it was read into are garbage while it is stored (the Kafka intake's polls of
     * thousands of records otherwise keep them alive through their transaction; BENCHMARKS.md, *Kafka intake*)
     */
    public List<IntakeOutcome> submitReleasing(List<JsonNode> records, int chunk) {
        return submit(records, chunk, true);
    }

    private List<IntakeOutcome> submit(List<JsonNode> records, int chunk, boolean release) {
        // PostgreSQL keeps microseconds: the same instant everywhere it is stored
        OffsetDateTime receivedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        ParallelRating.Rated[] rated = rating.readAndRate(records);
        IntakeOutcome[] outcomes = new IntakeOutcome[records.size()];
        List<Integer> positions = new ArrayList<>();
        List<CdrStore.Pending> pending = new ArrayList<>();
        Set<String> seenInBatch = new HashSet<>();
        for (int i = 0; i < outcomes.length; i++) {
            CdrReader.Read read = rated[i].read();
            if (!read.ok()) {
                rated[i] = null;
                JsonNode node = records.get(i);
                outcomes[i] = IntakeOutcome.refused(CdrReader.idPart(node, "source"), CdrReader.idPart(node, "cdrId"),
                        read.problems());
                continue;
            }
            Cdr cdr = read.cdr();
            RatingResult result = rated[i].result();
            rated[i] = null;
            if (!seenInBatch.add(cdr.source() + '\u0000' + cdr.cdrId())) {
                outcomes[i] = IntakeOutcome.duplicate(cdr.source(), cdr.cdrId());
                continue;
            }
            positions.add(i);
            // the record without its tree: the batch's trees need not outlive its rating (see CompactRecords.Residue)
            pending.add(new CdrStore.Pending(cdr.withoutRaw(), result, receivedAt, compact.residue(cdr)));
        }
        if (release) {
            records.clear();
        }
        for (List<Integer> part : chunksBySource(pending, p -> p.cdr().source(), chunk)) {
            List<CdrStore.Pending> rows = new ArrayList<>(part.size());
            for (int k : part) {
                rows.add(pending.get(k));
            }
            Set<String> duplicates = tx.execute(status -> store.store(rows));
            for (int k : part) {
                CdrStore.Pending p = pending.get(k);
                outcomes[positions.get(k)] = duplicates.contains(p.key())
                        ? IntakeOutcome.duplicate(p.cdr().source(), p.cdr().cdrId())
                        : outcomeOf(p.cdr(), p.result());
            }
        }
        return List.of(outcomes);
    }

    /**
     * The chunks to store, each at most {@code size} records, as indexes into {@code pending}: the records ordered
     * by source (stable: a source's records keep their order), a source's records kept together where they fit, so
     * that a batch of several switches (a Kafka partition interleaves the switches keyed to it) is stored in chunks of
     * one switch each where it can be. The report facts are grouped per chunk with the source among their keys, and a
     * chunk of one switch's calls groups into far fewer of them than a chunk of four (BENCHMARKS.md, *Kafka intake*).
     * Sources of a few records each share chunks, so a batch of many switches is not cut into many transactions.
     */
    static <T> List<List<Integer>> chunksBySource(List<T> pending, Function<T, String> sourceOf, int size) {
        String[] sources = new String[pending.size()];
        Integer[] order = new Integer[pending.size()];
        for (int i = 0; i < order.length; i++) {
            sources[i] = sourceOf.apply(pending.get(i));
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> sources[i]));
        List<List<Integer>> chunks = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int from = 0; from < order.length; ) {
            String source = sources[order[from]];
            int to = from;
            while (to < order.length && sources[order[to]].equals(source)) {
                to++;
            }
            // this source's records: a chunk of their own when they do not fit beside the current ones
            if (!current.isEmpty() && current.size() + (to - from) > size) {
                chunks.add(current);
                current = new ArrayList<>();
            }
            for (int k = from; k < to; k++) {
                current.add(order[k]);
                if (current.size() == size) {
                    chunks.add(current);
                    current = new ArrayList<>();
                }
            }
            from = to;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private static IntakeOutcome outcomeOf(Cdr cdr, RatingResult result) {
        if (result instanceof RatingResult.Rated rated) {
            return new IntakeOutcome(cdr.source(), cdr.cdrId(), IntakeOutcome.Kind.RATED, rated.total(), null, List.of());
        }
        RatingResult.Rejected rejected = (RatingResult.Rejected) result;
        return new IntakeOutcome(cdr.source(), cdr.cdrId(), IntakeOutcome.Kind.REJECTED, null, rejected.reason(), List.of());
    }
}
