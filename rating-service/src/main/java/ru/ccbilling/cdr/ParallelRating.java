package ru.ccbilling.cdr;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.annotation.PreDestroy;
import ru.ccbilling.rating.CdrReader;
import ru.ccbilling.rating.RatingEngine;
import ru.ccbilling.rating.RatingResult;

/**
 * Reads and rates the records of a batch on every core: the request's own thread and a small pool (one thread
 * fewer than the cores) take slices of the batch until none is left. Rating is pure CPU over in-memory snapshots,
 * so a batch sent alone is rated as fast as the machine allows; under many concurrent batches the request
 * threads already fill the cores, and the pool's threads find little left to take.
 */
@Component
class ParallelRating {

    private static final int SLICE = 100;

    /** a record as read, and its rating if it could be read */
    record Rated(CdrReader.Read read, RatingResult result) { }

    private final RatingEngine engine;
    private final int helpers = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
    private final ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, helpers), r -> {
        Thread t = new Thread(r, "cdr-rating");
        t.setDaemon(true);
        return t;
    });

    ParallelRating(RatingEngine engine) {
        this.engine = engine;
    }

    Rated[] readAndRate(List<JsonNode> records) {
        Rated[] out = new Rated[records.size()];
        int slices = (records.size() + SLICE - 1) / SLICE;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(slices);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable work = () -> {
            for (int s = next.getAndIncrement(); s < slices; s = next.getAndIncrement()) {
                try {
                    for (int i = s * SLICE, end = Math.min(records.size(), i + SLICE); i < end; i++) {
                        out[i] = readAndRate(records.get(i));
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }
        };
        for (int h = 0; h < Math.min(helpers, slices - 1); h++) {
            try {
                pool.execute(work);
            } catch (RejectedExecutionException stopping) {
                break;
            }
        }
        work.run();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rating a batch", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return out;
    }

    private Rated readAndRate(JsonNode node) {
        CdrReader.Read read = CdrReader.read(node);
        return new Rated(read, read.ok() ? engine.rate(read.cdr()) : null);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
