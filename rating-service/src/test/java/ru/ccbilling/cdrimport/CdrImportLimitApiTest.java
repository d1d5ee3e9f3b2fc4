package ru.ccbilling.cdrimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * A CDR file is streamed to a temp file under its own limit (here lowered to 16 KB, twice the sample): a larger
 * file is 413, announced or chunked, and starts no job and stores nothing; the sample itself is imported.
 */
@PlatformTest
@TestPropertySource(properties = {"ccbilling.test.context=import-limit", "ccbilling.limits.cdr-file-body=16KB"})
class CdrImportLimitApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFileOverItsLimitIs413AnnouncedOrChunkedAndStartsNothing() {
        byte[] sample = Imports.sample("asterisk-Master.csv");
        byte[] big = new byte[3 * sample.length];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(sample, 0, big, i * sample.length, sample.length);
        }
        Imports imports = new Imports(port, Api.as(port, "admin", "admin"));
        long jobs = jdbc.queryForObject("select count(*) from job", Long.class);

        Api.Response announced = imports.upload("asterisk-default", "limit-1", HttpRequest.BodyPublishers.ofByteArray(big));
        assertThat(announced.status()).as(announced.raw()).isEqualTo(413);
        assertThat(announced.body().get("errors").findValuesAsText("field")).containsExactly("body");

        Api.Response chunked = imports.upload("asterisk-default", "limit-2",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        assertThat(chunked.status()).as(chunked.raw()).isEqualTo(413);

        assertThat(jdbc.queryForObject("select count(*) from job", Long.class)).isEqualTo(jobs);
        assertThat(jdbc.queryForObject("select count(*) from cdr_key where source like 'limit-%'", Long.class)).isZero();

        Api.Response fits = imports.upload("asterisk-default", "limit-3", HttpRequest.BodyPublishers.ofByteArray(sample));
        assertThat(fits.status()).as(fits.raw()).isEqualTo(202);
    }
}
