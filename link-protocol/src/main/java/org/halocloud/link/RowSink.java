package org.halocloud.link;

import java.util.List;

/**
 * Receives rows as the Link reads them, one at a time, so no result is held whole. Values are portable: String,
 * Number, Boolean or null (dates as ISO-8601 text, binary as base64). A sink may stop the query by throwing.
 */
public interface RowSink {

    /** For a command whose rows (if any) nobody reads: a data change, a procedure call. */
    RowSink DISCARD = new RowSink() {
        @Override
        public void columns(List<String> names) {
        }

        @Override
        public void row(Object[] values) {
        }
    };

    void columns(List<String> names);

    void row(Object[] values);
}
