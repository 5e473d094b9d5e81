package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bp Premier's appointment book through FHIR (Appointment, Schedule; base R4): every declared search compared with
 * the rows the practice database holds, queried here as the practice itself.
 */
class BpPremierSchedulingFhirTest extends FhirIntegrationTest {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final String IHI_SYSTEM = "http://ns.electronichealth.net.au/id/hi/ihi/1.0";
    private static final String HPII_SYSTEM = "http://ns.electronichealth.net.au/id/hi/hpii/1.0";
    private static final String PSEUDO = "SELECT INTERNALID FROM PATIENTS WHERE TRIM(SURNAME) IN ('DO NOT BOOK', 'CARE PLAN', 'CANCELLED')";
    private static final String LIVE_PATIENT = "INTERNALID IN (SELECT INTERNALID FROM PATIENTS WHERE RECORDSTATUS = 1"
            + " AND INTERNALID > 0 AND TRIM(SURNAME) NOT IN ('DO NOT BOOK', 'CARE PLAN', 'CANCELLED'))";
    /** The appointments served: live rows of live patients (never blocked time). */
    private static final String APPOINTMENTS = "SELECT RECORDID FROM APPOINTMENTS a WHERE RECORDSTATUS = 1 AND " + LIVE_PATIENT;
    private static final String CANCELLED = "EXISTS (SELECT 1 FROM CANCELLEDAPPOINTMENTS c WHERE c.APPOINTMENTID = a.RECORDID)";
    private static final String START = "DATEADD(SECOND, APPOINTMENTTIME, APPOINTMENTDATE)";
    private static final String SCHEDULES = "SELECT USERID FROM USERS WHERE RECORDSTATUS = 1 AND GROUPCODE IN (1, 2, 3, 4, 7)"
            + " AND APPOINTMENTS = 1";

    private String key;
    private final String today = LocalDate.now(SYDNEY).toString();
    /** Booked, its day over, never arrived. */
    private final String noShow = "APPOINTMENTCODE = 1 AND ARRIVALTIME = 0 AND APPOINTMENTDATE < '" + today + "'";

    @BeforeEach
    void freshBudget() {
        key = acme();
    }

    private List<String> dbIds(String sql) throws SQLException {
        return column("bp-premier", null, sql);
    }

    private String one(String sql) throws SQLException {
        return value("bp-premier", null, sql);
    }

    /** The status each appointment row should read as, computed here from the row. */
    private Map<String, String> expectedStatuses(String where) throws SQLException {
        Map<String, String> statuses = new HashMap<>();
        try (Connection c = asPractice(site("bp-premier").haloGuid(), null); var s = c.createStatement();
             var rs = s.executeQuery("SELECT RECORDID, APPOINTMENTCODE, ARRIVALTIME, CAST(APPOINTMENTDATE AS DATE),"
                     + " CASE WHEN " + CANCELLED + " THEN 1 ELSE 0 END FROM APPOINTMENTS a WHERE RECORDSTATUS = 1 AND "
                     + LIVE_PATIENT + " AND " + where)) {
            while (rs.next()) {
                int code = rs.getInt(2);
                boolean past = rs.getDate(4).toLocalDate().isBefore(LocalDate.parse(today));
                statuses.put(rs.getString(1), rs.getInt(5) == 1 ? "cancelled" : switch (code) {
                    case 2 -> "arrived";
                    case 3 -> "checked-in";
                    case 4, 5, 6, 7 -> "fulfilled";
                    default -> code == 1 && rs.getInt(3) == 0 && past ? "noshow" : "booked";
                });
            }
        }
        return statuses;
    }

    record Case(String search, String sql) {
    }

    private void check(List<Case> cases) throws Exception {
        for (Case c : cases) {
            List<Resource> found = all("bp-premier", key, c.search() + (c.search().contains("?") ? "&" : "?") + "_count=100");
            assertThat(ids(found)).as(c.search()).containsExactlyInAnyOrderElementsOf(dbIds(c.sql()));
            key = acme(); // each case may page: keep well inside the rate limit
        }
    }

    /** The practice-local time a FHIR dateTime with an offset stands for, as the SQL literal. */
    private static String local(String fhirDateTime) {
        return OffsetDateTime.parse(fhirDateTime).atZoneSameInstant(SYDNEY).toLocalDateTime().toString().replace('T', ' ');
    }

    @Test
    void appointmentSearchesMatchTheRows() throws Exception {
        String p = one("SELECT INTERNALID FROM APPOINTMENTS a WHERE RECORDSTATUS = 1 AND " + LIVE_PATIENT
                + " AND INTERNALID IN (SELECT INTERNALID FROM PATIENTS WHERE IHI IS NOT NULL)"
                + " GROUP BY INTERNALID ORDER BY COUNT(*) DESC, INTERNALID OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY");
        String ihi = one("SELECT IHI FROM PATIENTS WHERE INTERNALID = " + p);
        String ofP = APPOINTMENTS + " AND INTERNALID = " + p;
        String doctor = one("SELECT MIN(USERID) FROM (" + APPOINTMENTS.replace("SELECT RECORDID", "SELECT USERID")
                + " AND APPOINTMENTDATE >= '" + today + "') x");
        String location = one("SELECT MAX(LOCATIONID) FROM (" + APPOINTMENTS.replace("SELECT RECORDID", "SELECT LOCATIONID") + ") x");
        String someId = one("SELECT MAX(RECORDID) FROM (" + ofP + ") x");
        String aWeekAgo = LocalDate.parse(today).minusDays(7).toString();
        String noon = today + "T12:00:00+10:00";
        check(List.of(
                new Case("Appointment?patient=" + p, ofP),
                new Case("Appointment?patient=Patient/" + p, ofP),
                new Case("Appointment?patient.identifier=" + IHI_SYSTEM + "|" + ihi, ofP),
                new Case("Appointment?_id=" + someId, ofP + " AND RECORDID = " + someId),
                new Case("Appointment?practitioner=" + doctor + "&date=ge" + today,
                        APPOINTMENTS + " AND USERID = " + doctor + " AND " + START + " >= '" + today + "'"),
                new Case("Appointment?practitioner=Practitioner/" + doctor + "&date=" + today,
                        APPOINTMENTS + " AND USERID = " + doctor + " AND CAST(APPOINTMENTDATE AS DATE) = '" + today + "'"),
                new Case("Appointment?practitioner=" + doctor + "&date=ge" + aWeekAgo + "&date=lt" + today,
                        APPOINTMENTS + " AND USERID = " + doctor + " AND APPOINTMENTDATE >= '" + aWeekAgo + "' AND APPOINTMENTDATE < '" + today + "'"),
                new Case("Appointment?date=" + today, APPOINTMENTS + " AND CAST(APPOINTMENTDATE AS DATE) = '" + today + "'"),
                new Case("Appointment?date=" + today + "&date=lt" + noon,
                        APPOINTMENTS + " AND CAST(APPOINTMENTDATE AS DATE) = '" + today + "' AND " + START + " < '" + local(noon) + "'"),
                new Case("Appointment?location=Location/" + location + "&date=" + today,
                        APPOINTMENTS + " AND LOCATIONID = " + location + " AND CAST(APPOINTMENTDATE AS DATE) = '" + today + "'"),
                new Case("Appointment?patient=" + p + "&status=cancelled", ofP + " AND " + CANCELLED),
                new Case("Appointment?patient=" + p + "&status=noshow", ofP + " AND NOT " + CANCELLED + " AND " + noShow),
                new Case("Appointment?patient=" + p + "&status=fulfilled",
                        ofP + " AND NOT " + CANCELLED + " AND APPOINTMENTCODE BETWEEN 4 AND 7"),
                new Case("Appointment?patient=" + p + "&status=booked,noshow",
                        ofP + " AND NOT " + CANCELLED + " AND APPOINTMENTCODE NOT IN (2, 3, 4, 5, 6, 7)"),
                new Case("Appointment?patient=" + p + "&status=proposed", ofP + " AND 1 = 0"),
                new Case("Appointment?patient=" + p + "&status=http://example.org/other|booked", ofP + " AND 1 = 0"),
                new Case("Appointment?status=cancelled", APPOINTMENTS + " AND " + CANCELLED),
                new Case("Appointment?status=noshow", APPOINTMENTS + " AND NOT " + CANCELLED + " AND " + noShow),
                new Case("Appointment?status=arrived,checked-in",
                        APPOINTMENTS + " AND NOT " + CANCELLED + " AND APPOINTMENTCODE IN (2, 3)"),
                new Case("Appointment?status=http://hl7.org/fhir/appointmentstatus|booked&date=ge" + today,
                        APPOINTMENTS + " AND NOT " + CANCELLED + " AND APPOINTMENTCODE NOT IN (2, 3, 4, 5, 6, 7) AND NOT ("
                                + noShow + ") AND " + START + " >= '" + today + "'")));
        assertThat(dbIds(ofP)).isNotEmpty();
    }

    @Test
    void statusesTimesAndParticipantsFollowTheRows() throws Exception {
        // every status of every appointment of the patients with a cancelled or no-show appointment, and of today's book
        String cancelledOne = one("SELECT MIN(RECORDID) FROM APPOINTMENTS a WHERE RECORDSTATUS = 1 AND " + LIVE_PATIENT + " AND " + CANCELLED);
        String noShowOne = one("SELECT MIN(RECORDID) FROM APPOINTMENTS a WHERE RECORDSTATUS = 1 AND " + LIVE_PATIENT
                + " AND NOT " + CANCELLED + " AND " + noShow);
        assertThat(cancelledOne).as("the demo has cancelled appointments").isNotNull();
        assertThat(noShowOne).as("the demo has no-shows").isNotNull();
        String patientCancelled = one("SELECT INTERNALID FROM APPOINTMENTS WHERE RECORDID = " + cancelledOne);
        String patientNoShow = one("SELECT INTERNALID FROM APPOINTMENTS WHERE RECORDID = " + noShowOne);
        for (Case c : List.of(
                new Case("Appointment?patient=" + patientCancelled, "INTERNALID = " + patientCancelled),
                new Case("Appointment?patient=" + patientNoShow, "INTERNALID = " + patientNoShow),
                new Case("Appointment?date=" + today, "CAST(APPOINTMENTDATE AS DATE) = '" + today + "'"))) {
            Map<String, String> served = new HashMap<>();
            all("bp-premier", key, c.search() + "&_count=100")
                    .forEach(r -> served.put(r.getIdElement().getIdPart(), ((Appointment) r).getStatus().toCode()));
            assertThat(served).as(c.search()).isEqualTo(expectedStatuses(c.sql()));
            key = acme();
        }

        Appointment cancelled = (Appointment) parse(fhir("bp-premier", key, "Appointment/" + cancelledOne));
        assertThat(cancelled.getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(cancelled.getCancelationReason().getText())
                .isEqualTo(one("SELECT MAX(TRIM(REASON)) FROM CANCELLEDAPPOINTMENTS WHERE APPOINTMENTID = " + cancelledOne));
        assertThat(((Appointment) parse(fhir("bp-premier", key, "Appointment/" + noShowOne))).getStatus())
                .isEqualTo(Appointment.AppointmentStatus.NOSHOW);

        // start and end: APPOINTMENTDATE + APPOINTMENTTIME (+ APPOINTMENTLENGTH) seconds, Sydney time with its offset
        String id = one("SELECT MAX(RECORDID) FROM APPOINTMENTS a WHERE RECORDSTATUS = 1 AND " + LIVE_PATIENT + " AND REASON IS NOT NULL");
        Appointment a = (Appointment) parse(fhir("bp-premier", key, "Appointment/" + id));
        assertThat(a.getMeta().getProfile()).isEmpty();
        try (Connection c = asPractice(site("bp-premier").haloGuid(), null); var s = c.createStatement();
             var rs = s.executeQuery("SELECT a.APPOINTMENTDATE, a.APPOINTMENTTIME, a.APPOINTMENTLENGTH, a.INTERNALID, a.USERID,"
                     + " a.LOCATIONID, TRIM(t.DESCRIPTION), TRIM(a.REASON) FROM APPOINTMENTS a"
                     + " LEFT JOIN APPOINTMENTTYPES t ON t.APPOINTMENTCODE = a.APPOINTMENTTYPE WHERE a.RECORDID = " + id)) {
            rs.next();
            LocalDateTime start = rs.getTimestamp(1).toLocalDateTime().toLocalDate().atStartOfDay().plusSeconds(rs.getInt(2));
            assertThat(a.getStartElement().getValueAsString())
                    .isEqualTo(start.atZone(SYDNEY).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")));
            assertThat(a.getStart().toInstant()).isEqualTo(start.atZone(SYDNEY).toInstant());
            assertThat(a.getEnd().toInstant()).isEqualTo(start.plusSeconds(rs.getInt(3)).atZone(SYDNEY).toInstant());
            assertThat(a.getParticipant()).extracting(pc -> pc.getActor().getReference()).containsExactly(
                    "Patient/" + rs.getInt(4), "Practitioner/" + rs.getInt(5), "Location/" + rs.getInt(6));
            assertThat(a.getParticipant()).allMatch(pc -> pc.getStatus() == Appointment.ParticipationStatus.ACCEPTED);
            assertThat(a.getAppointmentType().getText()).isEqualTo(rs.getString(7));
            assertThat(a.getReasonCodeFirstRep().getText()).isEqualTo(rs.getString(8));
        }
        // the participants resolve
        for (var participant : a.getParticipant()) {
            assertThat(fhir("bp-premier", key, participant.getActor().getReference()).statusCode())
                    .as(participant.getActor().getReference()).isEqualTo(200);
        }
    }

    @Test
    void blockedTimeAndDeletedRowsAreNeverAppointments() throws Exception {
        String blocked = "SELECT RECORDID FROM APPOINTMENTS WHERE RECORDSTATUS = 1 AND (INTERNALID = 0 OR INTERNALID IN (" + PSEUDO + "))";
        List<String> blocks = dbIds(blocked + " ORDER BY RECORDID");
        assertThat(blocks).as("the demo book has blocked time").isNotEmpty();
        List<String> probes = new ArrayList<>();
        probes.add(one("SELECT MIN(RECORDID) FROM APPOINTMENTS WHERE INTERNALID = 0"));
        for (String name : List.of("DO NOT BOOK", "CARE PLAN")) {
            probes.add(one("SELECT MIN(RECORDID) FROM APPOINTMENTS WHERE INTERNALID IN"
                    + " (SELECT INTERNALID FROM PATIENTS WHERE TRIM(SURNAME) = '" + name + "')"));
        }
        probes.add(one("SELECT MIN(RECORDID) FROM APPOINTMENTS WHERE RECORDSTATUS <> 1"));
        for (String id : probes) {
            if (id != null) {
                assertThat(fhir("bp-premier", key, "Appointment/" + id).statusCode()).as("Appointment/" + id).isEqualTo(404);
            }
        }
        String pseudo = one("SELECT MIN(INTERNALID) FROM PATIENTS WHERE TRIM(SURNAME) = 'DO NOT BOOK'");
        assertThat(ids(all("bp-premier", key, "Appointment?patient=" + pseudo))).isEmpty();
        assertThat(ids(all("bp-premier", key, "Appointment?patient=0"))).isEmpty();
        key = acme();
        // a doctor's day with a block in it: the block is not served, everything else is
        String day = one("SELECT MIN(CAST(APPOINTMENTDATE AS DATE)) FROM APPOINTMENTS WHERE INTERNALID = 0 AND APPOINTMENTDATE >= '" + today + "'");
        String doctor = one("SELECT MIN(USERID) FROM APPOINTMENTS WHERE INTERNALID = 0 AND CAST(APPOINTMENTDATE AS DATE) = '" + day + "'");
        List<String> served = ids(all("bp-premier", key, "Appointment?practitioner=" + doctor + "&date=" + day + "&_count=100"));
        assertThat(served).doesNotContainAnyElementsOf(blocks)
                .containsExactlyInAnyOrderElementsOf(dbIds(APPOINTMENTS + " AND USERID = " + doctor
                        + " AND CAST(APPOINTMENTDATE AS DATE) = '" + day + "'"));
    }

    @Test
    void appointmentPagingWalksEveryMatchOnceInKeyOrder() throws Exception {
        String doctor = one("SELECT USERID FROM (" + APPOINTMENTS.replace("SELECT RECORDID", "SELECT USERID")
                + ") x GROUP BY USERID ORDER BY COUNT(*) DESC, USERID OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY");
        String since = LocalDate.parse(today).minusYears(2).toString();
        String search = "Appointment?practitioner=" + doctor + "&date=ge" + since + "&_count=5";
        List<String> expected = dbIds(APPOINTMENTS + " AND USERID = " + doctor + " AND APPOINTMENTDATE >= '" + since + "' ORDER BY RECORDID");
        assertThat(expected.size()).isGreaterThan(10);
        List<String> walked = new ArrayList<>();
        HttpResponse<String> response = fhir("bp-premier", key, search);
        while (true) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            Bundle b = bundle(response);
            assertThat(b.getEntry()).hasSizeLessThanOrEqualTo(5);
            b.getEntry().forEach(e -> walked.add(e.getResource().getIdElement().getIdPart()));
            if (b.getLink("next") == null) {
                break;
            }
            response = getUrl(b.getLink("next").getUrl(), key); // the same subscription: its link is bound to it
        }
        assertThat(walked).containsExactlyElementsOf(expected); // key order, no gaps, no repeats
    }

    @Test
    void scheduleSearchesMatchTheProvidersWithABook() throws Exception {
        String doctor = one("SELECT MIN(USERID) FROM (" + SCHEDULES + ") x");
        String hpii = one("SELECT MIN(HPII) FROM (" + SCHEDULES.replace("SELECT USERID", "SELECT HPII") + ") x");
        check(List.of(
                new Case("Schedule", SCHEDULES),
                new Case("Schedule?_id=" + doctor, SCHEDULES + " AND USERID = " + doctor),
                new Case("Schedule?actor=" + doctor, SCHEDULES + " AND USERID = " + doctor),
                new Case("Schedule?actor=Practitioner/" + doctor, SCHEDULES + " AND USERID = " + doctor),
                new Case("Schedule?actor.identifier=" + HPII_SYSTEM + "|" + hpii, SCHEDULES + " AND HPII = '" + hpii + "'"),
                new Case("Schedule?active=true", SCHEDULES + " AND USERSTATUS = 1"),
                new Case("Schedule?active=false", SCHEDULES + " AND USERSTATUS <> 1"),
                new Case("Schedule?active=true&actor=" + doctor, SCHEDULES + " AND USERSTATUS = 1 AND USERID = " + doctor)));
        assertThat(dbIds(SCHEDULES)).isNotEmpty();

        Schedule s = (Schedule) parse(fhir("bp-premier", key, "Schedule/" + doctor));
        assertThat(s.getActorFirstRep().getReference()).isEqualTo("Practitioner/" + doctor);
        assertThat(s.getActive()).isEqualTo("1".equals(one("SELECT USERSTATUS FROM USERS WHERE USERID = " + doctor)));
        assertThat(s.getMeta().getProfile()).isEmpty();
        assertThat(fhir("bp-premier", key, "Practitioner/" + doctor).statusCode()).isEqualTo(200);
        // users without an appointment book (reception, a retired doctor) have no Schedule
        String noBook = one("SELECT MIN(USERID) FROM USERS WHERE APPOINTMENTS = 0");
        if (noBook != null) {
            assertThat(fhir("bp-premier", key, "Schedule/" + noBook).statusCode()).isEqualTo(404);
        }
        // Slot is generated (SESSIONS minus APPOINTMENTS) only for a bounded range of days: see SlotFhirTest
        assertThat(fhir("bp-premier", key, "Slot").statusCode()).isEqualTo(400);
    }
}
