package org.halocloud.mappings.fhir.write;

import java.time.LocalDateTime;

/**
 * How one PMS writes rows of one resource type, through its own write path (a vendor's procedures, or its tables
 * as its schema has them). The gateway has already checked the resource and the row's version; the path makes the
 * database itself refuse a write that lost a race (a version guard in the statement).
 */
public interface WritePath {

    /**
     * True when this path can store {@code value} in {@code column} (a procedure takes only some columns; a table
     * path only its table's). A value it cannot store is refused unless the row already holds it.
     */
    boolean stores(org.jooq.Field<?> column, Object value);

    /** Creates the row from {@code values}; the new row's key. */
    Object create(ColumnValues values, Statements db);

    /**
     * Updates the row keyed {@code key} from {@code values} if its version stamp is still {@code expected}; false
     * when the database found it changed (or gone) meanwhile.
     */
    boolean update(Object key, LocalDateTime expected, ColumnValues values, Statements db);
}
