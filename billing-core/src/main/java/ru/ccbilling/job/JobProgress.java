package ru.ccbilling.job;

import java.io.InputStream;
import java.util.UUID;

/** What a running job reports as it goes, and what it reads back; writes are throttled, the last report always lands. */
public interface JobProgress {

    UUID id();

    /** the amount of work, when known (records, accounts...) */
    void total(long total);

    /** {@code done} more units finished; {@code outcome} counts them by outcome (RATED, REJECTED...), may be null */
    void advance(long done, String outcome);

    /** the file the job was started with (see {@link Jobs#start(JobHandler, Object, String, String, InputStream)}) */
    InputStream input();
}
