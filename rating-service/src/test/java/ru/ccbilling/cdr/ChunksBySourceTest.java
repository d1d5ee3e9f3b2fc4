package ru.ccbilling.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * How intake cuts a batch into the chunks it stores, one transaction each: by source, a source's records together
 * where they fit, at most a chunk's size, every record once, each source's records in their order.
 */
class ChunksBySourceTest {

    private static List<List<String>> chunks(List<String> records, int size) {
        List<List<String>> out = new ArrayList<>();
        for (List<Integer> chunk : CdrIntake.chunksBySource(records, r -> r.substring(0, r.indexOf(':')), size)) {
            out.add(chunk.stream().map(records::get).toList());
        }
        return out;
    }

    /** n records of each source, the sources taking turns, as a Kafka partition interleaves its switches */
    private static List<String> interleaved(int n, String... sources) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (String s : sources) {
                records.add(s + ":" + i);
            }
        }
        return records;
    }

    @Test
    void interleavedSwitchesAreStoredOneSwitchPerChunkWhereTheyFit() {
        List<List<String>> chunks = chunks(interleaved(870, "d", "b", "a", "c"), 1000);
        assertThat(chunks).hasSize(4);
        assertThat(chunks).extracting(c -> c.get(0)).containsExactly("a:0", "b:0", "c:0", "d:0");
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c).hasSize(870).allMatch(r -> r.charAt(0) == c.get(0).charAt(0));
            assertThat(c).extracting(r -> Integer.parseInt(r.substring(2))).isSorted();
        });
    }

    @Test
    void aSourceLargerThanAChunkFillsWholeChunksAndSmallSourcesJoinItsRest() {
        List<String> records = new ArrayList<>(interleaved(2500, "big"));
        records.addAll(interleaved(3, "s1", "s2", "s3", "s4", "s5"));
        List<List<String>> chunks = chunks(records, 1000);
        assertThat(chunks).extracting(List::size).containsExactly(1000, 1000, 515);
        assertThat(chunks.get(2).subList(0, 500)).allMatch(r -> r.startsWith("big:"));
        assertThat(chunks.get(2).subList(500, 515)).allMatch(r -> r.startsWith("s"));
        everyRecordOnce(records, chunks);
    }

    @Test
    void aBatchOfOneSourceIsCutAsBeforeAndAnEmptyOneHasNoChunk() {
        List<String> records = interleaved(2300, "pbx");
        List<List<String>> chunks = chunks(records, 1000);
        assertThat(chunks).extracting(List::size).containsExactly(1000, 1000, 300);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(records);
        assertThat(CdrIntake.chunksBySource(List.<String>of(), Function.identity(), 1000)).isEmpty();
    }

    @Test
    void manySmallSourcesShareChunksUpToTheSize() {
        List<String> records = interleaved(2, "s00", "s01", "s02", "s03", "s04", "s05", "s06", "s07", "s08", "s09");
        List<List<String>> chunks = chunks(records, 7);
        // a source's pair is never split: three sources (6 records) a chunk, the last source alone
        assertThat(chunks).extracting(List::size).containsExactly(6, 6, 6, 2);
        everyRecordOnce(records, chunks);
    }

    private static void everyRecordOnce(List<String> records, List<List<String>> chunks) {
        assertThat(chunks.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(records);
    }
}
