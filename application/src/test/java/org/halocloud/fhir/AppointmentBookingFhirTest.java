package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.Test;

/**
 * Online booking over real HTTP at the Bp Premier site: a free Slot → POST Appointment → the Slot reads busy → a
 * second booking is 409 → PUT status cancelled → the Slot is free again; sixteen simultaneous bookings of one slot,
 * of which the practice database lets exactly one through.
 */
class AppointmentBookingFhirTest extends FhirIntegrationTest {

    private static final String PMS = "bp-premier";
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    /** Days far enough ahead that the week-long Slot comparisons of other tests never see these bookings. */
    private static int nextWeek = 0;

    private HttpResponse<String> send(String method, String key, String path, String body) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + base(PMS) + "/" + path))
                    .header(KEY, key).header("Content-Type", "application/fhir+json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429 || attempt == 6) {
                return response;
            }
            Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
        }
    }

    /** Free slots in a week of its own, 2 to 10 weeks ahead. */
    private synchronized List<Slot> freeSlots(String key) throws Exception {
        LocalDate from = LocalDate.now(SYDNEY).plusWeeks(2 + nextWeek++);
        List<Slot> free = new ArrayList<>();
        HttpResponse<String> page = send("GET", key, "Slot?status=free&start=ge" + from + "&start=lt" + from.plusDays(7)
                + "&_count=20", null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        bundle(page).getEntry().forEach(e -> free.add((Slot) e.getResource()));
        assertThat(free).as("the demo book has free time in the week from " + from).isNotEmpty();
        return free;
    }

    private String aPatient(String key) throws Exception {
        return bundle(send("GET", key, "Patient?_count=1", null)).getEntryFirstRep().getResource().getIdElement().getIdPart();
    }

    private static String booking(String slotId, String patientId) {
        Appointment a = new Appointment();
        a.setStatus(Appointment.AppointmentStatus.BOOKED);
        a.addSlot(new Reference("Slot/" + slotId));
        a.addParticipant().setActor(new Reference("Patient/" + patientId))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        a.setComment("Booked by the booking test");
        return FHIR.newJsonParser().encodeResourceToString(a);
    }

    private Slot.SlotStatus slotStatus(String key, String slotId) throws Exception {
        HttpResponse<String> read = send("GET", key, "Slot/" + slotId, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return ((Slot) parse(read)).getStatus();
    }

    @Test
    void aFreeSlotIsBookedThenTakenThenFreeAgainOnceCancelled() throws Exception {
        String key = acme();
        Slot slot = freeSlots(key).get(0);
        String slotId = slot.getIdElement().getIdPart();
        String patient = aPatient(key);

        HttpResponse<String> booked = send("POST", key, "Appointment", booking(slotId, patient));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        Appointment appointment = (Appointment) parse(booked);
        String id = appointment.getIdElement().getIdPart();
        assertThat(appointment.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(appointment.getStart()).isEqualTo(slot.getStart());
        assertThat(appointment.getEnd()).isEqualTo(slot.getEnd());
        assertThat(appointment.getParticipant()).extracting(p -> p.getActor().getReference()).contains("Patient/" + patient);
        assertThat(count(site(PMS).haloGuid(), null, "SELECT COUNT(*) FROM APPOINTMENTS WHERE RECORDID = " + id
                + " AND INTERNALID = " + patient + " AND RECORDSTATUS = 1")).isOne();
        assertThat(slotStatus(key, slotId)).isEqualTo(Slot.SlotStatus.BUSY);

        HttpResponse<String> again = send("POST", freshKey("Beta Bookings"), "Appointment", booking(slotId, patient));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(outcome(again).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.CONFLICT);

        Appointment moved = appointment.copy();
        moved.setStart(new java.util.Date(appointment.getStart().getTime() + 900_000));
        HttpResponse<String> move = send("PUT", key, "Appointment/" + id, FHIR.newJsonParser().encodeResourceToString(moved));
        assertThat(move.statusCode()).as(move.body()).isEqualTo(422);
        assertThat(outcome(move).getIssueFirstRep().getDiagnostics()).contains("cancel");

        Appointment cancel = appointment.copy().setStatus(Appointment.AppointmentStatus.CANCELLED);
        HttpResponse<String> cancelled = send("PUT", key, "Appointment/" + id, FHIR.newJsonParser().encodeResourceToString(cancel));
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(((Appointment) parse(cancelled)).getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(count(site(PMS).haloGuid(), null, "SELECT COUNT(*) FROM CANCELLEDAPPOINTMENTS WHERE APPOINTMENTID = " + id)).isOne();
        assertThat(slotStatus(key, slotId)).isEqualTo(Slot.SlotStatus.FREE);
        // cancelling again changes nothing
        assertThat(send("PUT", key, "Appointment/" + id, FHIR.newJsonParser().encodeResourceToString(cancel)).statusCode())
                .isEqualTo(200);
        assertThat(count(site(PMS).haloGuid(), null, "SELECT COUNT(*) FROM CANCELLEDAPPOINTMENTS WHERE APPOINTMENTID = " + id)).isOne();
        // and the freed slot books again (Beta Bookings may book: the practice grants booking to both)
        assertThat(send("POST", freshKey("Beta Bookings"), "Appointment", booking(slotId, patient)).statusCode()).isEqualTo(201);
    }

    @Test
    void ofSixteenSimultaneousBookingsOfOneSlotExactlyOneSucceeds() throws Exception {
        String key = acme();
        String slotId = freeSlots(key).get(0).getIdElement().getIdPart();
        String patient = aPatient(key);
        String body = booking(slotId, patient);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            keys.add(acme()); // each its own rate-limit budget: the limit is not what refuses them
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (String k : keys) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return send("POST", k, "Appointment", body).statusCode();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            start.countDown();
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).as(statuses.toString()).containsOnlyOnce(201).filteredOn(s -> s != 201).containsOnly(409);
        } finally {
            pool.shutdownNow();
        }
        String[] parts = slotId.split("-");
        assertThat(count(site(PMS).haloGuid(), null, "SELECT COUNT(*) FROM APPOINTMENTS a WHERE USERID = " + parts[0]
                + " AND APPOINTMENTDATE = '" + LocalDate.parse(parts[1].substring(0, 8), java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + "' AND APPOINTMENTTIME = " + (Integer.parseInt(parts[1].substring(8, 10)) * 3600 + Integer.parseInt(parts[1].substring(10)) * 60)
                + " AND NOT EXISTS (SELECT 1 FROM CANCELLEDAPPOINTMENTS c WHERE c.APPOINTMENTID = a.RECORDID)")).isOne();
    }

    @Test
    void aBookingAtAStartWithItsPractitionerFindsTheSlot() throws Exception {
        String key = acme();
        Slot slot = freeSlots(key).get(1);
        String practitioner = slot.getSchedule().getReferenceElement().getIdPart(); // Bp: the book is the provider's
        Appointment a = new Appointment();
        a.setStatus(Appointment.AppointmentStatus.BOOKED).setStart(slot.getStart()).setEnd(slot.getEnd());
        a.addParticipant().setActor(new Reference("Patient/" + aPatient(key)));
        a.addParticipant().setActor(new Reference("Practitioner/" + practitioner));
        HttpResponse<String> booked = send("POST", key, "Appointment", FHIR.newJsonParser().encodeResourceToString(a));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        assertThat(slotStatus(key, slot.getIdElement().getIdPart())).isEqualTo(Slot.SlotStatus.BUSY);
    }

    @Test
    void bookingsThatCannotBeAreRefusedAndWriteNothing() throws Exception {
        String key = acme();
        String patient = aPatient(key);
        long before = count(site(PMS).haloGuid(), null, "SELECT COUNT(*) FROM APPOINTMENTS");
        LocalDate today = LocalDate.now(SYDNEY);
        List<Resource> past = new ArrayList<>();
        bundle(send("GET", key, "Slot?status=free&start=ge" + today.minusDays(8) + "&start=lt" + today.minusDays(1)
                + "&_count=5", null)).getEntry().forEach(e -> past.add(e.getResource()));
        assertThat(past).as("the demo book had free time last week").isNotEmpty();
        HttpResponse<String> inThePast = send("POST", key, "Appointment", booking(past.get(0).getIdElement().getIdPart(), patient));
        assertThat(inThePast.statusCode()).as(inThePast.body()).isEqualTo(422);
        String future = freeSlots(key).get(0).getIdElement().getIdPart();
        String schedule = future.substring(0, future.lastIndexOf('-'));
        assertThat(send("POST", key, "Appointment", booking(schedule + "-" + today.plusDays(20).toString().replace("-", "")
                + "0317", patient)).statusCode()).as("outside the practitioner's sessions").isEqualTo(422);
        assertThat(send("POST", key, "Appointment", booking(future, "999999")).statusCode()).as("unknown patient").isEqualTo(422);
        Appointment proposed = (Appointment) FHIR.newJsonParser().parseResource(booking(future, patient));
        proposed.setStatus(Appointment.AppointmentStatus.PROPOSED);
        assertThat(send("POST", key, "Appointment", FHIR.newJsonParser().encodeResourceToString(proposed)).statusCode()).isEqualTo(422);
        assertThat(send("POST", key, "Appointment", "{\"resourceType\":\"Appointment\",\"status\":").statusCode()).isEqualTo(400);
        assertThat(count(site(PMS).haloGuid(), null, "SELECT COUNT(*) FROM APPOINTMENTS")).isEqualTo(before);
    }
}
