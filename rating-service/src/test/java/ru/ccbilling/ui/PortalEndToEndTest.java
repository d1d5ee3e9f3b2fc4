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
 * The client portal in a real browser (admin-ui/e2e/portal.mjs): the administrator creates a client user in the UI,
 * the user signs in on a phone-sized screen and sees ACC-1001's dashboard, calls and March documents, downloads the
 * month's ZIP; the other client sees none of it.
 */
@PlatformTest
@TestPropertySource(properties = "ccbilling.test.context=portal-browser") // its own database: it closes March
class PortalEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void aClientUserSeesTheOwnDashboardCallsAndDocumentsAndNothingOfAnotherClient() throws Exception {
        Path adminUi = Path.of("..", "admin-ui").toAbsolutePath().normalize();
        assertThat(adminUi.resolve("node_modules/playwright-core")).as("admin-ui is installed by the Maven build").exists();
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        assertThat(new File(chromium)).as("Chromium is needed for the UI test: apt-get install -y chromium").exists();

        Path log = Files.createTempFile("e2e-portal", ".log");
        ProcessBuilder node = new ProcessBuilder("node", "e2e/portal.mjs").directory(adminUi.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().put("BASE_URL", "http://127.0.0.1:" + port);
        node.environment().put("CHROMIUM", chromium);
        Process process = node.start();
        boolean finished = process.waitFor(150, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("the browser test finished in time:\n" + output).isTrue();
        assertThat(process.exitValue()).as("the browser test passed:\n" + output).isZero();
    }
}
