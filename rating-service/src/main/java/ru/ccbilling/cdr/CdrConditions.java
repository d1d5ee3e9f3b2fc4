package ru.ccbilling.cdr;

import java.util.List;

/** A where clause over table {@code cdr c} built from optional filters: each given value adds its condition. */
final class CdrConditions {

    private final StringBuilder sql;
    private final List<Object> args;

    CdrConditions(String first, List<Object> args) {
        this.sql = new StringBuilder(" where ").append(first);
        this.args = args;
    }

    /** {@code and <condition>} with its one parameter, when the value is given */
    CdrConditions and(String condition, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            args.add(value);
        }
        return this;
    }

    @Override
    public String toString() {
        return sql.toString();
    }
}
