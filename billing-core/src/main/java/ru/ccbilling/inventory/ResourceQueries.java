package ru.ccbilling.inventory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.ccbilling.refusal.Refusal;

/** What the inventory holds: resources by filter, a resource's history, capacity, and whether a client fits. */
@Service
public class ResourceQueries {

    /** Filters of the list; null means any. {@code from}/{@code to} bound the resource identifiers (inclusive). */
    public record Filter(String pool, String kind, ResourceStatus status, String from, String to, String account) { }

    public record Page(List<NetworkResource> items, long total) { }

    /** One change of a resource: its status after it, for whom, from and to, who and why, when. */
    public record Event(long id, ResourceStatus status, String action, String account, String reservedFor,
                        LocalDate from, LocalDate to, Instant until, String actor, String reason, Instant at) { }

    /** Resources of a kind and a pool, by status; {@code belowLowWater} when Free ones are fewer than the mark. */
    public record Capacity(String pool, String kind, Map<ResourceStatus, Long> byStatus, Integer lowWaterMark,
                           boolean belowLowWater) { }

    /** What a client needs: so many resources of a kind, in a pool or at a site (either, neither). */
    public record Need(String kind, String site, String pool, int quantity) { }

    public record Answer(Need need, long available, List<String> candidates, boolean satisfied) { }

    private final JdbcClient db;
    private final Clock clock;

    ResourceQueries(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Page list(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>(now());
        if (filter.pool() != null) {
            where.append(" and r.pool_code = :pool");
            params.put("pool", filter.pool());
        }
        if (filter.kind() != null) {
            where.append(" and r.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.status() != null) {
            where.append(" and ").append(ResourceStatus.SQL).append(" = :status");
            params.put("status", filter.status().name());
        }
        if (filter.from() != null) {
            where.append(" and r.resource >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and r.resource <= :to");
            params.put("to", filter.to());
        }
        if (filter.account() != null) {
            where.append(" and r.account_code = :account");
            params.put("account", filter.account());
        }
        long total = filter.from() == null && filter.to() == null && filter.account() == null
                ? counted(filter)
                : db.sql("select count(*) from (select 1 from network_resource r" + where + " limit " + (COUNT_CAP + 1)
                        + ") capped").params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<NetworkResource> items = db.sql("select " + ResourceRows.COLUMNS + " from network_resource r" + where
                        + " order by r.resource limit :limit offset :offset")
                .params(params).query((rs, i) -> ResourceRows.read(rs, clock)).list();
        return new Page(items, total);
    }

    /** beyond this many, a filtered list says "more than" rather than counting a million rows for its pager */
    static final long COUNT_CAP = 100_000;

    /** how many of a pool, kind and status there are, from the capacity counts */
    private long counted(Filter filter) {
        return capacity().stream()
                .filter(c -> filter.pool() == null || filter.pool().equals(c.pool()))
                .filter(c -> filter.kind() == null || filter.kind().equals(c.kind()))
                .mapToLong(c -> filter.status() == null
                        ? c.byStatus().values().stream().mapToLong(Long::longValue).sum()
                        : c.byStatus().getOrDefault(filter.status(), 0L))
                .sum();
    }

    /** the resource's journal, oldest first */
    public List<Event> history(String resource) {
        if (!db.sql("select exists (select 1 from network_resource where resource = :r)").param("r", resource)
                .query(Boolean.class).single()) {
            throw Refusal.notFound("inventory.unknownResource", resource);
        }
        return db.sql("""
                select id, status, action, account_code, reserved_for, valid_from, valid_to, until, actor, reason, at
                  from resource_event where resource = :r order by id""")
                .param("r", resource)
                .query((rs, i) -> new Event(rs.getLong(1), ResourceStatus.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class), instant(rs.getTimestamp(8)), rs.getString(9),
                        rs.getString(10), instant(rs.getTimestamp(11)))).list();
    }

    /**
     * Counts by pool, kind and status now: the counts the triggers keep of the stored statuses, corrected by the
     * few rows whose status has moved on since (their dates passed before the materialiser ran).
     */
    public List<Capacity> capacity() {
        Map<List<String>, Map<ResourceStatus, Long>> counts = new LinkedHashMap<>();
        db.sql("select pool_code, kind, status, n from resource_count where n <> 0 order by pool_code, kind")
                .query(rs -> {
                    add(counts, rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4));
                });
        db.sql("select pool, kind, was, now_status, count(*) from ("
                        + ResourceStatus.due("select coalesce(r.pool_code, '') as pool, r.kind, r.status as was, "
                        + ResourceStatus.SQL + " as now_status", "") + ") due group by 1, 2, 3, 4")
                .params(now()).query(rs -> {
                    add(counts, rs.getString(1), rs.getString(2), rs.getString(3), -rs.getLong(5));
                    add(counts, rs.getString(1), rs.getString(2), rs.getString(4), rs.getLong(5));
                });
        Map<String, Integer> marks = new HashMap<>();
        db.sql("select code, low_water_mark from resource_pool").query(rs -> {
            marks.put(rs.getString(1), rs.getInt(2));
        });
        List<Capacity> out = new ArrayList<>();
        counts.forEach((key, byStatus) -> {
            String pool = key.get(0).isEmpty() ? null : key.get(0);
            Integer mark = pool == null ? null : marks.get(pool);
            long free = byStatus.getOrDefault(ResourceStatus.FREE, 0L);
            out.add(new Capacity(pool, key.get(1), byStatus, mark, mark != null && free < mark));
        });
        // a pool with nothing in it is below any mark above zero
        marks.forEach((pool, mark) -> {
            if (out.stream().noneMatch(c -> pool.equals(c.pool()))) {
                String kind = db.sql("select kind from resource_pool where code = :p").param("p", pool)
                        .query(String.class).single();
                out.add(new Capacity(pool, kind, new LinkedHashMap<>(), mark, mark > 0));
            }
        });
        return out;
    }

    /**
     * Whether every need can be met by Free resources now, with the candidates (the first ones in order): the
     * number available comes from the capacity counts, the candidates from the pools' resources in order.
     */
    public List<Answer> canConnect(List<Need> needs) {
        List<Capacity> capacity = capacity();
        Map<String, String> sites = new HashMap<>();
        db.sql("select code, coalesce(site, '') from resource_pool").query(rs -> {
            sites.put(rs.getString(1), rs.getString(2));
        });
        List<Answer> answers = new ArrayList<>();
        for (Need need : needs) {
            List<Capacity> matching = capacity.stream().filter(c -> c.kind().equals(need.kind()))
                    .filter(c -> need.pool() == null || need.pool().equals(c.pool()))
                    .filter(c -> need.site() == null || (c.pool() != null && need.site().equals(sites.get(c.pool()))))
                    .toList();
            long available = matching.stream().mapToLong(c -> c.byStatus().getOrDefault(ResourceStatus.FREE, 0L)).sum();
            List<String> candidates = new ArrayList<>();
            for (Capacity c : matching) {
                if (candidates.size() >= need.quantity() || c.byStatus().getOrDefault(ResourceStatus.FREE, 0L) == 0) {
                    continue;
                }
                Map<String, Object> params = new HashMap<>(now());
                params.put("kind", need.kind());
                params.put("pool", c.pool());
                params.put("limit", need.quantity() - candidates.size());
                String inPool = c.pool() == null ? "r.pool_code is null" : "r.pool_code = :pool";
                candidates.addAll(db.sql("select r.resource from network_resource r where " + inPool
                                + " and r.kind = :kind and " + ResourceStatus.SQL + " = 'FREE' order by r.resource limit :limit")
                        .params(params).query(String.class).list());
            }
            answers.add(new Answer(need, available, candidates, available >= need.quantity()));
        }
        return answers;
    }

    private static void add(Map<List<String>, Map<ResourceStatus, Long>> counts, String pool, String kind,
                            String status, long n) {
        counts.computeIfAbsent(List.of(pool, kind), k -> new LinkedHashMap<>())
                .merge(ResourceStatus.valueOf(status), n, Long::sum);
    }

    private Map<String, Object> now() {
        return Map.of("today", LocalDate.now(clock), "now", Timestamp.from(clock.instant()));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
