package ru.ccbilling.cdrimport;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/** A named mapping of an equipment file format to CDRs, as stored; its definition is JSON (see DefinitionReader). */
public record CdrMapping(String name, CdrFormat format, JsonNode definition, String description, OffsetDateTime updatedAt) {

    /** the definition checked and compiled; refuses (400) naming every problem */
    public MappingDefinition compile() {
        return DefinitionReader.read(format, definition);
    }

    /** every problem of the definition, each named by its path; empty when it compiles */
    public java.util.List<ru.ccbilling.refusal.Refusal.Fault> problems() {
        return DefinitionReader.problems(format, definition);
    }
}
