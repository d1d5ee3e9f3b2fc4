package ru.ccbilling.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first administrator of a real installation: with {@code ccbilling.bootstrap-admin.username} and
 * {@code ccbilling.bootstrap-admin.password-file} set, start-up creates that user with the role ADMIN (or gives an
 * existing one the role and the password) when no enabled administrator exists, and does nothing otherwise. The
 * password is read from a file, so it is in no command line or environment; it must be changed at first sign-in.
 * After the demo data (order 0), so the demo's admin counts.
 */
@Component
class BootstrapAdmin {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserAdministration administration;
    private final String username;
    private final String passwordFile;

    BootstrapAdmin(UserAdministration administration,
                   @Value("${ccbilling.bootstrap-admin.username:}") String username,
                   @Value("${ccbilling.bootstrap-admin.password-file:}") String passwordFile) {
        this.administration = administration;
        this.username = username;
        this.passwordFile = passwordFile;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    void createIfNoAdministrator() {
        if (username.isBlank() && passwordFile.isBlank()) {
            return;
        }
        if (username.isBlank() || passwordFile.isBlank()) {
            throw new IllegalStateException("ccbilling.bootstrap-admin needs both username and password-file");
        }
        if (administration.createFirstAdmin(username.strip(), password(Path.of(passwordFile)))) {
            log.warn("first administrator '{}' created from {}; the password must be changed at first sign-in",
                    username.strip(), passwordFile);
        } else {
            log.info("ccbilling.bootstrap-admin ignored: an enabled administrator exists");
        }
    }

    /** the file's first line; a file holding nothing stops the start rather than make an admin without a password */
    static String password(Path file) {
        try {
            String password = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            if (password.length() < PasswordPolicy.MIN_LENGTH) {
                throw new IllegalStateException("ccbilling.bootstrap-admin.password-file " + file
                        + ": the first line must hold a password of at least " + PasswordPolicy.MIN_LENGTH + " characters");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("ccbilling.bootstrap-admin.password-file " + file + " cannot be read", e);
        }
    }
}
