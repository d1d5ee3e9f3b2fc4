package ru.ccbilling.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A value of a JSON request body that is well formed but cannot be taken; Jackson adds the path of its field. */
final class BodyValueRefused extends JsonMappingException {

    private final String reason;

    BodyValueRefused(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
