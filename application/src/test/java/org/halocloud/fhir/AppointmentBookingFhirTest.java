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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Online booking over real HTTP at every PMS: a free Slot → POST Appointment → the Slot reads busy → a
 * second booking is 409 → PUT status cancelled → the Slot is free again; sixteen simultaneous bookings of one slot,
 * of which the practice database lets exactly one through.
 */
class AppointmentBookingFhirTest extends FhirIntegrationTest {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    /** Days far enough ahead that the week-long Slot comparisons of other tests never see these bookings. */
    private static int nextWeek = 0;

    /** Where each PMS keeps its appointments: the catalogue, a booked row, a cancelled one, a live one at a slot. */
    private record Book(String catalogue, String booked, String cancelled, String liveAt) {
    }

    private static Book book(String pms) {
        return switch (pms) {
            case "bp-premier" -> new Book(null, "SELECT COUNT(*) FROM APPOINTMENTS WHERE RECORDID = %s AND INTERNALID = %s",
                    "SELECT COUNT(*) FROM CANCELLEDAPPOINTMENTS WHERE APPOINTMENTID = %s",
                    "SELECT COUNT(*) FROM APPOINTMENTS a WHERE USERID = %s AND APPOINTMENTDATE = '%s' AND APPOINTMENTTIME = %s"
                            + " AND NOT EXISTS (SELECT 1 FROM CANCELLEDAPPOINTMENTS c WHERE c.APPOINTMENTID = a.RECORDID)");
            case "zedmed" -> new Book("ZEDMED_ADMIN", "SELECT COUNT(*) FROM APPOINTMENT WHERE APPT_ID = %s AND PATIENT_ID = %s"
                    + " AND STATUS = 'BK'", "SELECT COUNT(*) FROM APPOINTMENT WHERE APPT_ID = %s AND STATUS = 'CX'",
                    "SELECT COUNT(*) FROM APPOINTMENT WHERE DR_CODE = '%s' AND APPT_DATE = '%s' AND START_TIME = '%s'"
                            + " AND STATUS <> 'CX'");
            default -> new Book(null, "SELECT COUNT(*) FROM APPOINTMENT WHERE APPT_ID = %s AND PATIENT_ID = %s AND STATUS = 0",
                    "SELECT COUNT(*) FROM APPOINTMENT WHERE APPT_ID = %s AND STATUS = 6",
                    "SELECT COUNT(*) FROM APPOINTMENT WHERE BOOK_ID = %s AND APPT_DATE = '%s' AND START_TIME = '%s'"
                            + " AND STATUS <> 6");
        };
    }

    private long rows(String pms, String sql) throws Exception {
        return count(site(pms).haloGuid(), book(pms).catalogue(), sql);
    }

    /** The live appointments at a slot, read from the PMS's own table. */
    private long liveAt(String pms, String slotId) throws Exception {
        String schedule = slotId.substring(0, slotId.lastIndexOf('-'));
        String minute = slotId.substring(slotId.lastIndexOf('-') + 1);
        LocalDate day = LocalDate.parse(minute.substring(0, 8), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        int h = Integer.parseInt(minute.substring(8, 10));
        int m = Integer.parseInt(minute.substring(10));
        Object time = pms.equals("bp-premier") ? (Object) (h * 3600 + m * 60) : String.format("%02d:%02d:00", h, m);
        return rows(pms, String.format(book(pms).liveAt(), schedule, day, time));
    }

    /** A key of an integrator the practice lets book a second time: Beta Bookings where it is enabled, else Acme. */
    private String other(String pms) {
        return freshKey(pms.equals("bp-premier") ? "Beta Bookings" : "Acme Health");
    }

    private HttpResponse<String> send(String pms, String method, String key, String path, String body) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + base(pms) + "/" + path))
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
    private List<Slot> freeSlots(String pms, String key) throws Exception {
        LocalDate from;
        synchronized (AppointmentBookingFhirTest.class) {
            from = LocalDate.now(SYDNEY).plusWeeks(2 + nextWeek++ % 9);
        }
        List<Slot> free = new ArrayList<>();
        HttpResponse<String> page = send(pms, "GET", key, "Slot?status=free&start=ge" + from + "&start=lt" + from.plusDays(7)
                + "&_count=20", null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        bundle(page).getEntry().forEach(e -> free.add((Slot) e.getResource()));
        assertThat(free).as("the demo book has free time in the week from " + from).isNotEmpty();
        return free;
    }

    private String aPatient(String pms, String key) throws Exception {
        return bundle(send(pms, "GET", key, "Patient?_count=1", null)).getEntryFirstRep().getResource().getIdElement().getIdPart();
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

    private Slot.SlotStatus slotStatus(String pms, String key, String slotId) throws Exception {
        HttpResponse<String> read = send(pms, "GET", key, "Slot/" + slotId, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return ((Slot) parse(read)).getStatus();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp-premier", "zedmed", "d4w", "d4web"})
    void aFreeSlotIsBookedThenTakenThenFreeAgainOnceCancelled(String pms) throws Exception {
        String key = acme();
        Slot slot = freeSlots(pms, key).get(0);
        String slotId = slot.getIdElement().getIdPart();
        String patient = aPatient(pms, key);

        HttpResponse<String> booked = send(pms, "POST", key, "Appointment", booking(slotId, patient));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        Appointment appointment = (Appointment) parse(booked);
        String id = appointment.getIdElement().getIdPart();
        assertThat(appointment.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(appointment.getStart()).isEqualTo(slot.getStart());
        assertThat(appointment.getEnd()).isEqualTo(slot.getEnd());
        assertThat(appointment.getParticipant()).extracting(p -> p.getActor().getReference()).contains("Patient/" + patient);
        assertThat(rows(pms, String.format(book(pms).booked(), id, patient))).isOne();
        assertThat(slotStatus(pms, key, slotId)).isEqualTo(Slot.SlotStatus.BUSY);

        HttpResponse<String> again = send(pms, "POST", other(pms), "Appointment", booking(slotId, patient));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(outcome(again).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.CONFLICT);

        Appointment moved = appointment.copy();
        moved.setStart(new java.util.Date(appointment.getStart().getTime() + 900_000));
        HttpResponse<String> move = send(pms, "PUT", key, "Appointment/" + id, FHIR.newJsonParser().encodeResourceToString(moved));
        assertThat(move.statusCode()).as(move.body()).isEqualTo(422);
        assertThat(outcome(move).getIssueFirstRep().getDiagnostics()).contains("cancel");

        Appointment cancel = appointment.copy().setStatus(Appointment.AppointmentStatus.CANCELLED);
        HttpResponse<String> cancelled = send(pms, "PUT", key, "Appointment/" + id, FHIR.newJsonParser().encodeResourceToString(cancel));
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(((Appointment) parse(cancelled)).getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(rows(pms, String.format(book(pms).cancelled(), id))).isOne();
        assertThat(slotStatus(pms, key, slotId)).isEqualTo(Slot.SlotStatus.FREE);
        // cancelling again changes nothing
        assertThat(send(pms, "PUT", key, "Appointment/" + id, FHIR.newJsonParser().encodeResourceToString(cancel)).statusCode())
                .isEqualTo(200);
        assertThat(rows(pms, String.format(book(pms).cancelled(), id))).isOne();
        // and the freed slot books again (at Bp by Beta Bookings: the practice grants booking to both)
        assertThat(send(pms, "POST", other(pms), "Appointment", booking(slotId, patient)).statusCode()).isEqualTo(201);
        assertThat(liveAt(pms, slotId)).isOne();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp-premier", "zedmed", "d4w", "d4web"})
    void ofSixteenSimultaneousBookingsOfOneSlotExactlyOneSucceeds(String pms) throws Exception {
        String key = acme();
        String slotId = freeSlots(pms, key).get(0).getIdElement().getIdPart();
        String body = booking(slotId, aPatient(pms, key));
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
                        return send(pms, "POST", k, "Appointment", body).statusCode();
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
        assertThat(liveAt(pms, slotId)).as("one live appointment in the practice database").isOne();
    }

    @Test
    void aBookingAtAStartWithItsPractitionerFindsTheSlot() throws Exception {
        String pms = "bp-premier";
        String key = acme();
        Slot slot = freeSlots(pms, key).get(1);
        String practitioner = slot.getSchedule().getReferenceElement().getIdPart(); // Bp: the book is the provider's
        Appointment a = new Appointment();
        a.setStatus(Appointment.AppointmentStatus.BOOKED).setStart(slot.getStart()).setEnd(slot.getEnd());
        a.addParticipant().setActor(new Reference("Patient/" + aPatient(pms, key)))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        a.addParticipant().setActor(new Reference("Practitioner/" + practitioner))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        HttpResponse<String> booked = send(pms, "POST", key, "Appointment", FHIR.newJsonParser().encodeResourceToString(a));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        assertThat(slotStatus(pms, key, slot.getIdElement().getIdPart())).isEqualTo(Slot.SlotStatus.BUSY);
    }

    private HttpResponse<String> jsonPatch(String pms, String key, String path, String patch) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + base(pms) + "/" + path))
                .header(KEY, key).header("Content-Type", "application/json-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aJsonPatchOfTheStatusCancels() throws Exception {
        String pms = "bp-premier";
        String key = acme();
        String slotId = freeSlots(pms, key).get(0).getIdElement().getIdPart();
        HttpResponse<String> booked = send(pms, "POST", key, "Appointment", booking(slotId, aPatient(pms, key)));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String id = ((Appointment) parse(booked)).getIdElement().getIdPart();
        HttpResponse<String> moving = jsonPatch(pms, key, "Appointment/" + id,
                "[{\"op\":\"replace\",\"path\":\"/start\",\"value\":\"2031-01-01T09:00:00+11:00\"}]");
        assertThat(moving.statusCode()).as(moving.body()).isEqualTo(422);
        HttpResponse<String> wrongTest = jsonPatch(pms, key, "Appointment/" + id, "[{\"op\":\"test\",\"path\":\"/status\","
                + "\"value\":\"arrived\"},{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"cancelled\"}]");
        assertThat(wrongTest.statusCode()).as(wrongTest.body()).isEqualTo(422);
        assertThat(slotStatus(pms, key, slotId)).isEqualTo(Slot.SlotStatus.BUSY);
        HttpResponse<String> cancelled = jsonPatch(pms, key, "Appointment/" + id, "[{\"op\":\"test\",\"path\":\"/status\","
                + "\"value\":\"booked\"},{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"cancelled\"}]");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(slotStatus(pms, key, slotId)).isEqualTo(Slot.SlotStatus.FREE);
        assertThat(jsonPatch(pms, key, "Patient/" + aPatient(pms, key), "[]").statusCode()).isEqualTo(405);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp-premier", "zedmed", "d4w", "d4web"})
    void bookingsThatCannotBeAreRefusedAndWriteNothing(String pms) throws Exception {
        String key = acme();
        String patient = aPatient(pms, key);
        String all = pms.equals("bp-premier") ? "SELECT COUNT(*) FROM APPOINTMENTS" : "SELECT COUNT(*) FROM APPOINTMENT";
        long before = rows(pms, all);
        LocalDate today = LocalDate.now(SYDNEY);
        List<Resource> past = new ArrayList<>();
        bundle(send(pms, "GET", key, "Slot?status=free&start=ge" + today.minusDays(8) + "&start=lt" + today.minusDays(1)
                + "&_count=5", null)).getEntry().forEach(e -> past.add(e.getResource()));
        assertThat(past).as("the demo book had free time last week").isNotEmpty();
        HttpResponse<String> inThePast = send(pms, "POST", key, "Appointment", booking(past.get(0).getIdElement().getIdPart(), patient));
        assertThat(inThePast.statusCode()).as(inThePast.body()).isEqualTo(422);
        String future = freeSlots(pms, key).get(0).getIdElement().getIdPart();
        String schedule = future.substring(0, future.lastIndexOf('-'));
        assertThat(send(pms, "POST", key, "Appointment", booking(schedule + "-" + today.plusDays(20).toString().replace("-", "")
                + "0317", patient)).statusCode()).as("outside the practitioner's sessions").isEqualTo(422);
        assertThat(send(pms, "POST", key, "Appointment", booking(future, "999999")).statusCode()).as("unknown patient").isEqualTo(422);
        Appointment noStatus = (Appointment) FHIR.newJsonParser().parseResource(booking(future, patient));
        noStatus.getParticipantFirstRep().setStatus(null);
        HttpResponse<String> invalid = send(pms, "POST", key, "Appointment", FHIR.newJsonParser().encodeResourceToString(noStatus));
        assertThat(invalid.statusCode()).as("R4: a participant has a status").isEqualTo(422);
        assertThat(outcome(invalid).getIssueFirstRep().getDiagnostics()).contains("participant.status");
        Appointment proposed = (Appointment) FHIR.newJsonParser().parseResource(booking(future, patient));
        proposed.setStatus(Appointment.AppointmentStatus.PROPOSED);
        assertThat(send(pms, "POST", key, "Appointment", FHIR.newJsonParser().encodeResourceToString(proposed)).statusCode()).isEqualTo(422);
        assertThat(send(pms, "POST", key, "Appointment", "{\"resourceType\":\"Appointment\",\"status\":").statusCode()).isEqualTo(400);
        assertThat(rows(pms, all)).isEqualTo(before);
    }
}
