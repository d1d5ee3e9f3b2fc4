package ru.ccbilling.database;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Flyway history of the databases migrated before each module had its own ({@code flyway_schema_history},
 * one version sequence across modules). When a module's history does not exist yet and that one does, the module's
 * history is created with the same columns and gets the legacy rows of the module's scripts (by file name) and any
 * baseline row, ranks kept; so Flyway finds the module's migrations applied and runs none of them again. The legacy
 * table stays as it was, with a comment: nothing reads it any more, and an older build could still start on it.
 */
final class LegacyHistory {

    private static final Logger log = LoggerFactory.getLogger(LegacyHistory.class);

    private LegacyHistory() { }

    /** @return the number of rows copied into the module's new history, -1 when there was nothing to adopt */
    static int adopt(DataSource dataSource, String legacyTable, String moduleTable, Collection<String> moduleScripts) {
        ModuleMigrations.requirePlainTableName(legacyTable);
        ModuleMigrations.requirePlainTableName(moduleTable);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int copied = adopt(c, legacyTable, moduleTable, moduleScripts);
                c.commit();
                if (copied >= 0) {
                    log.info("{} created from the single migration history {}: {} row(s) of its scripts",
                            moduleTable, legacyTable, copied);
                }
                return copied;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + moduleTable + " from " + legacyTable, e);
        }
    }

    private static int adopt(Connection c, String legacyTable, String moduleTable, Collection<String> moduleScripts)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            // two instances starting together: the second finds the module's history made by the first
            s.execute("select pg_advisory_xact_lock(hashtext('ccbilling: module migration histories'))");
            if (exists(c, moduleTable) || !exists(c, legacyTable)) {
                return -1;
            }
            s.execute("create table " + moduleTable + " (like " + legacyTable
                    + " including defaults including constraints including indexes)");
            int copied;
            try (PreparedStatement insert = c.prepareStatement("insert into " + moduleTable + " select * from "
                    + legacyTable + " where script = any (?) or type = 'BASELINE'")) {
                Array scripts = c.createArrayOf("text", moduleScripts.toArray());
                insert.setArray(1, scripts);
                copied = insert.executeUpdate();
            }
            s.execute("comment on table " + legacyTable + " is 'Flyway history of before each module had its own"
                    + " (one version sequence across modules). Its rows were copied by script into the history of"
                    + " each module (flyway_history_*) at its first start; nothing reads this table any more.'");
            return copied;
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select to_regclass(?) is not null")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
