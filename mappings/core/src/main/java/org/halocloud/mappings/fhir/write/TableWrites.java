package org.halocloud.mappings.fhir.write;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jooq.Field;
import org.jooq.Sequence;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A write path through the PMS's own table, for vendors that publish no write procedures (Zedmed, D4W): the key
 * from the table's sequence, an INSERT of the resource's columns and the defaults a new row needs, and an UPDATE
 * guarded by the row's last-modified stamp (so the database, not the gateway, refuses a lost race).
 *
 * @param table    the table written
 * @param catalogue its catalogue; null for the database's default
 * @param key      its key column
 * @param keys     the sequence that numbers new rows
 * @param created  the creation stamp set on insert; null when the table keeps none
 * @param modified the last-modified stamp set on every write; with {@code created} before the first change, the
 *                 row's version, compared on update (the mapping reads the same: see {@link #version})
 * @param defaults what a new row needs beyond the resource (e.g. a chart number from the key)
 */
public record TableWrites(Table<?> table, String catalogue, Field<Integer> key, Sequence<? extends Number> keys,
                          Field<LocalDateTime> created, Field<LocalDateTime> modified,
                          BiConsumer<Integer, ColumnValues> defaults) implements WritePath {

    /** The row's version: its last-modified stamp, or its creation before any change. */
    public Field<LocalDateTime> version() {
        return created == null ? modified : DSL.coalesce(modified, created);
    }

    @Override
    public boolean stores(Field<?> column, Object value) {
        return ColumnValues.belongsTo(column, table);
    }

    @Override
    public Object create(ColumnValues values, Statements db) {
        Object next = db.scalar(catalogue, DSL.select(keys.nextval()));
        int id = ((Number) next).intValue();
        defaults.accept(id, values);
        var insert = DSL.insertInto(table).set(field(key), id);
        for (Map.Entry<Field<?>, Object> e : values.of(table).entrySet()) {
            insert = insert.set(field(e.getKey()), e.getValue());
        }
        if (created != null) {
            insert = insert.set(field(created), DSL.currentLocalDateTime());
        }
        db.execute(catalogue, insert.set(field(modified), DSL.currentLocalDateTime()));
        return id;
    }

    @Override
    public boolean update(Object key, LocalDateTime expected, ColumnValues values, Statements db) {
        var update = DSL.update(table).set(field(modified), DSL.currentLocalDateTime());
        for (Map.Entry<Field<?>, Object> e : values.of(table).entrySet()) {
            update = update.set(field(e.getKey()), e.getValue());
        }
        var guarded = update.where(this.key.eq((Integer) key))
                .and(expected == null ? version().isNull() : version().eq(expected));
        return db.execute(catalogue, guarded) == 1;
    }

    private static Field<Object> field(Field<?> f) {
        return TableBookings.unqualified(f);
    }
}
