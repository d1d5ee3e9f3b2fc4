package ru.ccbilling.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Which limit a request body gets, by its endpoint. */
class BodyLimitsTest {

    private final BodyLimits limits = new BodyLimits(DataSize.ofMegabytes(1), DataSize.ofMegabytes(16),
            DataSize.ofMegabytes(8), DataSize.ofMegabytes(64), DataSize.ofMegabytes(512), new ObjectMapper());

    @Test
    void batchesGetSixteenMegabytes() {
        for (String path : new String[] {"/api/v1/cdrs", "/api/v1/service-events", "/api/v1/rating/simulate",
                "/api/v1/rejects/reprocess", "/api/v1/tariffs/CC-X/versions/2/simulate"}) {
            assertThat(limits.limitFor(path)).as(path).isEqualTo(DataSize.ofMegabytes(16).toBytes());
        }
    }

    @Test
    void filesGetTheirOwnLargerLimits() {
        assertThat(limits.limitFor("/api/v1/cdrs/import")).isEqualTo(DataSize.ofMegabytes(512).toBytes());
        assertThat(limits.limitFor("/api/v1/reference/number-ranges/import")).isEqualTo(DataSize.ofMegabytes(64).toBytes());
        assertThat(limits.limitFor("/api/v1/tariffs/CC-X/versions/2/models/network-minute.dmn"))
                .isEqualTo(DataSize.ofMegabytes(8).toBytes());
    }

    @Test
    void everythingElseGetsOneMegabyte() {
        for (String path : new String[] {"/api/v1/accounts", "/api/v1/accounts/ACC-1/charges", "/api/v1/periods/2026-03/close",
                "/api/v1/numbering-templates", "/api/v1/cdrs/a/b"}) {
            assertThat(limits.limitFor(path)).as(path).isEqualTo(DataSize.ofMegabytes(1).toBytes());
        }
    }
}
