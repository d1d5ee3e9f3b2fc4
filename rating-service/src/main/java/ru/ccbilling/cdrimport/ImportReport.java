package ru.ccbilling.cdrimport;

import java.util.ArrayList;
import java.util.List;

/**
 * The result document of an import job: what was read and every refused line with its number and reason
 * (the first {@link #MAX_LISTED}; {@code refusedCount} counts them all).
 */
public record ImportReport(String mapping, String source, long records, long refusedCount, boolean refusedTruncated,
                           List<RefusedLine> refused) {

    static final int MAX_LISTED = 1000;

    public record RefusedLine(long line, String cdrId, String reason) { }

    /** the report as the job goes */
    static final class Builder {
        private final String mapping;
        private final String source;
        private final List<RefusedLine> refused = new ArrayList<>();
        private long records;
        private long refusedCount;

        Builder(String mapping, String source) {
            this.mapping = mapping;
            this.source = source;
        }

        void read() {
            records++;
        }

        void refuse(long line, String cdrId, String reason) {
            refusedCount++;
            if (refused.size() < MAX_LISTED) {
                refused.add(new RefusedLine(line, cdrId, reason));
            }
        }

        ImportReport build() {
            return new ImportReport(mapping, source, records, refusedCount, refusedCount > refused.size(),
                    List.copyOf(refused));
        }
    }
}
