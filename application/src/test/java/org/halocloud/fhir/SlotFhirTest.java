package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Slot (base R4) for every PMS with an appointment book: what the FHIR facade generates is compared with a calendar
 * computed here, in Java, from the sessions and appointments the practice database holds (read as the practice).
 */
class SlotFhirTest extends FhirIntegrationTest {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    private String key;
    private int calls;

    /** A fresh rate-limit budget every few calls: these tests are about answers, not budgets. */
    private String key() {
        if (key == null || ++calls % 10 == 0) {
            key = acme();
        }
        return key;
    }

    record Session(String schedule, DayOfWeek weekday, LocalDate from, LocalDate to, int start, int end, int length,
                   boolean bookable) {
    }

    record Booking(String schedule, LocalDate day, int start, int minutes) {
    }

    /** The catalogue the appointment book lives in. */
    private static String catalogue(String pms) {
        return pms.equals("zedmed") ? "ZEDMED_ADMIN" : null;
    }

    /** Each PMS's sessions as this test reads them: its own SQL, its own weekday numbering and time units. */
    private List<Session> sessions(String pms) throws SQLException {
        String sql = switch (pms) {
            case "bp-premier" -> "SELECT USERID, DAYOFWEEK, STARTDATE, ENDDATE, STARTTIME, ENDTIME, LENGTH, 1 FROM SESSIONS"
                    + " WHERE RECORDSTATUS = 1 AND WEEKS <= 1 AND USERID IN (SELECT USERID FROM USERS WHERE RECORDSTATUS = 1"
                    + " AND GROUPCODE IN (1, 2, 3, 4, 7) AND APPOINTMENTS = 1)";
            case "zedmed" -> "SELECT s.DR_CODE, s.WEEKDAY, s.EFFECTIVE_FROM, s.EFFECTIVE_TO, s.START_TIME, s.END_TIME,"
                    + " s.SLOT_MINUTES, COALESCE(t.BOOKABLE, 1) FROM DR_SCHEDULE s"
                    + " LEFT JOIN ACTIVITY_TYPE t ON t.ACTIVITY_TYPE_ID = s.ACTIVITY_TYPE_ID";
            default -> "SELECT BOOK_ID, DAY_OF_WEEK, NULL, NULL, START_TIME, END_TIME, SLOT_MIN, 1 FROM APPT_TEMPLATE";
        };
        List<Session> out = new ArrayList<>();
        try (Connection c = asPractice(site(pms).haloGuid(), catalogue(pms)); var s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                int dow = rs.getInt(2);
                boolean bp = pms.equals("bp-premier");
                out.add(new Session(rs.getString(1).trim(), bp ? DayOfWeek.SUNDAY.plus(dow - 1) : DayOfWeek.of(dow),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(),
                        bp ? rs.getInt(5) / 60 : minutes(rs.getTime(5).toLocalTime()),
                        bp ? rs.getInt(6) / 60 : minutes(rs.getTime(6).toLocalTime()),
                        bp ? rs.getInt(7) / 60 : rs.getInt(7), rs.getInt(8) == 1));
            }
        }
        return out;
    }

    private List<Booking> bookings(String pms, LocalDate first, LocalDate end) throws SQLException {
        String sql = switch (pms) {
            case "bp-premier" -> "SELECT USERID, APPOINTMENTDATE, APPOINTMENTTIME, APPOINTMENTLENGTH FROM APPOINTMENTS a"
                    + " WHERE RECORDSTATUS = 1 AND NOT EXISTS (SELECT 1 FROM CANCELLEDAPPOINTMENTS c WHERE c.APPOINTMENTID = a.RECORDID)"
                    + " AND APPOINTMENTDATE >= '" + first + "' AND APPOINTMENTDATE < '" + end + "'";
            case "zedmed" -> "SELECT DR_CODE, APPT_DATE, START_TIME, DURATION_MIN FROM APPOINTMENT WHERE STATUS <> 'CX'"
                    + " AND APPT_DATE >= '" + first + "' AND APPT_DATE < '" + end + "'";
            default -> "SELECT BOOK_ID, APPT_DATE, START_TIME, LENGTH_MIN FROM APPOINTMENT WHERE STATUS <> 6"
                    + " AND APPT_DATE >= '" + first + "' AND APPT_DATE < '" + end + "'";
        };
        List<Booking> out = new ArrayList<>();
        try (Connection c = asPractice(site(pms).haloGuid(), catalogue(pms)); var s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                boolean bp = pms.equals("bp-premier");
                out.add(new Booking(rs.getString(1).trim(), rs.getDate(2).toLocalDate(),
                        bp ? rs.getInt(3) / 60 : minutes(rs.getTime(3).toLocalTime()), bp ? rs.getInt(4) / 60 : rs.getInt(4)));
            }
        }
        return out;
    }

    private static int minutes(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }

    /** The calendar of [first, end): slot id → status, computed from the rows. */
    private Map<String, String> expected(String pms, LocalDate first, LocalDate end) throws SQLException {
        List<Session> sessions = sessions(pms);
        List<Booking> bookings = bookings(pms, first, end);
        Map<String, String> slots = new TreeMap<>();
        for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
            for (Session s : sessions) {
                if (s.weekday() != day.getDayOfWeek() || s.from() != null && s.from().isAfter(day)
                        || s.to() != null && s.to().isBefore(day)) {
                    continue;
                }
                for (int m = s.start(); m + s.length() <= s.end(); m += s.length()) {
                    int slotStart = m;
                    LocalDate d = day;
                    boolean busy = bookings.stream().anyMatch(b -> b.schedule().equals(s.schedule()) && b.day().equals(d)
                            && b.start() < slotStart + s.length() && b.start() + b.minutes() > slotStart);
                    String id = s.schedule() + "-" + day.atStartOfDay().plusMinutes(m).format(MINUTE);
                    slots.put(id, !s.bookable() ? "busy-unavailable" : busy ? "busy" : "free");
                }
            }
        }
        return slots;
    }

    private Map<String, String> served(String pms, String search) throws Exception {
        Map<String, String> out = new TreeMap<>();
        key = acme(); // a whole walk under one fresh key: at most ~10 pages
        for (Resource r : all(pms, key, search)) {
            Slot slot = (Slot) r;
            String previous = out.put(slot.getIdElement().getIdPart(), slot.getStatus().toCode());
            assertThat(previous).as("repeated " + slot.getId()).isNull();
        }
        return out;
    }

    private static Map<String, String> only(Map<String, String> slots, java.util.function.BiPredicate<String, String> keep) {
        Map<String, String> out = new TreeMap<>();
        slots.forEach((id, status) -> {
            if (keep.test(id, status)) {
                out.put(id, status);
            }
        });
        return out;
    }

    private static String schedule(String slotId) {
        return slotId.substring(0, slotId.lastIndexOf('-'));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp-premier", "zedmed", "d4w", "d4web"})
    void aWeekOfSlotsIsTheSessionsMinusTheAppointments(String pms) throws Exception {
        LocalDate today = LocalDate.now(SYDNEY);
        LocalDate end = today.plusDays(7);
        Map<String, String> expected = expected(pms, today, end);
        assertThat(expected).as("the demo book has sessions this week").isNotEmpty();
        assertThat(expected).as("and free and busy time").containsValue("free").containsValue("busy");

        String week = "start=ge" + today + "&start=lt" + end;
        assertThat(served(pms, "Slot?" + week + "&_count=100")).isEqualTo(expected);
        assertThat(served(pms, "Slot?" + week + "&status=free&_count=100"))
                .isEqualTo(only(expected, (id, s) -> s.equals("free")));
        assertThat(served(pms, "Slot?" + week + "&status=busy,busy-unavailable&_count=100"))
                .isEqualTo(only(expected, (id, s) -> !s.equals("free")));
        assertThat(served(pms, "Slot?" + week + "&status=http://hl7.org/fhir/slotstatus|free&_count=100"))
                .isEqualTo(only(expected, (id, s) -> s.equals("free")));

        // one schedule, plain, typed and through its actor
        String busiest = expected.keySet().stream().map(SlotFhirTest::schedule).sorted().findFirst().orElseThrow();
        Map<String, String> ofSchedule = only(expected, (id, s) -> schedule(id).equals(busiest));
        assertThat(served(pms, "Slot?" + week + "&schedule=" + busiest + "&_count=100")).isEqualTo(ofSchedule);
        assertThat(served(pms, "Slot?" + week + "&schedule=Schedule/" + busiest + "&_count=100")).isEqualTo(ofSchedule);
        assertThat(served(pms, "Slot?" + week + "&schedule:Schedule=" + busiest + "&_count=100")).isEqualTo(ofSchedule);
        Schedule s = (Schedule) parse(fhir(pms, key(), "Schedule/" + busiest));
        String actor = s.getActorFirstRep().getReference();
        assertThat(served(pms, "Slot?" + week + "&schedule.actor=" + actor + "&_count=100"))
                .isEqualTo(only(expected, (id, st) -> schedulesOf(pms, actor).contains(schedule(id))));

        // to the second, with an offset: 10:00 Sydney time on the day after tomorrow
        LocalDate d = today.plusDays(2);
        String ten = d + "T10:00:00" + SYDNEY.getRules().getOffset(d.atTime(10, 0)).getId();
        String twelve = d + "T12:00:00" + SYDNEY.getRules().getOffset(d.atTime(12, 0)).getId();
        String stamp10 = d.atTime(10, 0).format(MINUTE);
        String stamp12 = d.atTime(12, 0).format(MINUTE);
        assertThat(served(pms, "Slot?start=ge" + ten + "&start=lt" + twelve + "&_count=100")).isEqualTo(
                only(expected, (id, st) -> stamp(id).compareTo(stamp10) >= 0 && stamp(id).compareTo(stamp12) < 0));
        assertThat(served(pms, "Slot?start=gt" + ten + "&start=le" + twelve + "&_count=100")).isEqualTo(
                only(expected, (id, st) -> stamp(id).compareTo(stamp10) > 0 && stamp(id).compareTo(stamp12) <= 0));
        assertThat(served(pms, "Slot?start=" + d + "&_count=100"))
                .isEqualTo(only(expected, (id, st) -> stamp(id).startsWith(d.toString().replace("-", ""))));
    }

    private List<String> schedulesOf(String pms, String actor) {
        try {
            List<String> out = new ArrayList<>();
            for (Resource r : all(pms, key(), "Schedule?actor=" + actor + "&_count=100")) {
                out.add(r.getIdElement().getIdPart());
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String stamp(String slotId) {
        return slotId.substring(slotId.lastIndexOf('-') + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp-premier", "zedmed", "d4w"})
    void pagingWalksEverySlotOnceInIdOrder(String pms) throws Exception {
        LocalDate today = LocalDate.now(SYDNEY);
        Map<String, String> expected = expected(pms, today, today.plusDays(3));
        List<String> walked = new ArrayList<>();
        String searcher = key(); // next links are bound to the subscription that searched
        HttpResponse<String> response = fhir(pms, searcher, "Slot?start=ge" + today + "&start=lt" + today.plusDays(3) + "&_count=17");
        while (true) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            Bundle b = bundle(response);
            assertThat(b.getEntry()).hasSizeLessThanOrEqualTo(17);
            b.getEntry().forEach(e -> walked.add(e.getResource().getIdElement().getIdPart()));
            if (b.getLink("next") == null) {
                break;
            }
            response = getUrl(b.getLink("next").getUrl(), searcher);
        }
        assertThat(walked.size()).isGreaterThan(34);
        assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(walked).isSortedAccordingTo(String::compareTo); // key order (the engine's and Java's agree here)
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp-premier", "zedmed", "d4w", "d4web"})
    void readByIdAndIncludeTheSchedule(String pms) throws Exception {
        LocalDate from = LocalDate.now(SYDNEY).minusDays(3);
        Map<String, String> expected = expected(pms, from, from.plusDays(7));
        String free = only(expected, (id, s) -> s.equals("free")).keySet().iterator().next();
        String busy = only(expected, (id, s) -> s.equals("busy")).keySet().iterator().next();
        for (String id : List.of(free, busy)) {
            HttpResponse<String> r = fhir(pms, key(), "Slot/" + id);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            Slot slot = (Slot) parse(r);
            assertThat(slot.getStatus().toCode()).isEqualTo(expected.get(id));
            assertThat(slot.getSchedule().getReference()).isEqualTo("Schedule/" + schedule(id));
            LocalDateTime start = LocalDateTime.parse(stamp(id), MINUTE);
            assertThat(slot.getStart().toInstant()).isEqualTo(start.atZone(SYDNEY).toInstant());
            assertThat(slot.getEnd()).isAfter(slot.getStart());
            assertThat(slot.getMeta().getProfile()).isEmpty();
            assertThat(fhir(pms, key(), slot.getSchedule().getReference()).statusCode()).isEqualTo(200);
        }
        assertThat(served(pms, "Slot?_id=" + free + "," + busy)).containsOnlyKeys(free, busy);

        // well-formed ids no session has, and malformed ones: 404 with an OperationOutcome
        String sched = schedule(free);
        LocalDate day = LocalDateTime.parse(stamp(free), MINUTE).toLocalDate();
        for (String id : List.of(sched + "-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "0301", "999999-202601011000",
                sched + "-202613011000", sched + "-20260101", "x", "1-2026-01-01")) {
            HttpResponse<String> r = fhir(pms, key(), "Slot/" + id);
            assertThat(r.statusCode()).as(id + " " + r.body()).isEqualTo(404);
            assertThat(outcome(r).getIssueFirstRep().getDiagnostics()).isNotBlank();
        }

        // _include=Slot:schedule: each slot's Schedule once, as an include entry
        Bundle b = bundle(fhir(pms, key(), "Slot?start=" + day + "&_include=Slot:schedule&_count=100"));
        List<String> schedules = b.getEntry().stream().filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
                .map(e -> e.getResource().getIdElement().getIdPart()).toList();
        List<String> referenced = b.getEntry().stream().filter(e -> e.getResource() instanceof Slot)
                .map(e -> ((Slot) e.getResource()).getSchedule().getReferenceElement().getIdPart()).distinct().toList();
        assertThat(referenced).isNotEmpty();
        assertThat(schedules).containsExactlyInAnyOrderElementsOf(referenced);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp-premier", "zedmed", "d4w"})
    void unboundedOrBadSlotSearchesAreClear400s(String pms) throws Exception {
        LocalDate today = LocalDate.now(SYDNEY);
        for (String search : List.of("Slot", "Slot?status=free", "Slot?start=ge" + today, "Slot?start=lt" + today,
                "Slot?start=ne" + today, "Slot?start=ge" + today + "&start=lt" + today.plusDays(40),
                "Slot?start=" + today.getYear(), "Slot?start=ge" + today + "&start=lt" + today.plusDays(1) + "&schedule:Patient=1",
                "Slot?start=ge" + today + "&start=lt" + today.plusDays(1) + "&schedule=Practitioner/1",
                "Slot?start=ge" + today + "&start=lt" + today.plusDays(1) + "&schedule.foo=1",
                "Slot?start=ap" + today, "Slot?start=not-a-date", "Slot?start=ge" + today + "&start=lt" + today.plusDays(1) + "&_include=Slot:foo")) {
            HttpResponse<String> r = fhir(pms, key(), search);
            assertThat(r.statusCode()).as(search + " → " + r.body()).isEqualTo(400);
            OperationOutcome o = outcome(r);
            assertThat(o.getIssueFirstRep().getDiagnostics()).as(search).isNotBlank().doesNotContain("Exception");
        }
        // the metadata says the range is required
        var cs = (org.hl7.fhir.r4.model.CapabilityStatement) parse(fhir(pms, key(), "metadata"));
        var slot = cs.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("Slot")).findFirst().orElseThrow();
        assertThat(slot.getSearchParam()).extracting(p -> p.getName()).contains("schedule", "start", "status", "_id");
        assertThat(slot.getSearchParam().stream().filter(p -> p.getName().equals("start")).findFirst().orElseThrow()
                .getDocumentation()).startsWith("Required");
        assertThat(slot.getSearchInclude()).extracting(i -> i.getValue()).contains("Slot:schedule");
        // an empty window (end before start) is no error, just nothing
        assertThat(bundle(fhir(pms, key(), "Slot?start=ge" + today + "&start=lt" + today.minusDays(1))).getEntry()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp-premier", "zedmed", "d4w"})
    void injectionStringsThroughSlotParametersAreValues(String pms) throws Exception {
        LocalDate today = LocalDate.now(SYDNEY);
        String day = "start=ge" + today + "&start=lt" + today.plusDays(1);
        for (String attack : List.of("x' OR '1'='1", "1; DROP TABLE APPOINTMENT; --", "%' OR 1=1 --", "1)) OR ((1=1",
                "Schedule/1' OR '1'='1", "1-202601011000' OR '1'='1")) {
            for (String param : List.of("schedule", "status", "_id", "schedule.actor", "start")) {
                String search = "Slot?" + day + "&" + param + "=" + attack;
                HttpResponse<String> r = fhir(pms, key(), search);
                assertThat(r.statusCode()).as(search + " → " + r.body()).isIn(200, 400);
                if (r.statusCode() == 200) {
                    assertThat(bundle(r).getEntry()).as(search).isEmpty();
                }
            }
            HttpResponse<String> read = fhir(pms, key(), "Slot/" + java.net.URLEncoder.encode(attack,
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(read.statusCode()).as(attack).isIn(400, 404);
        }
    }

    /** Bp's own procedure answers the same free times for a provider's day (a second, independent oracle). */
    @org.junit.jupiter.api.Test
    void bpFreeSlotsAreWhatBpGetFreeAppointmentsAnswers() throws Exception {
        LocalDate today = LocalDate.now(SYDNEY);
        Map<String, String> week = expected("bp-premier", today, today.plusDays(7));
        List<String> providers = week.keySet().stream().map(SlotFhirTest::schedule).distinct().sorted().limit(2).toList();
        int compared = 0;
        for (String provider : providers) {
            for (LocalDate day = today; day.isBefore(today.plusDays(7)); day = day.plusDays(1)) {
                List<String> byProcedure = new ArrayList<>();
                try (Connection c = asPractice(site("bp-premier").haloGuid(), null);
                     var call = c.prepareCall("{call BP_GetFreeAppointments(?, ?)}")) {
                    call.setInt(1, Integer.parseInt(provider));
                    call.setString(2, day.toString());
                    try (ResultSet rs = call.executeQuery()) {
                        while (rs.next()) {
                            byProcedure.add(provider + "-" + day.atStartOfDay().plusSeconds(rs.getInt("AppointmentTime")).format(MINUTE));
                        }
                    }
                }
                key = acme();
                List<String> served = ids(all("bp-premier", key, "Slot?schedule=" + provider + "&start=" + day
                        + "&status=free&_count=100"));
                assertThat(served).as(provider + " on " + day).containsExactlyInAnyOrderElementsOf(byProcedure);
                compared += served.size();
            }
        }
        assertThat(compared).as("free slots compared").isPositive();
    }
}
