package ru.ccbilling.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import ru.ccbilling.refusal.Refusal;

/**
 * What a password must be: at least 10 characters, at most 72 bytes (bcrypt reads no further, so the rest would
 * protect nothing), no control characters, not containing the username, not one of the passwords guessers try
 * first ({@code security/common-passwords.txt}). A weak one is a 400 naming the field.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;

    private final Set<String> common;

    PasswordPolicy() {
        var resource = new ClassPathResource("security/common-passwords.txt");
        try (var lines = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            common = lines.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** refuses (400 naming {@code field}) a password {@code username} may not have */
    void check(String username, String password, String field) {
        if (password == null || password.isEmpty()) {
            throw Refusal.invalid(field, "value.required");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw Refusal.invalid(field, "password.tooShort", MIN_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw Refusal.invalid(field, "password.tooLong", MAX_BYTES);
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            throw Refusal.invalid(field, "password.control");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw Refusal.invalid(field, "password.containsUsername");
        }
        if (common.contains(lower) || password.chars().distinct().count() < 4) {
            throw Refusal.invalid(field, "password.common");
        }
    }
}
