package ru.ccbilling.cdr;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** A CDR as stored, with the outcome of its rating. */
public record StoredCdr(String source, String cdrId, OffsetDateTime startTime, OffsetDateTime receivedAt, String callType,
                        String caller, String called, int durationSec, String account, String status, String reason,
                        String reasonDetail, String tariff, Integer tariffVersion, BigDecimal total,
                        List<StoredLine> lines, JsonNode record, String callerRegion, String callerOperator,
                        OffsetDateTime reprocessedAt) {

    /** {@code stage} and {@code participant} are 0-based indexes into the record's stages or participants, or null */
    public record StoredLine(String component, Integer stage, String amount, int billedSeconds, String rate, String note,
                             Integer participant) { }
}
