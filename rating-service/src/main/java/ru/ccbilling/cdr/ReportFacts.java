package ru.ccbilling.cdr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.rating.Cdr;
import ru.ccbilling.rating.RatingReference;
import ru.ccbilling.rating.RatingResult;
import ru.ccbilling.rating.TimeBands;
import ru.ccbilling.rules.PricedLine;

/**
 * The report facts of some CDRs, grouped in Java by the keys of billing's pending facts (report_call_pending,
 * report_line_pending, billing V111): each CDR added counts +1, each replaced -1. The dimensions rating derives are
 * derived here as rating's {@code report_dims_sql} derives them in SQL (V120; that one stays for the backfill and the
 * drill-down view {@code report_cdr}, and {@code ReportFactsApiTest} proves the two agree): the day and the time band
 * (PEAK on a working day from 08:00 to 19:59:59 Moscow time), the caller's origin (INBOUND_800 and FORWARD callers of
 * 11 digits) and the destination class (the number called, or forwarded to) by the longest prefix, the record's trunk;
 * and for each priced line its operator (the operator of the line's stage in the record) and the operator's site.
 * Absent values are '' and an absent tariff version 0, as in the facts.
 */
final class ReportFacts {

    /**
     * The keys hash and compare by hand: a record's generated {@code hashCode}/{@code equals} go through method handles
     * per component, which a profile of intake showed among its hottest frames (every priced line looks its key up).
     */
    record CallKey(LocalDate day, String account, String callType, String source, String status, String reason,
                   String tariff, int tariffVersion, String callerOrigin, String destinationClass, String timeBand,
                   String trunk) {

        @Override
        public int hashCode() {
            int h = Objects.hashCode(day);
            h = 31 * h + Objects.hashCode(account);
            h = 31 * h + Objects.hashCode(callType);
            h = 31 * h + Objects.hashCode(source);
            h = 31 * h + Objects.hashCode(status);
            h = 31 * h + Objects.hashCode(reason);
            h = 31 * h + Objects.hashCode(tariff);
            h = 31 * h + tariffVersion;
            h = 31 * h + Objects.hashCode(callerOrigin);
            h = 31 * h + Objects.hashCode(destinationClass);
            h = 31 * h + Objects.hashCode(timeBand);
            return 31 * h + Objects.hashCode(trunk);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CallKey k && tariffVersion == k.tariffVersion && Objects.equals(day, k.day)
                    && Objects.equals(account, k.account) && Objects.equals(callType, k.callType)
                    && Objects.equals(source, k.source) && Objects.equals(status, k.status)
                    && Objects.equals(reason, k.reason) && Objects.equals(tariff, k.tariff)
                    && Objects.equals(callerOrigin, k.callerOrigin)
                    && Objects.equals(destinationClass, k.destinationClass)
                    && Objects.equals(timeBand, k.timeBand) && Objects.equals(trunk, k.trunk);
        }
    }

    static final class CallSums {
        long calls;
        long answered;
        long durationSec;
        long billedSec;
        BigDecimal amount = BigDecimal.ZERO;

        boolean zero() {
            return calls == 0 && answered == 0 && durationSec == 0 && billedSec == 0 && amount.signum() == 0;
        }
    }

    /** hashes and compares by hand, as {@link CallKey} */
    record LineKey(LocalDate day, String account, String callType, String source, String tariff, int tariffVersion,
                   String component, String operatorId, String site) {

        @Override
        public int hashCode() {
            int h = Objects.hashCode(day);
            h = 31 * h + Objects.hashCode(account);
            h = 31 * h + Objects.hashCode(callType);
            h = 31 * h + Objects.hashCode(source);
            h = 31 * h + Objects.hashCode(tariff);
            h = 31 * h + tariffVersion;
            h = 31 * h + Objects.hashCode(component);
            h = 31 * h + Objects.hashCode(operatorId);
            return 31 * h + Objects.hashCode(site);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LineKey k && tariffVersion == k.tariffVersion && Objects.equals(day, k.day)
                    && Objects.equals(account, k.account) && Objects.equals(callType, k.callType)
                    && Objects.equals(source, k.source) && Objects.equals(tariff, k.tariff)
                    && Objects.equals(component, k.component) && Objects.equals(operatorId, k.operatorId)
                    && Objects.equals(site, k.site);
        }
    }

    static final class LineSums {
        long calls;
        long lines;
        long billedSec;
        BigDecimal amount = BigDecimal.ZERO;

        boolean zero() {
            return calls == 0 && lines == 0 && billedSec == 0 && amount.signum() == 0;
        }
    }

    /** a priced line as the facts need it */
    record Line(String component, Integer stage, int billedSeconds, BigDecimal amount) { }

    private final RatingReference reference;
    final Map<CallKey, CallSums> calls = new HashMap<>();
    final Map<LineKey, LineSums> lines = new HashMap<>();

    ReportFacts(RatingReference reference) {
        this.reference = reference;
    }

    /** a record about to be stored, as rating answered it */
    void add(CdrStore.Pending p, int sign) {
        RatingResult r = p.result();
        if (r instanceof RatingResult.Rated rated) {
            List<PricedLine> priced = rated.lines();
            Line[] ls = new Line[priced.size()];
            for (int i = 0; i < ls.length; i++) {
                PricedLine l = priced.get(i);
                ls[i] = new Line(l.component(), l.stage(), l.billedSeconds(), l.amount());
            }
            add(sign, p.cdr().source(), p.cdr().cdrId(), p.cdr().startTime(), p.cdr().callType().name(),
                    p.cdr().caller(), p.cdr().called(), p.cdr().durationSec(), rated.account(), "RATED", null,
                    rated.tariff(), rated.tariffVersion(), rated.total().amount(), sent(p), List.of(ls));
        } else {
            RatingResult.Rejected rejected = (RatingResult.Rejected) r;
            add(sign, p.cdr().source(), p.cdr().cdrId(), p.cdr().startTime(), p.cdr().callType().name(),
                    p.cdr().caller(), p.cdr().called(), p.cdr().durationSec(), rejected.account(), "REJECTED",
                    rejected.reason().name(), rejected.tariff(), rejected.tariffVersion(), null, sent(p), List.of());
        }
    }

    /** a record as stored */
    void add(StoredCdr c, int sign) {
        Line[] ls = new Line[c.lines() == null ? 0 : c.lines().size()];
        for (int i = 0; i < ls.length; i++) {
            StoredCdr.StoredLine l = c.lines().get(i);
            ls[i] = new Line(l.component(), l.stage(), l.billedSeconds(), new BigDecimal(l.amount()));
        }
        add(sign, c.source(), c.cdrId(), c.startTime(), c.callType(), c.caller(), c.called(), c.durationSec(),
                c.account(), c.status(), c.reason(), c.tariff(), c.tariffVersion(), c.total(), sent(c.record()),
                List.of(ls));
    }

    /** the fields of a record as it was sent that the facts need beside the columns */
    interface Sent {
        String text(String field);

        String operatorOf(Integer stage);
    }

    /** a record about to be stored: its fields as read, unless its residue says it wrote them otherwise */
    private static Sent sent(CdrStore.Pending p) {
        Cdr cdr = p.cdr();
        CompactRecords.Residue residue = p.residue();
        return new Sent() {
            @Override
            public String text(String field) {
                return residue.text(field, switch (field) {
                    case "trunk" -> cdr.trunk();
                    case "forwardedTo" -> cdr.forwardedTo();
                    default -> throw new IllegalArgumentException(field);
                });
            }

            @Override
            public String operatorOf(Integer stage) {
                return stage == null ? null : residue.operatorOf(stage, cdr.stages());
            }
        };
    }

    /** a record as stored, rebuilt as it was sent */
    private static Sent sent(JsonNode record) {
        return new Sent() {
            @Override
            public String text(String field) {
                return ReportFacts.text(record, field);
            }

            @Override
            public String operatorOf(Integer stage) {
                return ReportFacts.operatorOf(record, stage);
            }
        };
    }

    private void add(int sign, String source, String cdrId, OffsetDateTime start, String callType, String caller,
                     String called, int durationSec, String account, String status, String reason, String tariff,
                     Integer tariffVersion, BigDecimal total, Sent record, List<Line> priced) {
        LocalDate day = start.atZoneSameInstant(TimeBands.MOSCOW).toLocalDate();
        String accountCode = orEmpty(account);
        String tariffCode = orEmpty(tariff);
        int version = tariffVersion == null ? 0 : tariffVersion;
        long billed = 0;
        for (Line l : priced) {
            billed += l.billedSeconds();
        }
        CallKey key = new CallKey(day, accountCode, callType, source, status, orEmpty(reason), tariffCode, version,
                callerOrigin(callType, caller), destinationClass(callType, called, record),
                TimeBands.of(start, reference.holidays()), orEmpty(record.text("trunk")));
        CallSums sums = calls.computeIfAbsent(key, k -> new CallSums());
        sums.calls += sign;
        sums.answered += durationSec > 0 ? sign : 0;
        sums.durationSec += (long) sign * durationSec;
        sums.billedSec += sign * billed;
        if (total != null) {
            sums.amount = sign > 0 ? sums.amount.add(total) : sums.amount.subtract(total);
        }
        if (!"RATED".equals(status)) {
            return;
        }
        Set<String> counted = priced.size() > 1 ? new HashSet<>() : null;
        for (Line l : priced) {
            String operator = orEmpty(record.operatorOf(l.stage()));
            // a call counts once per component and operator, however many lines it has there
            boolean first = counted == null || counted.add(l.component() + '\u0000' + operator);
            String site = operator.isEmpty() ? "" : orEmpty(reference.operatorSites().get(operator));
            LineSums ls = lines.computeIfAbsent(new LineKey(day, accountCode, callType, source, tariffCode, version,
                    l.component(), operator, site), k -> new LineSums());
            ls.calls += first ? sign : 0;
            ls.lines += sign;
            ls.billedSec += (long) sign * l.billedSeconds();
            ls.amount = sign > 0 ? ls.amount.add(l.amount()) : ls.amount.subtract(l.amount());
        }
    }

    /** the caller's origin: of the callers of INBOUND_800 and FORWARD calls, by the longest prefix of 11 digits */
    private String callerOrigin(String callType, String caller) {
        if (caller == null || caller.length() != 11
                || !("INBOUND_800".equals(callType) || "FORWARD".equals(callType))) {
            return "";
        }
        return reference.origins().classify(caller).orElse("");
    }

    /** the class of the number called (OUTBOUND, SURVEY, INFORMING) or forwarded to (FORWARD, VIRTUAL_OFFICE) */
    private String destinationClass(String callType, String called, Sent record) {
        String number = switch (callType) {
            case "OUTBOUND", "SURVEY", "INFORMING" -> called;
            case "FORWARD", "VIRTUAL_OFFICE" -> record.text("forwardedTo");
            default -> null;
        };
        return number == null ? "" : reference.destinations().classify(number).orElse("");
    }

    static String operatorOf(JsonNode record, Integer stage) {
        if (stage == null || record == null) {
            return null;
        }
        JsonNode stages = record.get("stages");
        if (stages == null || !stages.isArray() || stage < 0 || stage >= stages.size()) {
            return null;
        }
        return text(stages.get(stage), "operatorId");
    }

    /** as PostgreSQL's {@code ->>}: a string's text, another value's JSON, null for JSON null or absent */
    static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    boolean isEmpty() {
        return calls.isEmpty() && lines.isEmpty();
    }
}
