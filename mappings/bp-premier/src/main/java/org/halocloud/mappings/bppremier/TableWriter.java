package org.halocloud.mappings.bppremier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;

/**
 * Batched inserts into one dbo table: {@code add} binds one row's values in the order of the column list, and
 * {@code flush} sends the batch. The caller flushes and commits in chunks, so no table is ever held in memory.
 */
final class TableWriter implements AutoCloseable {

    private final PreparedStatement insert;
    private final int columns;
    private int pending;

    TableWriter(Connection connection, String table, String... columns) throws SQLException {
        this.columns = columns.length;
        this.insert = connection.prepareStatement("INSERT INTO dbo." + table + " (" + String.join(", ", columns)
                + ") VALUES (" + String.join(", ", Collections.nCopies(columns.length, "?")) + ")");
    }

    void add(Object... values) throws SQLException {
        if (values.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            insert.setObject(i + 1, values[i]);
        }
        insert.addBatch();
        pending++;
    }

    void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
