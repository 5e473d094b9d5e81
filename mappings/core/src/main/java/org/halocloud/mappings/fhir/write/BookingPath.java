package org.halocloud.mappings.fhir.write;

/**
 * How one PMS books and cancels appointments through its own path, so that the practice database itself decides a
 * race between two bookings of one slot (reception books at the same time): a procedure that locks and checks, or
 * a constraint the insert meets.
 */
public interface BookingPath {

    /** Books the slot; the new appointment's key, or null when the database found the time taken. */
    Object book(Booking booking, Statements db);

    /** Cancels the appointment keyed {@code key}; false when it is not a live booking. */
    boolean cancel(Object key, Statements db);
}
