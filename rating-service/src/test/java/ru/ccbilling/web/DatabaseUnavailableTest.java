package ru.ccbilling.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** A database that cannot be reached is a 503 to retry; a value it refuses is a permanent answer, never a 503. */
class DatabaseUnavailableTest {

    @Test
    void aRowTooLargeForAnIndexIsNotADatabaseOutage() {
        // PostgreSQL: "index row size 3000 exceeds btree version 4 maximum 2704", SQLState 54000, which Spring
        // translates to DataAccessResourceFailureException like a lost connection
        var e = new DataAccessResourceFailureException("insert", new SQLException("index row size", "54000"));
        assertThat(DatabaseUnavailable.rejectsTheData(e)).isTrue();
        assertThat(DatabaseUnavailable.causes(e)).isFalse();
    }

    @Test
    void aLostConnectionIsOne() {
        var e = new DataAccessResourceFailureException("insert", new SQLException("connection refused", "08001"));
        assertThat(DatabaseUnavailable.rejectsTheData(e)).isFalse();
        assertThat(DatabaseUnavailable.causes(e)).isTrue();
    }
}
