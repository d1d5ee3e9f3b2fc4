package ru.ccbilling.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Refusal.Fault;
import ru.ccbilling.refusal.Text;

/**
 * Which sources (switches) the caller reaches. People reach every source their role may see; an API key only the
 * sources it is bound to ({@code api_key.sources}), unless it also has the ADMIN role.
 */
public final class SourceScope {

    private static final Text NOT_YOURS = Text.of("security.sourceNotYours");

    private SourceScope() { }

    /** the sources the caller is limited to, or empty when the caller reaches every source */
    public static Optional<Set<String>> limit() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ApiKey key && !key.reachesEverySource()) {
            return Optional.of(key.sources());
        }
        return Optional.empty();
    }

    public static boolean reaches(String source) {
        return limit().map(sources -> sources.contains(source)).orElse(true);
    }

    /** true for a caller that sees only its own records and jobs (an API key that is not an admin's) */
    public static boolean isLimited() {
        return limit().isPresent();
    }

    /**
     * Refuses the whole request (403 naming each {@code <list>[i].source}) when a record names a source the caller
     * does not reach, so that nothing of a mixed batch is stored. Records without a readable source are left to
     * intake, which refuses them as malformed.
     */
    public static void requireReachable(List<JsonNode> records, String list) {
        if (limit().isEmpty()) {
            return;
        }
        List<Fault> errors = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode source = records.get(i) == null ? null : records.get(i).get("source");
            if (source != null && source.isTextual() && !reaches(source.asText().trim())) {
                errors.add(new Fault(list + "[" + i + "].source", NOT_YOURS));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.of(Refusal.Kind.FORBIDDEN, Text.of("security.sourcesNotYours", errors.size()), errors);
        }
    }

    /** refuses (403 naming {@code field}) a source the caller does not reach */
    public static void requireReachable(String source, String field) {
        if (source != null && !source.isBlank() && !reaches(source.trim())) {
            throw Refusal.field(Refusal.Kind.FORBIDDEN, field, NOT_YOURS);
        }
    }

    /**
     * The sources a listing may show: null for every source; else the asked source if the caller reaches it,
     * or the caller's sources when none is asked (an empty list when nothing is reachable).
     */
    public static Collection<String> visible(String asked) {
        Optional<Set<String>> limit = limit();
        if (limit.isEmpty()) {
            return asked == null ? null : List.of(asked);
        }
        if (asked != null) {
            return limit.get().contains(asked) ? List.of(asked) : List.of();
        }
        return limit.get();
    }
}
