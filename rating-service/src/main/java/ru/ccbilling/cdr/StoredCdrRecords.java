package ru.ccbilling.cdr;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.rating.StoredRecords;

/** The raw records of stored CDRs, for simulating a tariff change on real traffic. */
@Component
class StoredCdrRecords implements StoredRecords {

    private final JdbcTemplate jdbc;
    private final CompactRecords records;

    StoredCdrRecords(JdbcTemplate jdbc, CompactRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    @Override
    public List<JsonNode> of(String account, OffsetDateTime from, OffsetDateTime to, int limit) {
        StringBuilder sql = new StringBuilder("select source, cdr_id, call_type, start_time, caller, called, trunk_code,"
                + " forwarded_to, record from cdr where account_code = ?");
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
        return jdbc.query(sql.toString(), (rs, i) -> records.decode(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getBytes(9)), args.toArray());
    }
}
