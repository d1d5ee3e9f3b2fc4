package ru.ccbilling.tariff;

import java.time.OffsetDateTime;

/** A version of a tariff as stored: its state and who did what with it. */
public record TariffVersionInfo(String tariff, int version, State state, OffsetDateTime effectiveFrom, Integer basedOn,
                                int revision, String createdBy, OffsetDateTime createdAt, String publishedBy,
                                OffsetDateTime publishedAt) {

    public enum State { DRAFT, PUBLISHED, SUPERSEDED }
}
