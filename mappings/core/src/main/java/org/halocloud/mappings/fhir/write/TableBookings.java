package org.halocloud.mappings.fhir.write;

import java.util.Map;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Sequence;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Booking through the PMS's appointment table, for vendors that publish no booking procedure (Zedmed, D4W): an
 * INSERT of the booking, keyed from the table's sequence, that the table's own constraint on live bookings (one per
 * book, day and start: the demo schema's {@code LIVE_SLOT} unique index) refuses when another booking took the
 * time first — the race is decided by the database, answered 409. A cancellation is an UPDATE of the live row.
 *
 * @param table     the appointment table
 * @param catalogue its catalogue; null for the database's default
 * @param key       its key column
 * @param keys      the sequence numbering new appointments
 * @param row       the booking's columns → values (binds, or sub-selects such as the book's location)
 * @param cancelled what a cancellation sets
 * @param live      the rows a cancellation may change (not already cancelled)
 */
public record TableBookings(Table<?> table, String catalogue, Field<? extends Number> key, Sequence<? extends Number> keys,
                            Function<Booking, Map<Field<?>, Field<?>>> row, Map<Field<?>, Object> cancelled,
                            Condition live) implements BookingPath {

    @Override
    public Object book(Booking booking, Statements db) {
        Number id = (Number) db.scalar(catalogue, DSL.select(keys.nextval()));
        var insert = DSL.insertInto(table).set(unqualified(key), id);
        for (Map.Entry<Field<?>, Field<?>> e : row.apply(booking).entrySet()) {
            insert = insert.set(unqualified(e.getKey()), e.getValue());
        }
        db.execute(catalogue, insert);
        return id;
    }

    @Override
    public boolean cancel(Object appointment, Statements db) {
        Map<Field<?>, Object> set = new java.util.LinkedHashMap<>();
        cancelled.forEach((column, value) -> set.put(unqualified(column), value));
        return db.execute(catalogue, DSL.update(table).set(set).where(unqualified(key).eq(appointment)).and(live)) == 1;
    }

    /** The column by its own name: INSERT and SET refuse the mapping's table-qualified ones. */
    @SuppressWarnings("unchecked")
    static Field<Object> unqualified(Field<?> f) {
        return (Field<Object>) DSL.field(DSL.name(f.getName()), f.getType());
    }
}
