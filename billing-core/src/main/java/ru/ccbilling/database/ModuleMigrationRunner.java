package ru.ccbilling.database;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs each module's migrations ({@link ModuleMigrations}) in order, each with its own history table. It is Spring
 * Boot's migration strategy, so Boot's Flyway initializer still runs it before the JDBC and JPA users of the
 * database, and the Flyway configuration it starts from is Boot's, with {@link MigrationConnections}' connections.
 * <p>
 * A database migrated before modules had their own histories has one history, {@code spring.flyway.table}
 * ({@code flyway_schema_history}): a module without its history gets that history's rows of its own scripts
 * first ({@link LegacyHistory}), so nothing runs again.
 */
@Component
class ModuleMigrationRunner implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(ModuleMigrationRunner.class);

    private final List<ModuleMigrations> modules;

    ModuleMigrationRunner(List<ModuleMigrations> modules) {
        this.modules = modules.stream().sorted(Comparator.comparingInt(ModuleMigrations::order)).toList();
        requireDistinct(this.modules);
    }

    @Override
    public void migrate(Flyway boot) {
        Configuration common = boot.getConfiguration();
        for (ModuleMigrations module : modules) {
            Flyway flyway = flywayOf(module, common);
            LegacyHistory.adopt(common.getDataSource(), common.getTable(), module.historyTable(), scriptsOf(flyway));
            int applied = flyway.migrate().migrationsExecuted;
            log.info("{}: {} migration(s) applied, history in {}", module.name(), applied, module.historyTable());
        }
    }

    /** Boot's configuration (connections, class loader, callbacks) with the module's location and history */
    static Flyway flywayOf(ModuleMigrations module, Configuration common) {
        return Flyway.configure(common.getClassLoader()).configuration(common)
                .locations(module.location())
                .table(module.historyTable())
                // a module's first migration meets the tables of the modules before it: its history starts here
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("<< " + module.name() + " history starts >>")
                .load();
    }

    /** the module's script names, as a history row names them */
    private static Set<String> scriptsOf(Flyway flyway) {
        Set<String> scripts = new HashSet<>();
        for (MigrationInfo migration : flyway.info().all()) {
            if (migration.getScript() != null) {
                scripts.add(migration.getScript());
            }
        }
        return scripts;
    }

    private static void requireDistinct(List<ModuleMigrations> modules) {
        Set<String> tables = new HashSet<>();
        Set<String> locations = new HashSet<>();
        for (ModuleMigrations module : modules) {
            if (!tables.add(module.historyTable()) || !locations.add(module.location())) {
                throw new IllegalStateException("two modules share a migration history or location: " + modules);
            }
        }
        if (modules.stream().map(ModuleMigrations::order).distinct().count() != modules.size()) {
            throw new IllegalStateException("two modules have the same migration order: " + modules);
        }
    }
}
