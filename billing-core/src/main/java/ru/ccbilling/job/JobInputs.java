package ru.ccbilling.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The files jobs were started with ({@code job_input}), in parts of {@value #PART} bytes: stored with the job so
 * that whichever instance runs it (again) reads the same file, and neither side holds the file whole in memory.
 */
@Repository
class JobInputs {

    static final int PART = 1 << 20;

    private final JdbcTemplate jdbc;

    JobInputs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** stores the file of the job, whose row must already be written (in the same transaction); answers its size */
    long store(UUID job, InputStream file) {
        long size = 0;
        try (InputStream in = file) {
            byte[] part;
            for (int n = 0; (part = in.readNBytes(PART)).length > 0; n++) {
                jdbc.update("insert into job_input (job_id, part, content) values (?, ?, ?)", job, n, part);
                size += part.length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the job's file could not be read", e);
        }
        return size;
    }

    /** the file of the job, read a part at a time */
    InputStream open(UUID job) {
        Integer parts = jdbc.queryForObject("select count(*) from job_input where job_id = ?", Integer.class, job);
        if (parts == null || parts == 0) {
            throw new IllegalStateException("job " + job + " was started without a file");
        }
        return new Parts(job, parts);
    }

    void delete(UUID job) {
        jdbc.update("delete from job_input where job_id = ?", job);
    }

    private final class Parts extends InputStream {
        private final UUID job;
        private final int count;
        private int next;
        private byte[] part = new byte[0];
        private int at;

        Parts(UUID job, int count) {
            this.job = job;
            this.count = count;
        }

        @Override
        public int read() {
            return ready() ? part[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!ready()) {
                return -1;
            }
            int n = Math.min(len, part.length - at);
            System.arraycopy(part, at, b, off, n);
            at += n;
            return n;
        }

        /** whether a byte is there to read, fetching the next part when this one is read */
        private boolean ready() {
            while (at == part.length) {
                if (next == count) {
                    return false;
                }
                part = jdbc.queryForObject("select content from job_input where job_id = ? and part = ?",
                        byte[].class, job, next++);
                at = 0;
            }
            return true;
        }
    }
}
