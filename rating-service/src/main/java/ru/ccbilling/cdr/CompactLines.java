package ru.ccbilling.cdr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import ru.ccbilling.rules.PricedLine;

/**
 * The priced lines of a stored CDR as bytes (column {@code cdr.lines}, bytea): about 10 bytes a line instead of the
 * ~250 of their JSON. Each line, one after the other to the end:
 * <pre>
 *   varint component word id, byte flags (1 stage, 2 participant, 4 note, 8 amount, 16 rate),
 *   [varint stage], [varint participant], [varint note word id], [decimal amount], zigzag billedSeconds, [decimal rate]
 * </pre>
 * Words are ids of {@link CdrWords}; decimals as {@link CompactBytes} writes them (exact, scale kept). The notes stay
 * exactly what the rules wrote ({@link ru.ccbilling.rating.LineNotes} renders them for a reader). SQL writes the same
 * bytes with {@code cdr_lines_encode(jsonb)} (rating V122) for the migration and the benchmarks.
 */
public final class CompactLines {

    private static final int STAGE = 1;
    private static final int PARTICIPANT = 2;
    private static final int NOTE = 4;
    private static final int AMOUNT = 8;
    private static final int RATE = 16;

    private CompactLines() { }

    /** the words the lines need in the dictionary */
    static void words(List<PricedLine> lines, Collection<String> into) {
        for (PricedLine line : lines) {
            into.add(line.component());
            if (line.note() != null) {
                into.add(line.note());
            }
        }
    }

    static byte[] encode(List<PricedLine> lines, Map<String, Integer> ids) {
        CompactBytes.Out out = new CompactBytes.Out(12 * lines.size());
        for (PricedLine line : lines) {
            int flags = (line.stage() != null ? STAGE : 0) | (line.participant() != null ? PARTICIPANT : 0)
                    | (line.note() != null ? NOTE : 0) | (line.amount() != null ? AMOUNT : 0)
                    | (line.rate() != null ? RATE : 0);
            out.varint(id(ids, line.component())).put(flags);
            if (line.stage() != null) {
                out.varint(line.stage());
            }
            if (line.participant() != null) {
                out.varint(line.participant());
            }
            if (line.note() != null) {
                out.varint(id(ids, line.note()));
            }
            if (line.amount() != null) {
                out.decimal(line.amount());
            }
            out.zigzag(line.billedSeconds());
            if (line.rate() != null) {
                out.decimal(line.rate());
            }
        }
        return out.toArray();
    }

    private static int id(Map<String, Integer> ids, String word) {
        Integer id = ids.get(word);
        if (id == null) {
            throw new IllegalStateException("word not in the dictionary: " + word);
        }
        return id;
    }

    /** the lines as stored, in the shape readers use */
    public static List<StoredCdr.StoredLine> decode(byte[] bytes, IntFunction<String> words) {
        List<StoredCdr.StoredLine> lines = new ArrayList<>(4);
        CompactBytes.In in = new CompactBytes.In(bytes);
        while (in.more()) {
            String component = words.apply(in.varint32());
            int flags = in.get();
            Integer stage = (flags & STAGE) != 0 ? in.varint32() : null;
            Integer participant = (flags & PARTICIPANT) != 0 ? in.varint32() : null;
            String note = (flags & NOTE) != 0 ? words.apply(in.varint32()) : null;
            BigDecimal amount = (flags & AMOUNT) != 0 ? in.decimal() : null;
            int seconds = Math.toIntExact(in.zigzag());
            BigDecimal rate = (flags & RATE) != 0 ? in.decimal() : null;
            lines.add(new StoredCdr.StoredLine(component, stage, amount == null ? null : amount.toPlainString(),
                    seconds, rate == null ? null : rate.toPlainString(), note, participant));
        }
        return lines;
    }
}
