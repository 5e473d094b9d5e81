package org.halocloud.mappings.fhir.write;

import java.time.LocalDateTime;

/**
 * One appointment to book, as the gateway has checked it: a free slot of a schedule's session, in the future, for
 * a patient the site holds.
 *
 * @param schedule the Schedule's key (the appointment book: a provider's, or a provider's chair)
 * @param start    practice-local start
 * @param minutes  its length (the slot's)
 * @param patient  the Patient's key
 * @param reason   what the patient books for (the Appointment's comment or description); null when none
 */
public record Booking(Object schedule, LocalDateTime start, int minutes, Object patient, String reason) {

    /** Never the reason: it is the patient's own words. */
    @Override
    public String toString() {
        return "Booking[" + schedule + ", " + start + ", " + minutes + " min]";
    }
}
