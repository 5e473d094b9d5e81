package org.halocloud.passthrough.async;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.halocloud.kernel.pipeline.QueryFailure;
import org.halocloud.link.RowSink;
import org.halocloud.passthrough.query.JsonRowsBuffer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes rows as JSON while they stream from the Link and rolls them into pages: once a page's JSON array reaches
 * the page size (after the row that passed it) it is closed and handed to the {@link PageWriter}, and a new page
 * begins. At most one page (plus one row) is held, whatever the size of the result. An empty result has no pages.
 */
public final class PagedRowsSink implements RowSink {

    /** Receives each finished page: its index entry and the bytes of its JSON array. */
    @FunctionalInterface
    public interface PageWriter {
        void write(Page page, byte[] json) throws IOException;
    }

    /**
     * @param size       bytes of the page's JSON array
     * @param rangeStart the page's first row, counting the result's rows from 1; rangeEnd its last (inclusive)
     */
    public record Page(int pageNumber, long size, long rowCount, long rangeStart, long rangeEnd) {
    }

    /** Thrown from {@link #row} when a page cannot be stored; it stops the query at the Link. */
    public static final class StoreFailed extends QueryFailure.Raised {
        StoreFailed(IOException cause) {
            super(QueryFailure.UPLOAD_FAILED, cause);
        }
    }

    private final ObjectMapper mapper;
    private final long pageBytes;
    private final PageWriter writer;
    private final List<Page> pages = new ArrayList<>();
    private List<String> columns = List.of();
    private ByteArrayOutputStream bytes;
    private JsonGenerator json;
    private long rows;
    private long pageRows;
    private long size;

    public PagedRowsSink(ObjectMapper mapper, long pageBytes, PageWriter writer) {
        this.mapper = mapper;
        this.pageBytes = pageBytes;
        this.writer = writer;
    }

    @Override
    public void columns(List<String> names) {
        this.columns = List.copyOf(names);
    }

    @Override
    public void row(Object[] values) {
        if (json == null) {
            bytes = new ByteArrayOutputStream((int) Math.min(pageBytes + 8192, 1 << 21));
            json = mapper.createGenerator(bytes);
            json.writeStartArray();
            pageRows = 0;
        }
        json.writeStartObject();
        for (int i = 0; i < values.length; i++) {
            json.writeName(columns.get(i));
            JsonRowsBuffer.writeValue(json, values[i]);
        }
        json.writeEndObject();
        json.flush();
        rows++;
        pageRows++;
        if (bytes.size() >= pageBytes) {
            closePage();
        }
    }

    /** Stores the last, partly filled page; returns the index of every page. */
    public List<Page> finish() {
        if (json != null) {
            closePage();
        }
        return List.copyOf(pages);
    }

    /** Rows received so far. */
    public long rows() {
        return rows;
    }

    /** Bytes of JSON in the stored pages. */
    public long size() {
        return size;
    }

    private void closePage() {
        json.writeEndArray();
        json.close();
        byte[] page = bytes.toByteArray();
        json = null;
        bytes = null;
        Page entry = new Page(pages.size() + 1, page.length, pageRows, rows - pageRows + 1, rows);
        try {
            writer.write(entry, page);
        } catch (IOException e) {
            throw new StoreFailed(e);
        }
        pages.add(entry);
        size += page.length;
    }
}
