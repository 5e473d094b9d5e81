package org.halocloud.passthrough.query;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.halocloud.kernel.pipeline.QueryFailure;
import org.halocloud.link.RowSink;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes rows as a JSON array while they stream from the Link, refusing to grow past a byte limit: the query is
 * stopped as soon as the result outgrows it, so at most the limit is ever held.
 */
public final class JsonRowsBuffer implements RowSink, AutoCloseable {

    /** Thrown from {@link #row} when the JSON outgrows the limit; it stops the query at the Link. */
    public static final class TooLarge extends QueryFailure.Raised {
        public TooLarge() {
            super(QueryFailure.TOO_LARGE, null);
        }
    }

    private final CappedBytes bytes;
    private final JsonGenerator json;
    private List<String> columns = List.of();

    public JsonRowsBuffer(ObjectMapper mapper, long maxBytes) {
        this.bytes = new CappedBytes(maxBytes);
        this.json = mapper.createGenerator(bytes);
        json.writeStartArray();
    }

    @Override
    public void columns(List<String> names) {
        this.columns = List.copyOf(names);
    }

    @Override
    public void row(Object[] values) {
        json.writeStartObject();
        for (int i = 0; i < values.length; i++) {
            json.writeName(columns.get(i));
            writeValue(json, values[i]);
        }
        json.writeEndObject();
    }

    /** Writes one portable value (String, Number, Boolean or null) as JSON; shared with the async page sink. */
    public static void writeValue(JsonGenerator json, Object v) {
        if (v == null) {
            json.writeNull();
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (v instanceof BigDecimal n) {
            json.writeNumber(n);
        } else if (v instanceof BigInteger n) {
            json.writeNumber(n);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            json.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            json.writeNumber(n.doubleValue());
        } else {
            json.writeString(v.toString());
        }
    }

    /** Closes the array and returns the JSON; throws {@link TooLarge} if the closing bytes pass the limit. */
    public byte[] finish() {
        json.writeEndArray();
        json.close();
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        if (!json.isClosed()) {
            bytes.abandon();
            json.close();
        }
    }

    private static final class CappedBytes extends ByteArrayOutputStream {
        private final long max;
        private boolean abandoned;

        CappedBytes(long max) {
            super(8192);
            this.max = max;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (abandoned) {
                return;
            }
            if (count + (long) len > max) {
                abandon();
                throw new TooLarge();
            }
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        void abandon() {
            abandoned = true;
            buf = new byte[0];
            count = 0;
        }
    }
}
