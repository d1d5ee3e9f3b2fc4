package ru.ccbilling.cdrimport;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/** A named mapping of an equipment file format to CDRs, as stored; its definition is JSON (see DefinitionReader). */
public record CdrMapping(String name, CdrFormat format, JsonNode definition, String description, OffsetDateTime updatedAt) {

    /** the definition checked and compiled; throws {@link InvalidMapping} naming every problem */
    public MappingDefinition compile() {
        return DefinitionReader.read(format, definition);
    }
}
