package ru.ccbilling.cdr;

import java.util.Collection;
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

    /** {@code and <column> = any(<values>)}, when values are given (none given: no row matches) */
    CdrConditions andAnyOf(String column, Collection<String> values) {
        if (values != null) {
            sql.append(" and ").append(column).append(" = any(?)");
            args.add(values.toArray(String[]::new));
        }
        return this;
    }

    @Override
    public String toString() {
        return sql.toString();
    }
}
