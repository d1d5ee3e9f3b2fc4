package ru.ccbilling.security;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The audit of sign-ins and failures ({@code sign_in}); it never holds a password or a key. */
@Repository
public class SignIns {

    private static final Logger log = LoggerFactory.getLogger(SignIns.class);

    private final JdbcTemplate jdbc;

    SignIns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** written outside any transaction of the request; a database that is down loses the line, never the answer */
    void add(SignInRecord record) {
        try {
            jdbc.update("insert into sign_in (at, username, api_key, method, address, outcome) values (?, ?, ?, ?, ?, ?)",
                    Timestamp.from(record.at()), clip(record.username()), record.apiKey(), record.method().name(),
                    record.address(), record.outcome().name());
        } catch (DataAccessException e) {
            log.warn("sign-in audit not written ({}): {}", record, e.getMessage());
        }
    }

    /** newest first, optionally of one username and of one outcome */
    public List<SignInRecord> latest(String username, SignInRecord.Outcome outcome, int limit) {
        StringBuilder sql = new StringBuilder("select at, username, api_key, method, address, outcome from sign_in where true");
        List<Object> args = new ArrayList<>();
        if (username != null && !username.isBlank()) {
            sql.append(" and username = ?");
            args.add(username);
        }
        if (outcome != null) {
            sql.append(" and outcome = ?");
            args.add(outcome.name());
        }
        sql.append(" order by at desc, id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new SignInRecord(rs.getTimestamp(1).toInstant(), rs.getString(2),
                rs.getString(3), SignInRecord.Method.valueOf(rs.getString(4)), rs.getString(5),
                SignInRecord.Outcome.valueOf(rs.getString(6))), args.toArray());
    }

    /** a name as typed may be anything a client sends: kept short, and without NUL, which PostgreSQL refuses */
    private static String clip(String username) {
        if (username == null) {
            return null;
        }
        String clean = username.replace('\u0000', '\uFFFD');
        return clean.length() > 128 ? clean.substring(0, 128) : clean;
    }
}
