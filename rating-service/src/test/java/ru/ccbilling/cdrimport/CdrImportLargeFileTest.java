package ru.ccbilling.cdrimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/** A large Master.csv is streamed from disk to the API and imported as a job whose progress shows as it goes. */
@PlatformTest
class CdrImportLargeFileTest {

    private static final int LINES = 50_000;
    private static final String[] OPERATORS = {"OP-101", "OP-102", "OP-201", "OP-202", "OP-301"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void fiftyThousandLinesImportWithVisibleProgress() throws IOException {
        Path file = dir.resolve("Master.csv");
        write(file);
        String source = "pbx-large-" + System.nanoTime();
        Imports imports = new Imports(port, Api.as(port, "admin", "admin"));
        Instant started = Instant.now();
        String id = Imports.started(imports.upload("asterisk-default", source, HttpRequest.BodyPublishers.ofFile(file)));

        AtomicBoolean midway = new AtomicBoolean();
        JsonNode job = imports.await(id, reading -> {
            long done = reading.get("done").asLong();
            JsonNode total = reading.get("total");
            if (total != null && done > 0 && done < total.asLong()) {
                midway.set(true);
            }
        });
        Duration took = Duration.between(started, Instant.now());

        assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("total").asLong()).isEqualTo(LINES);
        assertThat(job.get("done").asLong()).isEqualTo(LINES);
        assertThat(Imports.count(job, "RATED")).isEqualTo(LINES);
        assertThat(midway).as("progress seen between 0 and the total").isTrue();
        assertThat(took).isLessThan(Duration.ofMinutes(2));
        assertThat(Api.as(port, "admin", "admin").get("/api/v1/cdrs?source=" + source + "&size=1").body().get("total").asLong())
                .isEqualTo(LINES);
    }

    /** realistic 8-800 calls: IVR, then an agent, sometimes wrap-up; callers from all over Russia */
    private static void write(Path file) throws IOException {
        LocalDateTime start = LocalDateTime.of(2026, 3, 2, 8, 0);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < LINES; i++) {
                LocalDateTime at = start.plusSeconds(i * 37L);
                int ivr = 5 + i % 40;
                int talk = 20 + (i * 7) % 400;
                String caller = (i % 3 == 0 ? "7916" : i % 3 == 1 ? "7495" : "7383") + String.format("%07d", i);
                String called = i % 2 == 0 ? "78005553535" : "78001002030";
                String operator = OPERATORS[i % OPERATORS.length];
                String userfield = "ivr=" + ivr + (i % 4 == 0 ? ";post=" + (i % 90) : "");
                out.write("\"\",\"" + caller + "\",\"" + called + "\",\"from-trunk\",\"" + caller + "\",\"SIP/TRUNK-A-"
                        + String.format("%08x", 2 * i) + "\",\"SIP/" + operator + "-" + String.format("%08x", 2 * i + 1)
                        + "\",\"Queue\",\"support,t\",\"" + TIME.format(at) + "\",\"" + TIME.format(at.plusSeconds(1))
                        + "\",\"" + TIME.format(at.plusSeconds(1 + ivr + talk)) + "\"," + (1 + ivr + talk) + ","
                        + (ivr + talk) + ",\"ANSWERED\",\"DOCUMENTATION\",\"large-" + i + "\",\"" + userfield + "\"\n");
            }
        }
    }
}
