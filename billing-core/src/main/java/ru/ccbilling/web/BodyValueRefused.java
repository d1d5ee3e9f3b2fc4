package ru.ccbilling.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

import ru.ccbilling.refusal.Text;

/** A value of a JSON request body that is well formed but cannot be taken; Jackson adds the path of its field. */
final class BodyValueRefused extends JsonMappingException {

    private final Text reason;

    BodyValueRefused(JsonParser parser, Text reason) {
        super(parser, reason.russian());
        this.reason = reason;
    }

    Text reason() {
        return reason;
    }
}
