package ru.ccbilling.rating;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The raw records of stored CDRs of an account in a period, as they were received (implemented by intake). */
public interface StoredRecords {
    List<JsonNode> of(String account, OffsetDateTime from, OffsetDateTime to, int limit);
}
