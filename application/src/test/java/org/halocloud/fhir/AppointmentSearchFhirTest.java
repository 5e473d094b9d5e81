package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Appointment's participant searches ({@code actor}, {@code patient}, {@code practitioner}, {@code location}), typed
 * reference modifiers and values, and {@code _include} of the participants, for every PMS: each compared with the
 * appointment rows the practice database holds (read as the practice).
 */
class AppointmentSearchFhirTest extends FhirIntegrationTest {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    private String key;
    private int calls;

    private String key() {
        if (key == null || ++calls % 8 == 0) {
            key = acme();
        }
        return key;
    }

    /** Per PMS: the served appointments' SELECT (id first), and its patient, practitioner, location and day columns. */
    record Book(String catalogue, String served, String patient, String practitioner, String location, String day) {
    }

    private static Book book(String pms) {
        return switch (pms) {
            case "bp-premier" -> new Book(null, "SELECT RECORDID FROM APPOINTMENTS a WHERE RECORDSTATUS = 1 AND INTERNALID IN"
                    + " (SELECT INTERNALID FROM PATIENTS WHERE RECORDSTATUS = 1 AND INTERNALID > 0"
                    + " AND TRIM(SURNAME) NOT IN ('DO NOT BOOK', 'CARE PLAN', 'CANCELLED'))",
                    "INTERNALID", "USERID", "LOCATIONID", "CAST(APPOINTMENTDATE AS DATE)");
            case "zedmed" -> new Book("ZEDMED_ADMIN", "SELECT APPT_ID FROM APPOINTMENT WHERE 1 = 1", "PATIENT_ID", "DR_CODE",
                    "BRANCH_ID", "APPT_DATE");
            default -> new Book(null, "SELECT APPT_ID FROM APPOINTMENT WHERE 1 = 1", "PATIENT_ID", "PROVIDER_ID",
                    "LOCATION_ID", "APPT_DATE");
        };
    }

    private List<String> db(String pms, String sql) throws SQLException {
        return column(pms, book(pms).catalogue(), sql);
    }

    private static String q(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private void same(String pms, String search, String sql) throws Exception {
        key = acme();
        List<String> served = ids(all(pms, key, search + (search.contains("?") ? "&" : "?") + "_count=100"));
        assertThat(served).as(pms + " " + search).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(db(pms, sql));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp-premier", "zedmed", "d4w", "d4web"})
    void actorAndTypedReferencesMatchTheRows(String pms) throws Exception {
        Book b = book(pms);
        String today = LocalDate.now(SYDNEY).toString();
        String all = b.served();
        String p = db(pms, "SELECT MIN(" + b.patient() + ") FROM (" + all.replaceFirst("SELECT \\w+", "SELECT " + b.patient()) + ") x").get(0);
        String d = db(pms, "SELECT MIN(" + b.practitioner() + ") FROM (" + all.replaceFirst("SELECT \\w+", "SELECT " + b.practitioner())
                + " AND " + b.day() + " >= '" + today + "') x").get(0);
        String l = db(pms, "SELECT MAX(" + b.location() + ") FROM (" + all.replaceFirst("SELECT \\w+", "SELECT " + b.location()) + ") x").get(0);
        String ofP = all + " AND " + b.patient() + " = " + p;
        String ofD = all + " AND " + b.practitioner() + " = " + q(d);
        String ofL = all + " AND " + b.location() + " = " + l;
        String onToday = " AND " + b.day() + " = '" + today + "'";
        String fromToday = " AND " + b.day() + " >= '" + today + "'";

        same(pms, "Appointment?actor=Patient/" + p, ofP);
        same(pms, "Appointment?actor:Patient=" + p, ofP);
        same(pms, "Appointment?patient:Patient=" + p, ofP);
        same(pms, "Appointment?actor=Practitioner/" + d + "&date=ge" + today, ofD + fromToday);
        same(pms, "Appointment?actor:Practitioner=" + d + "&date=ge" + today, ofD + fromToday);
        same(pms, "Appointment?practitioner:Practitioner=" + d + "&date=ge" + today, ofD + fromToday);
        same(pms, "Appointment?actor=Location/" + l + "&date=" + today, ofL + onToday);
        same(pms, "Appointment?actor:Location=" + l + "&date=" + today, ofL + onToday);
        same(pms, "Appointment?location:Location=" + l + "&date=" + today, ofL + onToday);
        // several values: any may match; several occurrences: all must
        same(pms, "Appointment?actor=Patient/" + p + ",Location/" + l + "&date=ge" + today,
                all + " AND (" + b.patient() + " = " + p + " OR " + b.location() + " = " + l + ")" + fromToday);
        same(pms, "Appointment?actor=Patient/" + p + "&actor=Practitioner/" + d, ofP + " AND " + b.practitioner() + " = " + q(d));
        // a bare id is any participant with that id
        same(pms, "Appointment?actor=" + l + "&date=" + today, all + " AND (" + b.patient() + " = " + l + " OR "
                + b.practitioner() + " = " + q(l) + " OR " + b.location() + " = " + l + ")" + onToday);
        // chains: through the one type named, or through every type that has the parameter
        Identifier doctorId = ((Practitioner) parse(fhir(pms, key(), "Practitioner/" + d))).getIdentifierFirstRep();
        same(pms, "Appointment?actor:Practitioner.identifier=" + doctorId.getSystem() + "|" + doctorId.getValue()
                + "&date=ge" + today, ofD + fromToday);
        Identifier patientId = ((Patient) parse(fhir(pms, key(), "Patient/" + p))).getIdentifierFirstRep();
        same(pms, "Appointment?actor.identifier=" + patientId.getSystem() + "|" + patientId.getValue(), ofP);
        same(pms, "Appointment?actor:Patient.identifier=" + patientId.getSystem() + "|" + patientId.getValue(), ofP);
        // a type the parameter can refer to, with an id that is not there: nothing
        assertThat(bundle(fhir(pms, key(), "Appointment?actor=Patient/999999999")).getEntry()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp-premier", "zedmed", "d4w"})
    void aTypeTheParameterCannotReferToIsA400(String pms) throws Exception {
        for (String search : List.of("Appointment?patient:Practitioner=1", "Appointment?patient=Practitioner/1",
                "Appointment?practitioner=Patient/1", "Appointment?practitioner:Location=1", "Appointment?location:Patient=1",
                "Appointment?actor:Organization=1", "Appointment?actor=Organization/1", "Appointment?actor:Patient=Practitioner/1",
                "Appointment?actor=Patient/1,Medication/2", "Appointment?actor:Organization.identifier=x|1",
                "Appointment?actor:Foo=1", "Appointment?patient:Practitioner.identifier=x|1",
                "Schedule?actor:Patient=1", "Schedule?actor=Patient/1", "PractitionerRole?practitioner:Patient=1",
                "Appointment?_include=Appointment:foo", "Appointment?_include=Appointment:slot")) {
            HttpResponse<String> r = fhir(pms, key(), search);
            assertThat(r.statusCode()).as(pms + " " + search + " → " + r.body()).isEqualTo(400);
            assertThat(outcome(r).getIssueFirstRep().getDiagnostics()).as(search).isNotBlank().doesNotContain("Exception");
        }
        // ... while the types it can refer to are fine
        for (String search : List.of("Appointment?patient:Patient=1", "Appointment?actor:Location=1",
                "Appointment?actor=Practitioner/1", "Schedule?actor:Practitioner=1", "Schedule?actor=Practitioner/1")) {
            HttpResponse<String> r = fhir(pms, key(), search);
            assertThat(r.statusCode()).as(pms + " " + search + " → " + r.body()).isEqualTo(200);
        }
    }

    /** The resources of each type a search's include entries hold. */
    private static Map<String, Set<String>> included(Bundle bundle) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            if (e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE) {
                out.computeIfAbsent(e.getResource().fhirType(), t -> new TreeSet<>()).add(e.getResource().getIdElement().getIdPart());
            }
        }
        return out;
    }

    private Set<String> distinct(String pms, String column, String served) throws SQLException {
        return new TreeSet<>(db(pms, served.replaceFirst("SELECT \\w+", "SELECT DISTINCT " + column)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp-premier", "zedmed", "d4w", "d4web"})
    void includesBringTheParticipants(String pms) throws Exception {
        Book b = book(pms);
        String day = db(pms, "SELECT MAX(D) FROM (" + b.served().replaceFirst("SELECT \\w+", "SELECT " + b.day() + " AS D")
                + " AND " + b.day() + " <= '" + LocalDate.now(SYDNEY) + "') x").get(0).substring(0, 10);
        String ofDay = b.served() + " AND " + b.day() + " = '" + day + "'";
        String search = "Appointment?date=" + day + "&_count=100";
        Map<String, Set<String>> patients = Map.of("Patient", distinct(pms, b.patient(), ofDay));
        Map<String, Set<String>> practitioners = Map.of("Practitioner", distinct(pms, b.practitioner(), ofDay));
        Map<String, Set<String>> locations = Map.of("Location", distinct(pms, b.location(), ofDay));
        assertThat(patients.get("Patient")).as("appointments on " + day).isNotEmpty();

        Bundle withPatients = bundle(fhir(pms, key(), search + "&_include=Appointment:patient"));
        assertThat(withPatients.getEntry().stream().filter(e -> e.getSearch().getMode() != Bundle.SearchEntryMode.INCLUDE)
                .map(e -> e.getResource().getIdElement().getIdPart()).toList()).containsExactlyInAnyOrderElementsOf(db(pms, ofDay));
        assertThat(included(withPatients)).isEqualTo(patients);
        assertThat(included(bundle(fhir(pms, key(), search + "&_include=Appointment:practitioner")))).isEqualTo(practitioners);
        assertThat(included(bundle(fhir(pms, key(), search + "&_include=Appointment:location")))).isEqualTo(locations);
        Map<String, Set<String>> everyone = new TreeMap<>();
        everyone.putAll(patients);
        everyone.putAll(practitioners);
        everyone.putAll(locations);
        assertThat(included(bundle(fhir(pms, key(), search + "&_include=Appointment:actor")))).isEqualTo(everyone);
        assertThat(included(bundle(fhir(pms, key(), search + "&_include=Appointment:patient&_include=Appointment:practitioner"))))
                .isEqualTo(Map.of("Patient", patients.get("Patient"), "Practitioner", practitioners.get("Practitioner")));

        // the metadata declares them
        var cs = (org.hl7.fhir.r4.model.CapabilityStatement) parse(fhir(pms, key(), "metadata"));
        var appointment = cs.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("Appointment")).findFirst().orElseThrow();
        assertThat(appointment.getSearchInclude()).extracting(i -> i.getValue()).contains("Appointment:patient",
                "Appointment:practitioner", "Appointment:location", "Appointment:actor");
        assertThat(appointment.getSearchParam()).extracting(p -> p.getName()).contains("patient", "practitioner",
                "location", "actor", "date", "status");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp-premier", "zedmed", "d4w"})
    void injectionStringsThroughTheReferenceParametersAreValues(String pms) throws Exception {
        List<String> failures = new ArrayList<>();
        for (String attack : List.of("x' OR '1'='1", "1; DROP TABLE APPOINTMENT; --", "Patient/1' OR '1'='1",
                "Practitioner/x') OR ('1'='1", "%' OR 1=1 --", "Location/1 OR 1=1")) {
            for (String param : List.of("actor", "actor:Patient", "actor:Practitioner", "patient:Patient", "practitioner",
                    "location:Location", "actor.identifier", "actor:Practitioner.identifier")) {
                String search = "Appointment?" + param + "=" + attack;
                HttpResponse<String> r = fhir(pms, key(), search);
                if (r.statusCode() == 200) {
                    if (!bundle(r).getEntry().isEmpty()) {
                        failures.add(search + " matched");
                    }
                } else if (r.statusCode() != 400) {
                    failures.add(search + " → " + r.statusCode() + " " + r.body());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zedmed", "d4w", "d4web"})
    void serviceTypeIsThePracticesOwnTypeOfAppointment(String pms) throws Exception {
        boolean zedmed = pms.equals("zedmed");
        String system = zedmed ? "https://halocloud.org/fhir/zedmed/CodeSystem/activity-type"
                : "https://halocloud.org/fhir/d4w/CodeSystem/appointment-type";
        String code = zedmed
                ? db(pms, "SELECT MAX(t.ACTIVITY_TYPE_ID) FROM APPOINTMENT a JOIN APPT_TYPE t ON t.APPT_TYPE_ID = a.APPT_TYPE_ID").get(0)
                : db(pms, "SELECT MIN(TRIM(APPT_TYPE)) FROM APPOINTMENT").get(0);
        String ofType = zedmed
                ? "SELECT APPT_ID FROM APPOINTMENT WHERE APPT_TYPE_ID IN (SELECT APPT_TYPE_ID FROM APPT_TYPE WHERE ACTIVITY_TYPE_ID = " + code + ")"
                : "SELECT APPT_ID FROM APPOINTMENT WHERE TRIM(APPT_TYPE) = " + q(code);
        String today = LocalDate.now(SYDNEY).toString();
        String fromToday = " AND APPT_DATE >= '" + today + "'";
        same(pms, "Appointment?service-type=" + code + "&date=ge" + today, ofType + fromToday);
        same(pms, "Appointment?service-type=" + system + "|" + code + "&date=ge" + today, ofType + fromToday);
        assertThat(bundle(fhir(pms, key(), "Appointment?service-type=http://example.org/other|" + code)).getEntry()).isEmpty();
        String one = db(pms, "SELECT MAX(APPT_ID) FROM (" + ofType + ") x").get(0);
        var a = (org.hl7.fhir.r4.model.Appointment) parse(fhir(pms, key(), "Appointment/" + one));
        assertThat(a.getServiceTypeFirstRep().getCodingFirstRep().getSystem()).isEqualTo(system);
        assertThat(a.getServiceTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo(code);
        assertThat(a.getServiceTypeFirstRep().getText()).isNotBlank();
    }
}
