package org.halocloud.mappings.bppremier.fhir;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.halocloud.mappings.fhir.write.Booking;
import org.halocloud.mappings.fhir.write.BookingPath;
import org.halocloud.mappings.fhir.write.Statements;
import org.halocloud.mappings.fhir.write.Statements.Argument;

/**
 * Bp Premier books through its own procedures, as its online-booking clients do: {@code BP_AddAppointmentEx}
 * (a returned id of 0 means another booking took the time first) and {@code BP_CancelAppointment}. The Schedule is
 * the provider's appointment book, so its key is the practitioner's USERID.
 */
final class BpBookings implements BookingPath {

    static final BpBookings PATH = new BpBookings();
    /** APPOINTMENTTYPES 1, the standard consultation. */
    private static final int STANDARD = 1;

    private BpBookings() {
    }

    @Override
    public Object book(Booking b, Statements db) {
        Object id = db.call(null, "BP_AddAppointmentEx", List.of(
                Argument.of("@aptdate", b.start().toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE), String.class),
                Argument.of("@apttime", b.start().toLocalTime().toSecondOfDay(), Integer.class),
                Argument.of("@appointmenttype", STANDARD, Integer.class),
                Argument.of("@aptlen", b.minutes() * 60, Integer.class),
                Argument.of("@practitionerid", b.schedule(), Integer.class),
                Argument.of("@patientid", b.patient(), Integer.class),
                Argument.of("@reason", b.reason(), String.class),
                Argument.of("@loginid", 0, Integer.class),
                Argument.of("@locationid", 0, Integer.class),
                Argument.of("@videourl", null, String.class)));
        return id instanceof Number n && n.intValue() > 0 ? n.intValue() : null;
    }

    @Override
    public boolean cancel(Object key, Statements db) {
        db.call(null, "BP_CancelAppointment", List.of(Argument.of("@aptid", key, Integer.class)));
        return true;
    }
}
