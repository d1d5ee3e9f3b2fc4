package ru.ccbilling.inventory;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Refusal.Kind;
import ru.ccbilling.refusal.Text;

/** The kinds of resources (with their unit and quarantine) and the pools they are kept in. */
@Service
public class ResourceCatalogue {

    private final JdbcClient db;

    ResourceCatalogue(JdbcClient db) {
        this.db = db;
    }

    public List<ResourceKind> kinds() {
        return db.sql("select code, name, unit, quarantine_days, phone_number from resource_kind order by code")
                .query((rs, i) -> new ResourceKind(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5))).list();
    }

    /** A kind an administrator defines (never a phone number: those are the two built in); 409 when it exists. */
    @Transactional
    public ResourceKind defineKind(ResourceKind kind) {
        if (kind.code() == null || !kind.code().matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw Refusal.invalid("code", "inventory.kindCode");
        }
        requireText("name", kind.name());
        requireText("unit", kind.unit());
        if (kind.quarantineDays() < 0 || kind.quarantineDays() > 3650) {
            throw Refusal.invalid("quarantineDays", "inventory.quarantineDays");
        }
        int added = db.sql("""
                insert into resource_kind (code, name, unit, quarantine_days, phone_number)
                values (:code, :name, :unit, :days, false) on conflict (code) do nothing""")
                .param("code", kind.code()).param("name", kind.name().trim()).param("unit", kind.unit().trim())
                .param("days", kind.quarantineDays()).update();
        if (added == 0) {
            throw Refusal.conflict("inventory.kindExists", kind.code());
        }
        return new ResourceKind(kind.code(), kind.name().trim(), kind.unit().trim(), kind.quarantineDays(), false);
    }

    public List<ResourcePool> pools() {
        return db.sql("select code, name, kind, site, trunk, category, low_water_mark from resource_pool order by code")
                .query((rs, i) -> pool(rs)).list();
    }

    public ResourcePool pool(String code) {
        return db.sql("select code, name, kind, site, trunk, category, low_water_mark from resource_pool where code = :c")
                .param("c", code).query((rs, i) -> pool(rs)).optional()
                .orElseThrow(() -> Refusal.notFound("inventory.unknownPool", code));
    }

    /** Creates or changes a pool; its kind cannot change once it holds resources. */
    @Transactional
    public ResourcePool savePool(ResourcePool pool) {
        if (pool.code() == null || !pool.code().matches("[A-Za-z0-9_-]{1,40}")) {
            throw Refusal.invalid("code", "inventory.poolCode");
        }
        requireText("name", pool.name());
        if (pool.lowWaterMark() < 0) {
            throw Refusal.invalid("lowWaterMark", "inventory.lowWaterMark");
        }
        boolean kindExists = pool.kind() != null && db.sql("select exists (select 1 from resource_kind where code = :k)")
                .param("k", pool.kind()).query(Boolean.class).single();
        if (!kindExists) {
            throw Refusal.field(Kind.INVALID, "kind", Text.of("inventory.unknownKind", pool.kind()));
        }
        boolean otherKindInside = db.sql("select exists (select 1 from network_resource where pool_code = :p and kind <> :k)")
                .param("p", pool.code()).param("k", pool.kind()).query(Boolean.class).single();
        if (otherKindInside) {
            throw Refusal.field(Kind.CONFLICT, "kind", Text.of("inventory.poolKindFixed", pool.code()));
        }
        db.sql("""
                insert into resource_pool (code, name, kind, site, trunk, category, low_water_mark)
                values (:code, :name, :kind, :site, :trunk, :category, :low)
                on conflict (code) do update set name = excluded.name, kind = excluded.kind, site = excluded.site,
                    trunk = excluded.trunk, category = excluded.category, low_water_mark = excluded.low_water_mark""")
                .param("code", pool.code()).param("name", pool.name().trim()).param("kind", pool.kind())
                .param("site", blankToNull(pool.site())).param("trunk", blankToNull(pool.trunk()))
                .param("category", blankToNull(pool.category())).param("low", pool.lowWaterMark()).update();
        return pool(pool.code());
    }

    private static ResourcePool pool(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ResourcePool(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7));
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid(field, "value.required");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
