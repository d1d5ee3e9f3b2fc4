package ru.ccbilling.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.rating.GeneratedCallsTest;

/**
 * Clients that resend the same records at once, each in its own order, never deadlock: the keys are claimed in key
 * order. Every record is stored exactly once; one request gets its outcome (RATED or REJECTED), the others
 * DUPLICATE; no request fails. Through HTTP the rating of each batch staggers the requests, so the claims seldom
 * overlap; the test at the store lines them up, and without the ordered claim it ends in "deadlock detected".
 */
@PlatformTest
class ConcurrentResendTest {

    private static final int CLIENTS = 3;
    private static final int ROUNDS = 8;
    private static final int RECORDS = 1_000;

    @LocalServerPort
    int port;

    @Autowired
    ParallelRating rating;

    @Autowired
    CdrStore store;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    CompactRecords compact;

    /**
     * The same, at the store and without the rating between the requests, so that the claims really overlap: chunks
     * of the same 1,000 keys in different orders, stored at the same instant in transactions of their own.
     */
    @Test
    void chunksOfTheSameKeysInDifferentOrdersStoredAtOnceNeverDeadlock() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int round = 0; round < 20; round++) {
                String source = "claims-" + round + "-" + System.nanoTime();
                Random random = new Random(round);
                List<JsonNode> records = new ArrayList<>();
                for (int i = 0; i < RECORDS; i++) {
                    records.add(GeneratedCallsTest.randomCall(random, i).put("source", source));
                }
                ParallelRating.Rated[] rated = rating.readAndRate(records);
                List<CdrStore.Pending> pending = new ArrayList<>();
                for (ParallelRating.Rated r : rated) {
                    pending.add(new CdrStore.Pending(r.read().cdr(), r.result(), OffsetDateTime.now(), compact));
                }
                CyclicBarrier start = new CyclicBarrier(CLIENTS);
                List<Callable<Set<String>>> writes = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    List<CdrStore.Pending> shuffled = new ArrayList<>(pending);
                    Collections.shuffle(shuffled, new Random(round * 31L + c));
                    writes.add(() -> {
                        start.await();
                        return tx.execute(status -> store.store(shuffled));
                    });
                }
                int duplicates = 0;
                for (Future<Set<String>> written : writers.invokeAll(writes)) {
                    duplicates += written.get().size();
                }
                assertThat(duplicates).isEqualTo((CLIENTS - 1) * RECORDS);
            }
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void theSameKeysSentAtOnceInDifferentOrdersAreStoredOnceWithoutAFailure() throws Exception {
        Api api = Api.as(port, "admin", "admin");
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String source = "resend-" + round + "-" + System.nanoTime();
                Random random = new Random(round);
                List<ObjectNode> records = new ArrayList<>();
                for (int i = 0; i < RECORDS; i++) {
                    records.add(GeneratedCallsTest.randomCall(random, i).put("source", source));
                }
                List<Callable<JsonNode>> sends = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    List<ObjectNode> shuffled = new ArrayList<>(records);
                    Collections.shuffle(shuffled, new Random(round * 31L + c));
                    ObjectNode body = Api.json().createObjectNode();
                    body.putArray("records").addAll(shuffled);
                    String json = body.toString();
                    sends.add(() -> {
                        Api.Response response = api.post("/api/v1/cdrs", json);
                        assertThat(response.status()).as(response.raw()).isEqualTo(200);
                        return response.body().get("results");
                    });
                }
                Map<String, Integer> stored = new HashMap<>();
                for (Future<JsonNode> answer : clients.invokeAll(sends)) {
                    for (JsonNode result : answer.get()) {
                        String outcome = result.get("outcome").asText();
                        assertThat(outcome).isIn("RATED", "REJECTED", "DUPLICATE");
                        stored.merge(result.get("cdrId").asText(), outcome.equals("DUPLICATE") ? 0 : 1, Integer::sum);
                    }
                }
                assertThat(stored).hasSize(RECORDS);
                assertThat(stored.values()).as("each record stored by exactly one request").containsOnly(1);
                assertThat(api.get("/api/v1/cdrs?source=" + source + "&size=1").body().get("total").asInt())
                        .isEqualTo(RECORDS);
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
