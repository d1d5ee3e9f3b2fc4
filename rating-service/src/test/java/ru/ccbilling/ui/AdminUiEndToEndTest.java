package ru.ccbilling.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import ru.ccbilling.PlatformTest;

/**
 * The admin UI in a real browser (Debian's Chromium driven by playwright-core) against the running
 * platform: sign in, find a submitted CDR, open it, see its lines, switch to English.
 * The browser script is admin-ui/e2e/run.mjs.
 */
@PlatformTest
@TestPropertySource(properties = "ccbilling.test.context=browser") // its own context and database: it publishes tariffs
class AdminUiEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void aTariffManagerSignsInAndSeesARatedCallWithItsLines() throws Exception {
        Path adminUi = Path.of("..", "admin-ui").toAbsolutePath().normalize();
        assertThat(adminUi.resolve("node_modules/playwright-core")).as("admin-ui is installed by the Maven build").exists();
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        assertThat(new File(chromium)).as("Chromium is needed for the UI test: apt-get install -y chromium").exists();

        Path log = Files.createTempFile("e2e", ".log");
        ProcessBuilder node = new ProcessBuilder("node", "e2e/run.mjs").directory(adminUi.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().put("BASE_URL", "http://127.0.0.1:" + port);
        node.environment().put("E2E_USER", "manager");
        node.environment().put("E2E_PASSWORD", "manager");
        node.environment().put("E2E_API_KEY", "demo-api-key");
        node.environment().put("CHROMIUM", chromium);
        Process process = node.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("the browser test finished in time:\n" + output).isTrue();
        assertThat(process.exitValue()).as("the browser test passed:\n" + output).isZero();
    }
}
