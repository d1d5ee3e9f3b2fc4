package ru.ccbilling.cdr;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The dictionary of the texts that repeat across stored CDRs (table {@code cdr_word}, rating V122): the lines'
 * components and notes, operator ids of stages, accounts named by records, participants' trunks. A stored CDR holds
 * their small ids ({@link CompactLines}, {@link CompactRecords}); the ids are cached here in both directions.
 * Words are never changed nor deleted. A word new to the dictionary is added in the storing transaction (all of a
 * chunk's new words in one statement, in text order, so that two chunks never deadlock over them) and enters the
 * cache only when that transaction commits: a rolled-back chunk leaves no id behind.
 */
@Component
public class CdrWords {

    private final JdbcTemplate jdbc;
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, String> words = new ConcurrentHashMap<>();

    CdrWords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** the id of each word (nulls ignored), adding the new ones in the caller's transaction */
    Map<String, Integer> ids(Collection<String> wanted) {
        Map<String, Integer> found = new HashMap<>();
        TreeSet<String> missing = new TreeSet<>();
        for (String w : wanted) {
            if (w == null) {
                continue;
            }
            Integer id = ids.get(w);
            if (id != null) {
                found.put(w, id);
            } else {
                missing.add(w);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        Map<String, Integer> added = jdbc.execute((Connection c) -> {
            String[] array = missing.toArray(String[]::new);
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into cdr_word (word) select w from unnest(?::text[]) as u (w) order by w
                    on conflict (word) do nothing
                    """);
                 PreparedStatement select = c.prepareStatement("select word, id from cdr_word where word = any(?)")) {
                insert.setArray(1, c.createArrayOf("text", array));
                insert.executeUpdate();
                select.setArray(1, c.createArrayOf("text", array));
                Map<String, Integer> rows = new HashMap<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getString(1), rs.getInt(2));
                    }
                }
                return rows;
            }
        });
        found.putAll(added);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember(added);
                }
            });
        } else {
            remember(added);
        }
        return found;
    }

    private void remember(Map<String, Integer> added) {
        added.forEach((w, id) -> {
            ids.putIfAbsent(w, id);
            words.putIfAbsent(id, w);
        });
    }

    /** the word of an id */
    public String word(int id) {
        String w = words.get(id);
        if (w != null) {
            return w;
        }
        List<String> found = new ArrayList<>(jdbc.queryForList("select word from cdr_word where id = ?", String.class, id));
        if (found.isEmpty()) {
            throw new IllegalStateException("no word " + id + " in cdr_word");
        }
        w = found.get(0);
        words.putIfAbsent(id, w); // ids are never reused, even by a rolled-back insert
        return w;
    }
}
