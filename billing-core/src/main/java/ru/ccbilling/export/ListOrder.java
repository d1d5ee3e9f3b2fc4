package ru.ccbilling.export;

import java.util.Map;

import ru.ccbilling.refusal.Refusal;

/**
 * The order of a staff list and of its export: {@code field} or {@code field,desc} from the list's own fields, each
 * mapped to its SQL column here, so no text of the request ever reaches the SQL. An unknown field is 400 naming sort.
 */
public final class ListOrder {

    /** page size when a list is paged and no size is given; the cap (1000) is the contract's */
    public static final int DEFAULT_SIZE = 50;

    private ListOrder() { }

    /**
     * the ORDER BY clause (without the keywords) for {@code sort}; {@code fallback} when it is empty; {@code tieBreak}
     * last so that pages never overlap
     */
    public static String sql(String sort, Map<String, String> columns, String fallback, String tieBreak) {
        Asked asked = asked(sort, columns);
        if (asked == null) {
            return fallback + ", " + tieBreak;
        }
        return asked.column() + " " + asked.direction() + " nulls last, " + tieBreak;
    }

    /** a sort as asked: the SQL column of the field (from the list's map) and its direction */
    public record Asked(String column, boolean descending) {
        public String direction() {
            return descending ? "desc" : "asc";
        }
    }

    /**
     * {@code sort} read against the list's fields: null when empty, else the column and direction; an unknown field or
     * direction is 400 naming sort. For a list that builds its own ORDER BY (e.g. to follow an index both ways).
     */
    public static Asked asked(String sort, Map<String, String> columns) {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        String[] parts = sort.trim().split(",", -1);
        String column = columns.get(parts[0].trim());
        String direction = parts.length == 1 ? "asc" : parts[1].trim().toLowerCase(java.util.Locale.ROOT);
        if (column == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            throw Refusal.invalid("sort", "list.sortUnknown", sort.trim(), String.join(", ", columns.keySet()));
        }
        return new Asked(column, direction.equals("desc"));
    }

    /** a LIKE pattern that finds {@code text} anywhere, its own % and _ taken literally */
    public static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** the digits of a phone number as stored (E.164 without +): 8 800 ... typed the Russian way becomes 7 800 ... */
    public static String phoneDigits(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.length() == 11 && digits.startsWith("8") ? "7" + digits.substring(1) : digits;
    }
}
