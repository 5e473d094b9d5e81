package org.halocloud.link;

import java.util.List;

/**
 * Receives rows as the Link reads them, one at a time, so no result is held whole. Values are portable: String,
 * Number, Boolean or null (dates as ISO-8601 text, binary as base64). A sink may stop the query by throwing.
 */
public interface RowSink {

    void columns(List<String> names);

    void row(Object[] values);
}
