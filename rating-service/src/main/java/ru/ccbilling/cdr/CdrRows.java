package ru.ccbilling.cdr;

import java.time.OffsetDateTime;

import ru.ccbilling.rating.Cdr;
import ru.ccbilling.rating.RatingResult;

/**
 * How a rated record becomes a row of {@code cdr}: a line of PostgreSQL COPY text, the charge lines and the record in
 * their compact forms ({@link CompactLines}, {@link CompactRecords}) as bytea. Written by hand because intake writes
 * tens of thousands of rows a second and this is its inner loop.
 */
final class CdrRows {

    /** the columns of {@link #appendCopyLine}, in order */
    static final String COPY_COLUMNS = "id, source, cdr_id, start_time, received_at, call_type, caller, called, duration_sec,"
            + " account_code, status, reason, reason_detail, tariff_code, tariff_version, total, lines, caller_region,"
            + " caller_operator, trunk_code, forwarded_to, record";

    private CdrRows() { }

    /** one row in COPY text format (tab-separated, \N for null), ending with a newline */
    static void appendCopyLine(StringBuilder out, long id, Cdr cdr, RatingResult result, OffsetDateTime receivedAt,
                               byte[] lines, byte[] record) {
        out.append(id).append('\t');
        field(out, cdr.source()).append('\t');
        field(out, cdr.cdrId()).append('\t');
        out.append(cdr.startTime()).append('\t');
        out.append(receivedAt).append('\t');
        out.append(cdr.callType().name()).append('\t');
        field(out, cdr.caller()).append('\t');
        field(out, cdr.called()).append('\t');
        out.append(cdr.durationSec()).append('\t');
        field(out, result.account()).append('\t');
        if (result instanceof RatingResult.Rated rated) {
            out.append("RATED\t\\N\t\\N\t");
            field(out, rated.tariff()).append('\t');
            out.append(rated.tariffVersion()).append('\t');
            out.append(rated.total().amount().toPlainString()).append('\t');
            bytea(out, lines).append('\t');
            field(out, rated.callerRegion()).append('\t');
            field(out, rated.callerOperator()).append('\t');
        } else {
            RatingResult.Rejected rejected = (RatingResult.Rejected) result;
            out.append("REJECTED\t").append(rejected.reason().name()).append('\t');
            field(out, rejected.detail().russian()).append('\t');
            field(out, rejected.tariff()).append('\t');
            if (rejected.tariffVersion() == null) {
                out.append("\\N");
            } else {
                out.append(rejected.tariffVersion());
            }
            out.append("\t\\N\t\\\\x\t\\N\t\\N\t");
        }
        field(out, cdr.trunk()).append('\t');
        field(out, cdr.forwardedTo()).append('\t');
        bytea(out, record).append('\n');
    }

    /**
     * jsonb cannot hold the NUL character: one in a field intake does not read (a vendor's extra field) is stored as
     * U+FFFD. Intake refuses it in the fields it reads.
     */
    static String storableJson(String json) {
        int at = json.indexOf("\\u0000");
        if (at < 0) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length());
        int from = 0;
        while (at >= 0) {
            int backslashes = 0;
            for (int k = at - 1; k >= 0 && json.charAt(k) == '\\'; k--) {
                backslashes++;
            }
            // after an odd number of backslashes this is an escaped backslash and the text "u0000"
            out.append(json, from, at).append(backslashes % 2 == 0 ? "\\ufffd" : "\\u0000");
            from = at + 6;
            at = json.indexOf("\\u0000", from);
        }
        return out.append(json, from, json.length()).toString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** a bytea value in COPY text: hex format, its backslash escaped */
    static StringBuilder bytea(StringBuilder out, byte[] value) {
        if (value == null) {
            return out.append("\\N");
        }
        out.append("\\\\x");
        for (byte b : value) {
            out.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        return out;
    }

    /** a text value escaped for COPY: backslash, tab, newline and carriage return; null is \N */
    private static StringBuilder field(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        if (!needsEscape(value)) {
            return out.append(value);
        }
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    private static boolean needsEscape(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
