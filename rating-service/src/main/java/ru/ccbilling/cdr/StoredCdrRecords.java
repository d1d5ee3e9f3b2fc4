package ru.ccbilling.cdr;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.ccbilling.rating.StoredRecords;

/** The raw records of stored CDRs, for simulating a tariff change on real traffic. */
@Component
class StoredCdrRecords implements StoredRecords {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    StoredCdrRecords(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<JsonNode> of(String account, OffsetDateTime from, OffsetDateTime to, int limit) {
        StringBuilder sql = new StringBuilder("select record::text from cdr where account_code = ?");
        List<Object> args = new ArrayList<>(List.of(account));
        if (from != null) {
            sql.append(" and start_time >= ?");
            args.add(from);
        }
        if (to != null) {
            sql.append(" and start_time < ?");
            args.add(to);
        }
        sql.append(" order by start_time limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> {
            try {
                return json.readTree(rs.getString(1));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }, args.toArray());
    }
}
