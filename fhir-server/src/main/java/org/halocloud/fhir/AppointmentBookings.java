package org.halocloud.fhir;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.halocloud.fhir.validation.WriteValidation;
import org.halocloud.kernel.pipeline.QueryPipeline;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.halocloud.mappings.fhir.write.Booking;
import org.halocloud.mappings.fhir.write.BookingPath;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Slot;
import org.springframework.stereotype.Component;

/**
 * Booking and cancelling through the PMS's own booking path: a free Slot of the generated calendar (named, or found
 * from a practitioner and a start), in the future, for a Patient the site holds, becomes the PMS's appointment; the
 * practice database decides a race (409). A cancellation is a status change only: moving an appointment is a cancel
 * and a new booking.
 */
@Component
public class AppointmentBookings {

    private static final DateTimeFormatter SLOT_MINUTE = DateTimeFormatter.ofPattern("uuuuMMddHHmm");

    private final SearchEngine engine;
    private final QueryPipeline pipeline;
    private final WriteValidation validation;

    public AppointmentBookings(SearchEngine engine, QueryPipeline pipeline, WriteValidation validation) {
        this.engine = engine;
        this.pipeline = pipeline;
        this.validation = validation;
    }

    /** {@code POST Appointment} with {@code status: booked}. */
    MethodOutcome book(SiteRequest site, ResourceMapping<?, ?> appointments, Appointment a) {
        BookingPath path = path(site, appointments);
        if (a.getStatus() != Appointment.AppointmentStatus.BOOKED) {
            throw unprocessable("A booking is an Appointment with status 'booked'.");
        }
        Slot slot = slot(site, a);
        valid(a, slot);
        ZoneId zone = site.admission().database().pms().zone();
        Instant start = slot.getStart().toInstant();
        if (!start.isAfter(Instant.now())) {
            throw unprocessable("Slot/" + slot.getIdElement().getIdPart() + " has started or is in the past.");
        }
        if (slot.getStatus() == Slot.SlotStatus.BUSYUNAVAILABLE) {
            throw unprocessable("Slot/" + slot.getIdElement().getIdPart() + " is not bookable (the session is closed to bookings).");
        }
        if (slot.getStatus() != Slot.SlotStatus.FREE) {
            throw taken(slot);
        }
        if (a.hasStart() && !a.getStart().toInstant().equals(start)
                || a.hasEnd() && !a.getEnd().toInstant().equals(slot.getEnd().toInstant())) {
            throw unprocessable("The Appointment's start and end are not its slot's.");
        }
        Object patient = patient(site, a);
        ResourceMapping<?, ?> schedules = site.resource("Schedule");
        Object schedule = schedules.parseKey(slot.getSchedule().getReferenceElement().getIdPart()).orElseThrow();
        int minutes = (int) Duration.between(start, slot.getEnd().toInstant()).toMinutes();
        String reason = a.hasComment() ? a.getComment() : a.getDescription();
        Object key = ResourceWrites.write("Appointment", () -> path.book(
                new Booking(schedule, LocalDateTime.ofInstant(start, zone), minutes, patient, reason), new SiteStatements(pipeline, site)));
        if (key == null) {
            throw taken(slot);
        }
        Resource booked = reread(site, appointments, String.valueOf(key));
        return new MethodOutcome(booked.getIdElement(), true).setResource(booked);
    }

    /**
     * {@code PUT Appointment/{id}} (or a JSON Patch of its status): to {@code cancelled} through the PMS's cancel
     * path; the same status again changes nothing; anything else (a new time, slot or practitioner) is refused.
     */
    MethodOutcome update(SiteRequest site, ResourceMapping<?, ?> appointments, Appointment current, Appointment wanted) {
        BookingPath path = path(site, appointments);
        if (!Objects.equals(instant(current.getStart()), instant(wanted.getStart()))
                || !Objects.equals(instant(current.getEnd()), instant(wanted.getEnd()))
                || !wanted.getSlot().isEmpty() && !sameReferences(current.getSlot(), wanted.getSlot())) {
            throw unprocessable("An appointment is not moved in place: cancel it (status 'cancelled') and book the "
                    + "new time.");
        }
        if (wanted.getStatus() == current.getStatus()) {
            return new MethodOutcome(current.getIdElement(), false).setResource(current);
        }
        if (wanted.getStatus() != Appointment.AppointmentStatus.CANCELLED) {
            throw unprocessable("Only a cancellation (status 'cancelled') can be written to an appointment; it is "
                    + current.getStatus().toCode() + ".");
        }
        if (current.getStatus() != Appointment.AppointmentStatus.BOOKED) {
            throw unprocessable("Only a booked appointment can be cancelled; this one is " + current.getStatus().toCode() + ".");
        }
        String id = current.getIdElement().getIdPart();
        Object key = appointments.parseKey(id).orElseThrow();
        ResourceWrites.write("Appointment", () -> path.cancel(key, new SiteStatements(pipeline, site)));
        Resource now = reread(site, appointments, id);
        return new MethodOutcome(now.getIdElement(), false).setResource(now);
    }

    /** The booking as it will be held, its times from its slot, against R4's Appointment (app-3 and the rest). */
    private void valid(Appointment a, Slot slot) {
        Appointment held = a.copy();
        if (!held.hasStart()) {
            held.setStart(slot.getStart());
        }
        if (!held.hasEnd()) {
            held.setEnd(slot.getEnd());
        }
        List<String> errors = validation.errors(held);
        if (!errors.isEmpty()) {
            throw unprocessable("The Appointment does not conform to FHIR R4: " + String.join("; ", errors));
        }
    }

    private static BookingPath path(SiteRequest site, ResourceMapping<?, ?> appointments) {
        return appointments.bookings().orElseThrow(() -> new MethodNotAllowedException("Appointments cannot be booked "
                + "at this site: its PMS (" + site.admission().database().pms().apiName() + ") offers no booking path."));
    }

    /** The slot the booking names, or the one its practitioner's book has at its start. */
    private Slot slot(SiteRequest site, Appointment a) {
        ResourceMapping<?, ?> slots = site.resource("Slot");
        String id;
        if (a.getSlot().size() > 1) {
            throw unprocessable("Book one slot per Appointment.");
        } else if (a.getSlot().size() == 1) {
            id = idOf(a.getSlot().get(0), "Slot");
        } else {
            id = slotAt(site, a);
        }
        return (Slot) engine.read(site, slots, id).orElseThrow(() -> unprocessable("Slot/" + id
                + " is not a slot of this site's sessions (outside the practitioner's hours, or no such schedule)."));
    }

    /** A booking by start and practitioner: the practitioner's Schedule's slot at that start. */
    private String slotAt(SiteRequest site, Appointment a) {
        String practitioner = participant(a, "Practitioner")
                .orElseThrow(() -> unprocessable("A booking names a Slot, or a start and a Practitioner participant."));
        if (!a.hasStart()) {
            throw unprocessable("A booking names a Slot, or a start and a Practitioner participant.");
        }
        List<Resource> books = engine.search(site, SearchRequest.first("Schedule",
                Map.of("actor", new String[] {"Practitioner/" + practitioner}), null)).resources();
        if (books.size() != 1) {
            throw unprocessable("Practitioner/" + practitioner + " has " + (books.isEmpty() ? "no" : "more than one")
                    + " appointment book here: name the Slot.");
        }
        ZoneId zone = site.admission().database().pms().zone();
        return books.get(0).getIdElement().getIdPart() + "-"
                + LocalDateTime.ofInstant(a.getStart().toInstant(), zone).format(SLOT_MINUTE);
    }

    /** The Patient participant's key; the patient must be one the site holds. */
    private Object patient(SiteRequest site, Appointment a) {
        String id = participant(a, "Patient").orElseThrow(() -> unprocessable("A booking needs a Patient participant."));
        ResourceMapping<?, ?> patients = site.resource("Patient");
        Optional<?> key = patients.parseKey(id);
        if (key.isEmpty() || engine.read(site, patients, id).isEmpty()) {
            throw unprocessable("Patient/" + id + " is not a patient of this site.");
        }
        return key.get();
    }

    private static Optional<String> participant(Appointment a, String type) {
        List<String> ids = a.getParticipant().stream().map(Appointment.AppointmentParticipantComponent::getActor)
                .filter(r -> r.getReference() != null && r.getReference().startsWith(type + "/"))
                .map(r -> idOf(r, type)).toList();
        if (ids.size() > 1) {
            throw unprocessable("A booking has one " + type + " participant.");
        }
        return ids.stream().findFirst();
    }

    private static String idOf(Reference reference, String type) {
        IdType id = new IdType(reference.getReference() == null ? "" : reference.getReference());
        if (!type.equals(id.getResourceType()) || !id.hasIdPart()) {
            throw unprocessable("'" + reference.getReference() + "' is not a " + type + " reference.");
        }
        return id.getIdPart();
    }

    private static boolean sameReferences(List<Reference> a, List<Reference> b) {
        return a.stream().map(Reference::getReference).toList().equals(b.stream().map(Reference::getReference).toList());
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }

    private Resource reread(SiteRequest site, ResourceMapping<?, ?> appointments, String id) {
        return ResourceWrites.versioned(engine.read(site, appointments, id).orElseThrow(() -> new ResourceNotFoundException(
                "Appointment/" + id + " was booked but is not readable at this site.")));
    }

    private static ResourceVersionConflictException taken(Slot slot) {
        String m = "Slot/" + slot.getIdElement().getIdPart() + " is taken: another booking holds it. Find another free Slot.";
        return new ResourceVersionConflictException(m, null, OperationOutcomes.outcome(OperationOutcome.IssueType.CONFLICT, m));
    }

    private static UnprocessableEntityException unprocessable(String message) {
        return new UnprocessableEntityException(message, OperationOutcomes.outcome(OperationOutcome.IssueType.PROCESSING, message));
    }
}
