package ru.ccbilling.cdr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of the compact stored forms ({@link CompactLines}, {@link CompactRecords}): unsigned LEB128 varints,
 * zigzag for signed values, decimals as zigzag scale then zigzag unscaled value (exact, {@code toPlainString} as
 * written), strings as varint length + 1 (0 for null) then UTF-8. The SQL functions of rating's V122
 * ({@code cdr_varint}, {@code cdr_decimal}, ...) write the same bytes.
 */
final class CompactBytes {

    private CompactBytes() { }

    /** an appendable byte buffer */
    static final class Out {
        private byte[] bytes;
        private int size;

        Out(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        Out put(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = (byte) b;
            return this;
        }

        Out put(byte[] more) {
            if (size + more.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more.length));
            }
            System.arraycopy(more, 0, bytes, size, more.length);
            size += more.length;
            return this;
        }

        Out varint(long value) {
            while ((value & ~0x7FL) != 0) {
                put((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            return put((int) value);
        }

        Out zigzag(long value) {
            return varint((value << 1) ^ (value >> 63));
        }

        Out decimal(BigDecimal value) {
            BigInteger unscaled = value.unscaledValue();
            if (unscaled.bitLength() > 63) {
                throw new IllegalArgumentException("decimal too large for the compact form: " + value);
            }
            return zigzag(value.scale()).zigzag(unscaled.longValue());
        }

        Out string(String value) {
            if (value == null) {
                return put(0);
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            return varint(utf8.length + 1L).put(utf8);
        }

        int size() {
            return size;
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /** a reader over stored bytes */
    static final class In {
        private final byte[] bytes;
        private int at;

        In(byte[] bytes) {
            this.bytes = bytes == null ? new byte[0] : bytes;
        }

        boolean more() {
            return at < bytes.length;
        }

        int get() {
            if (at >= bytes.length) {
                throw new IllegalStateException("compact CDR form ends too early");
            }
            return bytes[at++] & 0xFF;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = get();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalStateException("compact CDR form: varint too long");
        }

        int varint32() {
            return Math.toIntExact(varint());
        }

        long zigzag() {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        BigDecimal decimal() {
            int scale = Math.toIntExact(zigzag());
            return BigDecimal.valueOf(zigzag(), scale);
        }

        String string() {
            int n = varint32();
            if (n == 0) {
                return null;
            }
            String s = new String(bytes, at, n - 1, StandardCharsets.UTF_8);
            at += n - 1;
            return s;
        }

        /** the rest of the bytes as UTF-8 */
        String rest() {
            String s = new String(bytes, at, bytes.length - at, StandardCharsets.UTF_8);
            at = bytes.length;
            return s;
        }
    }
}
