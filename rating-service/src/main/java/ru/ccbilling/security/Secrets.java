package ru.ccbilling.security;

import java.security.SecureRandom;
import java.util.Base64;

/** Secrets the platform makes: temporary passwords people type, API keys machines send. */
final class Secrets {

    /** no 0/O, 1/l/I: a temporary password is read off a screen and typed */
    private static final String TYPABLE = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() { }

    /** 16 characters of 57: about 93 bits, and it must be changed at the first sign-in anyway */
    static String temporaryPassword() {
        StringBuilder password = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            password.append(TYPABLE.charAt(RANDOM.nextInt(TYPABLE.length())));
        }
        return password.toString();
    }

    /** 32 random bytes, base64url: stored as SHA-256, which is enough for a secret nobody chose */
    static String apiKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "ccb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** the secret of an invitation link: 32 random bytes, base64url, stored as SHA-256 like an API key */
    static String invitationToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
