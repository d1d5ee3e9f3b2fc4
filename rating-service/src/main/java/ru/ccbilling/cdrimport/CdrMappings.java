package ru.ccbilling.cdrimport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Mappings of equipment files in PostgreSQL ({@code cdr_mapping}); only a definition that compiles is stored. */
@Repository
public class CdrMappings {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    CdrMappings(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public List<CdrMapping> all() {
        return jdbc.query("select * from cdr_mapping order by name", this::row);
    }

    public Optional<CdrMapping> find(String name) {
        return jdbc.query("select * from cdr_mapping where name = ?", this::row, name).stream().findFirst();
    }

    /** adds or replaces the mapping; refuses (400) a definition that does not compile, naming every problem */
    public CdrMapping put(String name, CdrFormat format, com.fasterxml.jackson.databind.JsonNode definition,
                          String description) {
        CdrMapping mapping = new CdrMapping(name, format, definition, description, OffsetDateTime.now(clock));
        mapping.compile();
        jdbc.update("""
                insert into cdr_mapping (name, format, definition, description, updated_at) values (?, ?, ?::json, ?, ?)
                on conflict (name) do update set format = excluded.format, definition = excluded.definition,
                    description = excluded.description, updated_at = excluded.updated_at
                """, name, format.name(), write(definition), description, mapping.updatedAt());
        return find(name).orElseThrow();
    }

    public boolean delete(String name) {
        return jdbc.update("delete from cdr_mapping where name = ?", name) > 0;
    }

    private String write(com.fasterxml.jackson.databind.JsonNode definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private CdrMapping row(ResultSet rs, int i) throws SQLException {
        try {
            return new CdrMapping(rs.getString("name"), CdrFormat.valueOf(rs.getString("format")),
                    json.readTree(rs.getString("definition")), rs.getString("description"),
                    rs.getObject("updated_at", OffsetDateTime.class));
        } catch (JsonProcessingException e) {
            throw new SQLException(e);
        }
    }
}
