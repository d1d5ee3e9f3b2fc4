package ru.ccbilling.security;

import java.time.Instant;

/** One line of the sign-in audit: who (as typed) or which revoked key, when, how, from where, and the outcome. */
public record SignInRecord(Instant at, String username, String apiKey, Method method, String address, Outcome outcome) {

    public enum Method { FORM, BASIC, API_KEY }

    public enum Outcome { SUCCESS, WRONG_PASSWORD, LOCKED_OUT, DISABLED, UNKNOWN_KEY, REVOKED_KEY }
}
