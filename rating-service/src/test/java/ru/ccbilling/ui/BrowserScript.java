package ru.ccbilling.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of admin-ui's browser scripts (`e2e/*.mjs`: Debian's Chromium driven by playwright-core) against the
 * platform on {@code port}, and fails with the script's output unless it passes within the time given.
 */
final class BrowserScript {

    private BrowserScript() { }

    static void passes(String script, int port, int seconds, Map<String, String> environment) throws Exception {
        Path adminUi = Path.of("..", "admin-ui").toAbsolutePath().normalize();
        assertThat(adminUi.resolve("node_modules/playwright-core")).as("admin-ui is installed by the Maven build").exists();
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        assertThat(new File(chromium)).as("Chromium is needed for the UI test: apt-get install -y chromium").exists();

        Path log = Files.createTempFile("e2e", ".log");
        ProcessBuilder node = new ProcessBuilder("node", script).directory(adminUi.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().put("BASE_URL", "http://127.0.0.1:" + port);
        node.environment().put("CHROMIUM", chromium);
        node.environment().putAll(environment);
        Process process = node.start();
        boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("the browser test finished in time:\n" + output).isTrue();
        assertThat(process.exitValue()).as("the browser test passed:\n" + output).isZero();
    }
}
