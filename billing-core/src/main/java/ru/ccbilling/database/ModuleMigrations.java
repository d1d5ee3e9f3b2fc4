package ru.ccbilling.database;

import java.util.regex.Pattern;

/**
 * The Flyway migrations a module owns: its location and its own history table, so its version numbers are its own.
 * A module registers one as a bean; {@link ModuleMigrationRunner} runs them in ascending {@code order} at start-up,
 * before anything uses the database. A module's migrations may use the tables of modules ordered before it.
 *
 * @param name         the module, for the log
 * @param location     a Flyway location, e.g. {@code classpath:db/migration/billing}
 * @param historyTable the module's Flyway history table, in the migrations' default schema
 * @param order        modules with a lower order migrate first
 */
public record ModuleMigrations(String name, String location, String historyTable, int order) {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public ModuleMigrations {
        requirePlainTableName(historyTable);
    }

    /** the names go into SQL as they are */
    static void requirePlainTableName(String table) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain lower-case table name: " + table);
        }
    }
}
