package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dental4Windows and its multi-tenant sibling Dental4Web through FHIR (one mapping, one schema), each answer
 * compared with the rows in the practice database itself (queried here as the practice, not through the facade).
 */
class Dental4WindowsFhirTest extends FhirIntegrationTest {

    private static final String IHI = "http://ns.electronichealth.net.au/id/hi/ihi/1.0";
    private static final String MEDICARE = "http://ns.electronichealth.net.au/id/medicare-number";
    private static final String DVA = "http://ns.electronichealth.net.au/id/dva";
    private static final String HPII = "http://ns.electronichealth.net.au/id/hi/hpii/1.0";
    private static final String HPIO = "http://ns.electronichealth.net.au/id/hi/hpio/1.0";
    private static final String AHPRA = "http://hl7.org.au/id/ahpra-registration-number";
    private static final String ABN = "http://hl7.org.au/id/abn";
    private static final String PROVIDER_NUMBER = "http://ns.electronichealth.net.au/id/medicare-provider-number";
    private static final String MRN = "http://ns.electronichealth.net.au/id/hpio-scoped/medicalrecord/1.0/";
    private static final String ADA = "https://halocloud.org/fhir/CodeSystem/ada-item";
    private static final String SNOMED = "http://snomed.info/sct";

    private static final String PATIENTS = " FROM PATIENT WHERE 1 = 1";
    private static final String DONE = " FROM TREATMENT WHERE STATUS = 'C'";

    private String key;
    private int calls;

    private record Case(String search, String sql) {
    }

    /** A fresh key every few calls: each test case may page, and the demo limit is per key. */
    private String key() {
        if (key == null || ++calls > 8) {
            key = acme();
            calls = 0;
        }
        return key;
    }

    private List<String> dbIds(String pms, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = asPractice(site(pms).haloGuid(), null); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1).trim());
            }
        }
        return ids;
    }

    private String one(String pms, String sql) throws SQLException {
        try (Connection c = asPractice(site(pms).haloGuid(), null); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1) == null ? null : rs.getString(1).trim();
        }
    }

    private void check(String pms, List<Case> cases) throws Exception {
        for (Case c : cases) {
            List<Resource> found = all(pms, key(), c.search() + (c.search().contains("?") ? "&" : "?") + "_count=100");
            String type = c.search().contains("?") ? c.search().substring(0, c.search().indexOf('?')) : c.search();
            assertThat(found).as(c.search()).allMatch(r -> r.fhirType().equals(type));
            assertThat(ids(found)).as(pms + " " + c.search()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(dbIds(pms, c.sql()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"d4w", "d4web"})
    void everyPatientSearchReturnsExactlyTheMatchingRows(String pms) throws Exception {
        String ihi = one(pms, "SELECT MIN(IHI)" + PATIENTS + " AND IHI IS NOT NULL");
        String medicare = one(pms, "SELECT MIN(CONCAT(MEDICARE_NO, MEDICARE_REF))" + PATIENTS + " AND MEDICARE_NO IS NOT NULL");
        String dva = one(pms, "SELECT COALESCE(MIN(TRIM(DVA_NO)), 'NX000000')" + PATIENTS + " AND DVA_NO IS NOT NULL");
        String card = one(pms, "SELECT MIN(CARD_NO)" + PATIENTS);
        String cardHpio = one(pms, "SELECT L.HPIO FROM PATIENT P JOIN LOCATION L ON L.LOCATION_ID = P.LOCATION_ID WHERE P.CARD_NO = '" + card + "'");
        String otherHpio = one(pms, "SELECT MIN(HPIO) FROM LOCATION WHERE HPIO <> '" + cardHpio + "'");
        String surname = one(pms, "SELECT MIN(TRIM(SURNAME))" + PATIENTS);
        String first = one(pms, "SELECT MAX(TRIM(FIRST_NAME))" + PATIENTS);
        String someId = one(pms, "SELECT MAX(PATIENT_ID)" + PATIENTS);
        String p2 = surname.substring(0, 2).toUpperCase();
        check(pms, List.of(
                new Case("Patient", "SELECT PATIENT_ID" + PATIENTS),
                new Case("Patient?_id=" + someId, "SELECT PATIENT_ID" + PATIENTS + " AND PATIENT_ID = " + someId),
                new Case("Patient?_id=" + someId + ",1", "SELECT PATIENT_ID" + PATIENTS + " AND PATIENT_ID IN (1, " + someId + ")"),
                new Case("Patient?identifier=" + IHI + "|" + ihi, "SELECT PATIENT_ID" + PATIENTS + " AND IHI = '" + ihi + "'"),
                new Case("Patient?identifier=" + ihi, "SELECT PATIENT_ID" + PATIENTS + " AND IHI = '" + ihi + "'"),
                new Case("Patient?identifier=" + MEDICARE + "|" + medicare,
                        "SELECT PATIENT_ID" + PATIENTS + " AND CONCAT(MEDICARE_NO, MEDICARE_REF) = '" + medicare + "'"),
                new Case("Patient?identifier=" + MEDICARE + "|" + medicare.substring(0, 10),
                        "SELECT PATIENT_ID" + PATIENTS + " AND MEDICARE_NO = '" + medicare.substring(0, 10) + "'"),
                new Case("Patient?identifier=" + DVA + "|" + dva, "SELECT PATIENT_ID" + PATIENTS + " AND TRIM(DVA_NO) = '" + dva + "'"),
                new Case("Patient?identifier=" + MRN + cardHpio + "|" + card,
                        "SELECT PATIENT_ID" + PATIENTS + " AND CARD_NO = '" + card + "'"),
                new Case("Patient?identifier=" + MRN + otherHpio + "|" + card, "SELECT PATIENT_ID" + PATIENTS + " AND 1 = 0"),
                new Case("Patient?identifier=" + card, "SELECT PATIENT_ID" + PATIENTS + " AND CARD_NO = '" + card + "'"),
                new Case("Patient?identifier=http://example.org/other|" + ihi, "SELECT PATIENT_ID" + PATIENTS + " AND 1 = 0"),
                new Case("Patient?family=" + p2.toLowerCase(),
                        "SELECT PATIENT_ID" + PATIENTS + " AND UPPER(TRIM(SURNAME)) LIKE '" + p2 + "%'"),
                new Case("Patient?family:exact=" + surname, "SELECT PATIENT_ID" + PATIENTS + " AND TRIM(SURNAME) = '" + surname + "'"),
                new Case("Patient?given=" + first.substring(0, 3), "SELECT PATIENT_ID" + PATIENTS + " AND (UPPER(FIRST_NAME) LIKE '"
                        + first.substring(0, 3).toUpperCase() + "%' OR UPPER(MIDDLE_NAME) LIKE '" + first.substring(0, 3).toUpperCase()
                        + "%' OR UPPER(PREFERRED_NAME) LIKE '" + first.substring(0, 3).toUpperCase() + "%')"),
                new Case("Patient?name=" + p2, "SELECT PATIENT_ID" + PATIENTS + " AND (UPPER(SURNAME) LIKE '" + p2 + "%' OR UPPER(FIRST_NAME) LIKE '"
                        + p2 + "%' OR UPPER(MIDDLE_NAME) LIKE '" + p2 + "%' OR UPPER(PREFERRED_NAME) LIKE '" + p2 + "%')"),
                new Case("Patient?name:contains=an", "SELECT PATIENT_ID" + PATIENTS + " AND (UPPER(SURNAME) LIKE '%AN%' OR UPPER(FIRST_NAME) LIKE "
                        + "'%AN%' OR UPPER(MIDDLE_NAME) LIKE '%AN%' OR UPPER(PREFERRED_NAME) LIKE '%AN%')"),
                new Case("Patient?gender=female", "SELECT PATIENT_ID" + PATIENTS + " AND GENDER = 'F'"),
                new Case("Patient?gender=http://hl7.org/fhir/administrative-gender|male,other",
                        "SELECT PATIENT_ID" + PATIENTS + " AND GENDER IN ('M', 'X')"),
                new Case("Patient?gender=unknown", "SELECT PATIENT_ID" + PATIENTS + " AND (GENDER = 'U' OR GENDER IS NULL)"),
                new Case("Patient?birthdate=ge1970-01-01&birthdate=lt2000-01-01",
                        "SELECT PATIENT_ID" + PATIENTS + " AND DOB >= DATE '1970-01-01' AND DOB < DATE '2000-01-01'"),
                new Case("Patient?birthdate=" + one(pms, "SELECT YEAR(MIN(DOB))" + PATIENTS),
                        "SELECT PATIENT_ID" + PATIENTS + " AND YEAR(DOB) = (SELECT YEAR(MIN(DOB)) FROM PATIENT)"),
                new Case("Patient?birthdate=" + one(pms, "SELECT MAX(DOB)" + PATIENTS),
                        "SELECT PATIENT_ID" + PATIENTS + " AND DOB = (SELECT MAX(DOB) FROM PATIENT)"),
                new Case("Patient?family=" + p2 + "&gender=male",
                        "SELECT PATIENT_ID" + PATIENTS + " AND UPPER(SURNAME) LIKE '" + p2 + "%' AND GENDER = 'M'"),
                new Case("Patient?indigenous-status=4", "SELECT PATIENT_ID" + PATIENTS + " AND ATSI_STATUS = 4"),
                new Case("Patient?indigenous-status=https://healthterminologies.gov.au/fhir/CodeSystem/australian-indigenous-status-1|1,2,3",
                        "SELECT PATIENT_ID" + PATIENTS + " AND ATSI_STATUS IN (1, 2, 3)")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"d4w", "d4web"})
    void everyPractitionerAndPlaceSearchReturnsExactlyTheMatchingRows(String pms) throws Exception {
        String hpii = one(pms, "SELECT MIN(HPII) FROM PROVIDER WHERE HPII IS NOT NULL");
        String ahpra = one(pms, "SELECT MAX(AHPRA_NO) FROM PROVIDER WHERE AHPRA_NO IS NOT NULL");
        String surname = one(pms, "SELECT MIN(SURNAME) FROM PROVIDER");
        String providerNo = one(pms, "SELECT MIN(MEDICARE_PROVIDER_NO) FROM PROVIDER WHERE MEDICARE_PROVIDER_NO IS NOT NULL");
        String provider = one(pms, "SELECT MIN(PROVIDER_ID) FROM PROVIDER WHERE LOCATION_ID = 2");
        String hpio = one(pms, "SELECT HPIO FROM LOCATION WHERE LOCATION_ID = 2");
        String abn = one(pms, "SELECT ABN FROM LOCATION WHERE LOCATION_ID = 1");
        String location = one(pms, "SELECT NAME FROM LOCATION WHERE LOCATION_ID = 2");
        String suburb = one(pms, "SELECT SUBURB FROM LOCATION WHERE LOCATION_ID = 2");
        String state = one(pms, "SELECT STATE FROM LOCATION WHERE LOCATION_ID = 1");
        String postcode = one(pms, "SELECT POSTCODE FROM LOCATION WHERE LOCATION_ID = 1");
        check(pms, List.of(
                new Case("Practitioner", "SELECT PROVIDER_ID FROM PROVIDER"),
                new Case("Practitioner?identifier=" + HPII + "|" + hpii, "SELECT PROVIDER_ID FROM PROVIDER WHERE HPII = '" + hpii + "'"),
                new Case("Practitioner?identifier=" + AHPRA + "|" + ahpra, "SELECT PROVIDER_ID FROM PROVIDER WHERE AHPRA_NO = '" + ahpra + "'"),
                new Case("Practitioner?identifier=" + PROVIDER_NUMBER + "|" + providerNo, "SELECT PROVIDER_ID FROM PROVIDER WHERE 1 = 0"),
                new Case("Practitioner?name=" + surname, "SELECT PROVIDER_ID FROM PROVIDER WHERE UPPER(SURNAME) LIKE '"
                        + surname.toUpperCase() + "%' OR UPPER(FIRST_NAME) LIKE '" + surname.toUpperCase() + "%'"),
                new Case("Practitioner?family:exact=" + surname, "SELECT PROVIDER_ID FROM PROVIDER WHERE SURNAME = '" + surname + "'"),
                new Case("Practitioner?given=a", "SELECT PROVIDER_ID FROM PROVIDER WHERE UPPER(FIRST_NAME) LIKE 'A%'"),
                new Case("PractitionerRole", "SELECT PROVIDER_ID FROM PROVIDER"),
                new Case("PractitionerRole?_id=" + provider, "SELECT PROVIDER_ID FROM PROVIDER WHERE PROVIDER_ID = " + provider),
                new Case("PractitionerRole?identifier=" + PROVIDER_NUMBER + "|" + providerNo,
                        "SELECT PROVIDER_ID FROM PROVIDER WHERE MEDICARE_PROVIDER_NO = '" + providerNo + "'"),
                new Case("PractitionerRole?practitioner=" + provider, "SELECT PROVIDER_ID FROM PROVIDER WHERE PROVIDER_ID = " + provider),
                new Case("PractitionerRole?practitioner=Practitioner/" + provider, "SELECT PROVIDER_ID FROM PROVIDER WHERE PROVIDER_ID = " + provider),
                new Case("PractitionerRole?practitioner.identifier=" + HPII + "|" + hpii,
                        "SELECT PROVIDER_ID FROM PROVIDER WHERE HPII = '" + hpii + "'"),
                new Case("PractitionerRole?organization=Organization/2", "SELECT PROVIDER_ID FROM PROVIDER WHERE LOCATION_ID = 2"),
                new Case("PractitionerRole?location=1", "SELECT PROVIDER_ID FROM PROVIDER WHERE LOCATION_ID = 1"),
                new Case("PractitionerRole?role=" + SNOMED + "|106289002", "SELECT PROVIDER_ID FROM PROVIDER WHERE PROVIDER_TYPE = 'DE'"),
                new Case("PractitionerRole?role=26042002,106289002", "SELECT PROVIDER_ID FROM PROVIDER WHERE PROVIDER_TYPE IN ('DE', 'HY')"),
                new Case("Organization", "SELECT LOCATION_ID FROM LOCATION"),
                new Case("Organization?identifier=" + HPIO + "|" + hpio, "SELECT LOCATION_ID FROM LOCATION WHERE HPIO = '" + hpio + "'"),
                new Case("Organization?identifier=" + ABN + "|" + abn, "SELECT LOCATION_ID FROM LOCATION WHERE ABN = '" + abn + "'"),
                new Case("Organization?name:exact=" + location, "SELECT LOCATION_ID FROM LOCATION WHERE NAME = '" + location + "'"),
                new Case("Organization?address=" + suburb, "SELECT LOCATION_ID FROM LOCATION WHERE " + anyAddressStarts(suburb)),
                new Case("Location", "SELECT LOCATION_ID FROM LOCATION"),
                new Case("Location?name=" + location, "SELECT LOCATION_ID FROM LOCATION WHERE UPPER(NAME) LIKE '" + location.toUpperCase() + "%'"),
                new Case("Location?address-city=" + suburb, "SELECT LOCATION_ID FROM LOCATION WHERE UPPER(SUBURB) LIKE '" + suburb.toUpperCase() + "%'"),
                new Case("Location?address-state=" + state, "SELECT LOCATION_ID FROM LOCATION WHERE TRIM(STATE) = '" + state + "'"),
                new Case("Location?address-postalcode=" + postcode, "SELECT LOCATION_ID FROM LOCATION WHERE POSTCODE = '" + postcode + "'"),
                new Case("Location?address=" + postcode, "SELECT LOCATION_ID FROM LOCATION WHERE " + anyAddressStarts(postcode))));
    }

    private static String anyAddressStarts(String value) {
        String v = value.toUpperCase();
        return String.join(" OR ", List.of("ADDRESS1", "ADDRESS2", "SUBURB", "STATE", "POSTCODE").stream()
                .map(c -> "UPPER(TRIM(" + c + ")) LIKE '" + v + "%'").toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"d4w", "d4web"})
    void everyClinicalSearchReturnsExactlyTheMatchingRows(String pms) throws Exception {
        String patient = one(pms, "SELECT MIN(PATIENT_ID) FROM (SELECT PATIENT_ID, COUNT(*) N" + DONE + " GROUP BY PATIENT_ID HAVING COUNT(*) > 3) T");
        String ihi = one(pms, "SELECT MIN(P.IHI) FROM PATIENT P JOIN TREATMENT T ON T.PATIENT_ID = P.PATIENT_ID AND T.STATUS = 'C'");
        String day = one(pms, "SELECT MIN(TREATMENT_DATE)" + DONE + " AND PATIENT_ID = " + patient);
        String item = one(pms, "SELECT MIN(ITEM_CODE)" + DONE + " AND PATIENT_ID = " + patient);
        String mhPatient = one(pms, "SELECT MIN(PATIENT_ID) FROM (SELECT PATIENT_ID FROM MEDICAL_HISTORY GROUP BY PATIENT_ID HAVING COUNT(*) > 1) T");
        String medicare = one(pms, "SELECT MIN(CONCAT(P.MEDICARE_NO, P.MEDICARE_REF)) FROM PATIENT P JOIN MEDICAL_HISTORY M "
                + "ON M.PATIENT_ID = P.PATIENT_ID WHERE P.MEDICARE_NO IS NOT NULL");
        String code = one(pms, "SELECT MIN(CONDITION_CODE) FROM MEDICAL_HISTORY");
        String recorded = one(pms, "SELECT MAX(DATE_RECORDED) FROM MEDICAL_HISTORY");
        String allergyPatient = one(pms, "SELECT MIN(PATIENT_ID) FROM PATIENT_ALLERGY");
        String medPatient = one(pms, "SELECT MIN(PATIENT_ID) FROM PATIENT_MEDICATION WHERE IS_CURRENT = FALSE");
        String dva = one(pms, "SELECT COALESCE(MIN(TRIM(DVA_NO)), 'NX000000') FROM PATIENT WHERE DVA_NO IS NOT NULL");
        check(pms, List.of(
                new Case("Procedure", "SELECT TREATMENT_ID" + DONE),
                new Case("Procedure?patient=" + patient, "SELECT TREATMENT_ID" + DONE + " AND PATIENT_ID = " + patient),
                new Case("Procedure?patient=Patient/" + patient, "SELECT TREATMENT_ID" + DONE + " AND PATIENT_ID = " + patient),
                new Case("Procedure?patient=" + patient + "&date=" + day,
                        "SELECT TREATMENT_ID" + DONE + " AND PATIENT_ID = " + patient + " AND TREATMENT_DATE = DATE '" + day + "'"),
                new Case("Procedure?patient=" + patient + "&date=gt" + day,
                        "SELECT TREATMENT_ID" + DONE + " AND PATIENT_ID = " + patient + " AND TREATMENT_DATE > DATE '" + day + "'"),
                new Case("Procedure?patient=" + patient + "&date=ge" + day + "T00:00:00+10:00&date=le2100-01-01",
                        "SELECT TREATMENT_ID" + DONE + " AND PATIENT_ID = " + patient + " AND TREATMENT_DATE >= DATE '" + day + "'"),
                new Case("Procedure?patient=" + patient + "&date=lt" + day + "T12:00:00+10:00",
                        "SELECT TREATMENT_ID" + DONE + " AND PATIENT_ID = " + patient + " AND TREATMENT_DATE <= DATE '" + day + "'"),
                new Case("Procedure?patient=" + patient + "&date=gt" + day + "T12:00:00+10:00",
                        "SELECT TREATMENT_ID" + DONE + " AND PATIENT_ID = " + patient + " AND TREATMENT_DATE >= DATE '" + day + "'"),
                new Case("Procedure?patient=" + patient + "&code=" + ADA + "|" + item + "&date=ge2000",
                        "SELECT TREATMENT_ID" + DONE + " AND PATIENT_ID = " + patient + " AND ITEM_CODE = '" + item + "'"),
                new Case("Procedure?code=114,012", "SELECT TREATMENT_ID" + DONE + " AND ITEM_CODE IN ('114', '012')"),
                new Case("Procedure?code=http://snomed.info/sct|114", "SELECT TREATMENT_ID" + DONE + " AND 1 = 0"),
                new Case("Procedure?patient=" + patient + "&status=completed",
                        "SELECT TREATMENT_ID" + DONE + " AND PATIENT_ID = " + patient),
                new Case("Procedure?status=preparation,in-progress", "SELECT TREATMENT_ID" + DONE + " AND 1 = 0"),
                new Case("Procedure?patient.identifier=" + IHI + "|" + ihi,
                        "SELECT T.TREATMENT_ID FROM TREATMENT T JOIN PATIENT P ON P.PATIENT_ID = T.PATIENT_ID WHERE T.STATUS = 'C' AND P.IHI = '" + ihi + "'"),
                new Case("Procedure?patient.identifier=" + DVA + "|" + dva,
                        "SELECT T.TREATMENT_ID FROM TREATMENT T JOIN PATIENT P ON P.PATIENT_ID = T.PATIENT_ID WHERE T.STATUS = 'C' AND TRIM(P.DVA_NO) = '" + dva + "'"),
                new Case("Condition", "SELECT MH_ID FROM MEDICAL_HISTORY"),
                new Case("Condition?patient=" + mhPatient, "SELECT MH_ID FROM MEDICAL_HISTORY WHERE PATIENT_ID = " + mhPatient),
                new Case("Condition?patient=" + mhPatient + "&category=problem-list-item",
                        "SELECT MH_ID FROM MEDICAL_HISTORY WHERE PATIENT_ID = " + mhPatient),
                new Case("Condition?patient=" + mhPatient + "&category=http://terminology.hl7.org/CodeSystem/condition-category|encounter-diagnosis",
                        "SELECT MH_ID FROM MEDICAL_HISTORY WHERE 1 = 0"),
                new Case("Condition?patient=" + mhPatient + "&clinical-status=active",
                        "SELECT MH_ID FROM MEDICAL_HISTORY WHERE PATIENT_ID = " + mhPatient + " AND IS_ACTIVE = TRUE"),
                new Case("Condition?clinical-status=inactive", "SELECT MH_ID FROM MEDICAL_HISTORY WHERE IS_ACTIVE = FALSE"),
                new Case("Condition?patient=" + mhPatient + "&category=problem-list-item&clinical-status=active,inactive",
                        "SELECT MH_ID FROM MEDICAL_HISTORY WHERE PATIENT_ID = " + mhPatient),
                new Case("Condition?code=" + code, "SELECT MH_ID FROM MEDICAL_HISTORY WHERE CONDITION_CODE = '" + code + "'"),
                new Case("Condition?recorded-date=" + recorded, "SELECT MH_ID FROM MEDICAL_HISTORY WHERE DATE_RECORDED = DATE '" + recorded + "'"),
                new Case("Condition?patient.identifier=" + MEDICARE + "|" + medicare,
                        "SELECT M.MH_ID FROM MEDICAL_HISTORY M JOIN PATIENT P ON P.PATIENT_ID = M.PATIENT_ID WHERE CONCAT(P.MEDICARE_NO, P.MEDICARE_REF) = '" + medicare + "'"),
                new Case("AllergyIntolerance", "SELECT ALLERGY_ID FROM PATIENT_ALLERGY"),
                new Case("AllergyIntolerance?patient=" + allergyPatient, "SELECT ALLERGY_ID FROM PATIENT_ALLERGY WHERE PATIENT_ID = " + allergyPatient),
                new Case("AllergyIntolerance?patient=" + allergyPatient + "&clinical-status=active",
                        "SELECT ALLERGY_ID FROM PATIENT_ALLERGY WHERE PATIENT_ID = " + allergyPatient),
                new Case("AllergyIntolerance?clinical-status=resolved", "SELECT ALLERGY_ID FROM PATIENT_ALLERGY WHERE 1 = 0"),
                new Case("MedicationStatement", "SELECT PM_ID FROM PATIENT_MEDICATION"),
                new Case("MedicationStatement?patient=" + medPatient, "SELECT PM_ID FROM PATIENT_MEDICATION WHERE PATIENT_ID = " + medPatient),
                new Case("MedicationStatement?patient=" + medPatient + "&status=completed",
                        "SELECT PM_ID FROM PATIENT_MEDICATION WHERE PATIENT_ID = " + medPatient + " AND IS_CURRENT = FALSE"),
                new Case("MedicationStatement?status=active", "SELECT PM_ID FROM PATIENT_MEDICATION WHERE IS_CURRENT = TRUE"),
                new Case("MedicationStatement?_id=" + one(pms, "SELECT MAX(PM_ID) FROM PATIENT_MEDICATION"),
                        "SELECT MAX(PM_ID) FROM PATIENT_MEDICATION")));

        // the medicine is a contained AU Core Medication whose code text is the row's MEDICATION
        String pm = one(pms, "SELECT MAX(PM_ID) FROM PATIENT_MEDICATION");
        var ms = (org.hl7.fhir.r4.model.MedicationStatement) parse(fhir(pms, key(), "MedicationStatement/" + pm));
        assertThat(ms.getMedicationReference().getReference()).isEqualTo("#med");
        var medication = (org.hl7.fhir.r4.model.Medication) ms.getContained().get(0);
        assertThat(medication.getMeta().getProfile().get(0).getValue())
                .isEqualTo("http://hl7.org.au/fhir/core/StructureDefinition/au-core-medication");
        assertThat(medication.getCode().getText())
                .isEqualTo(one(pms, "SELECT MEDICATION FROM PATIENT_MEDICATION WHERE PM_ID = " + pm));
    }

    @ParameterizedTest
    @ValueSource(strings = {"d4w", "d4web"})
    void everyAppointmentSearchReturnsExactlyTheMatchingRows(String pms) throws Exception {
        String patient = one(pms, "SELECT MIN(PATIENT_ID) FROM APPOINTMENT");
        String day = one(pms, "SELECT MAX(APPT_DATE) FROM APPOINTMENT WHERE STATUS = 4");
        check(pms, List.of(
                new Case("Appointment?patient=" + patient, "SELECT APPT_ID FROM APPOINTMENT WHERE PATIENT_ID = " + patient),
                new Case("Appointment?practitioner=1&date=" + day,
                        "SELECT APPT_ID FROM APPOINTMENT WHERE PROVIDER_ID = 1 AND APPT_DATE = DATE '" + day + "'"),
                new Case("Appointment?location=Location/2", "SELECT APPT_ID FROM APPOINTMENT WHERE LOCATION_ID = 2"),
                new Case("Appointment?status=noshow", "SELECT APPT_ID FROM APPOINTMENT WHERE STATUS = 5"),
                new Case("Appointment?status=booked&date=ge" + day, "SELECT APPT_ID FROM APPOINTMENT WHERE STATUS IN (0, 1) AND APPT_DATE >= DATE '" + day + "'"),
                new Case("Appointment?status=http://hl7.org/fhir/appointmentstatus|arrived,checked-in,fulfilled,cancelled",
                        "SELECT APPT_ID FROM APPOINTMENT WHERE STATUS IN (2, 3, 4, 6)")));
        // FTA is a no-show, and its times are the book's, in the practice's zone
        String fta = one(pms, "SELECT MIN(APPT_ID) FROM APPOINTMENT WHERE STATUS = 5");
        Appointment a = (Appointment) parse(fhir(pms, key(), "Appointment/" + fta));
        assertThat(a.getStatus().toCode()).isEqualTo("noshow");
        String start = one(pms, "SELECT CONCAT(CAST(APPT_DATE AS VARCHAR), 'T', CAST(START_TIME AS VARCHAR)) FROM APPOINTMENT WHERE APPT_ID = " + fta);
        assertThat(a.getStart().toInstant()).isEqualTo(java.time.LocalDateTime.parse(start)
                .atZone(java.time.ZoneId.of("Australia/Sydney")).toInstant());
        assertThat(a.getParticipant()).extracting(p -> p.getActor().getReference()).contains("Patient/"
                + one(pms, "SELECT PATIENT_ID FROM APPOINTMENT WHERE APPT_ID = " + fta));
    }

    @ParameterizedTest
    @ValueSource(strings = {"d4w", "d4web"})
    void everyScheduleSearchReturnsExactlyTheMatchingBooks(String pms) throws Exception {
        String books = "SELECT BOOK_ID FROM APPT_BOOK WHERE 1 = 1";
        String book = one(pms, "SELECT MIN(BOOK_ID) FROM APPT_BOOK");
        String provider = one(pms, "SELECT MIN(PROVIDER_ID) FROM APPT_BOOK");
        String location = one(pms, "SELECT MAX(LOCATION_ID) FROM APPT_BOOK");
        String hpii = one(pms, "SELECT MIN(P.HPII) FROM PROVIDER P JOIN APPT_BOOK B ON B.PROVIDER_ID = P.PROVIDER_ID");
        String locationName = one(pms, "SELECT NAME FROM LOCATION WHERE LOCATION_ID = " + location);
        String upper = locationName.toUpperCase();
        check(pms, List.of(
                new Case("Schedule", books),
                new Case("Schedule?_id=" + book, books + " AND BOOK_ID = " + book),
                new Case("Schedule?actor=Practitioner/" + provider, books + " AND PROVIDER_ID = " + provider),
                new Case("Schedule?actor=Location/" + location, books + " AND LOCATION_ID = " + location),
                new Case("Schedule?actor=" + provider, books + " AND (PROVIDER_ID = " + provider + " OR LOCATION_ID = " + provider + ")"),
                new Case("Schedule?actor=Practitioner/" + provider + ",Location/" + location,
                        books + " AND (PROVIDER_ID = " + provider + " OR LOCATION_ID = " + location + ")"),
                new Case("Schedule?actor.identifier=http://ns.electronichealth.net.au/id/hi/hpii/1.0|" + hpii,
                        books + " AND PROVIDER_ID IN (SELECT PROVIDER_ID FROM PROVIDER WHERE HPII = '" + hpii + "')"),
                new Case("Schedule?actor.name=" + locationName, books
                        + " AND (PROVIDER_ID IN (SELECT PROVIDER_ID FROM PROVIDER WHERE UPPER(SURNAME) LIKE '" + upper
                        + "%' OR UPPER(FIRST_NAME) LIKE '" + upper + "%')"
                        + " OR LOCATION_ID IN (SELECT LOCATION_ID FROM LOCATION WHERE UPPER(NAME) LIKE '" + upper + "%'))"),
                new Case("Schedule?active=true", books + " AND IS_ACTIVE = TRUE"),
                new Case("Schedule?active=false", books + " AND IS_ACTIVE = FALSE"),
                new Case("Schedule?active=true&actor=Practitioner/" + provider,
                        books + " AND IS_ACTIVE = TRUE AND PROVIDER_ID = " + provider)));
        assertThat(dbIds(pms, books)).isNotEmpty();
        Schedule s = (Schedule) parse(fhir(pms, key(), "Schedule/" + book));
        assertThat(s.getActor()).extracting(a -> a.getReference()).containsExactly(
                "Practitioner/" + one(pms, "SELECT PROVIDER_ID FROM APPT_BOOK WHERE BOOK_ID = " + book),
                "Location/" + one(pms, "SELECT LOCATION_ID FROM APPT_BOOK WHERE BOOK_ID = " + book));
        assertThat(s.getActive()).isEqualTo(Boolean.parseBoolean(one(pms, "SELECT IS_ACTIVE FROM APPT_BOOK WHERE BOOK_ID = " + book)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"d4w", "d4web"})
    void readsMatchTheirRows(String pms) throws Exception {
        String id = one(pms, "SELECT MIN(PATIENT_ID)" + PATIENTS + " AND IHI IS NOT NULL AND MEDICARE_NO IS NOT NULL");
        Patient p = (Patient) parse(fhir(pms, key(), "Patient/" + id));
        try (Connection c = asPractice(site(pms).haloGuid(), null); var s = c.createStatement();
             var rs = s.executeQuery("SELECT P.SURNAME, P.FIRST_NAME, P.IHI, P.DOB, P.GENDER, P.CARD_NO, L.HPIO, P.IS_ACTIVE, "
                     + "CONCAT(P.MEDICARE_NO, P.MEDICARE_REF) FROM PATIENT P JOIN LOCATION L ON L.LOCATION_ID = P.LOCATION_ID "
                     + "WHERE P.PATIENT_ID = " + id)) {
            rs.next();
            assertThat(p.getNameFirstRep().getFamily()).isEqualTo(rs.getString(1).trim());
            assertThat(p.getNameFirstRep().getGiven().get(0).getValue()).isEqualTo(rs.getString(2).trim());
            assertThat(p.getBirthDateElement().getValueAsString()).isEqualTo(rs.getDate(4).toLocalDate().toString());
            assertThat(p.getGender().toCode()).isEqualTo(Map.of("M", "male", "F", "female", "X", "other", "U", "unknown")
                    .get(rs.getString(5).trim()));
            assertThat(p.getIdentifier()).extracting(Identifier::getSystem, Identifier::getValue).contains(
                    org.assertj.core.groups.Tuple.tuple(IHI, rs.getString(3).trim()),
                    org.assertj.core.groups.Tuple.tuple(MEDICARE, rs.getString(9).trim()),
                    org.assertj.core.groups.Tuple.tuple(MRN + rs.getString(7).trim(), rs.getString(6).trim()));
            assertThat(p.getActive()).isEqualTo(rs.getBoolean(8));
        }
        assertThat(p.getMeta().getProfile().get(0).getValue()).isEqualTo("http://hl7.org.au/fhir/core/StructureDefinition/au-core-patient");
        // inactive patients are patients still: active=false, not hidden
        String inactive = one(pms, "SELECT MIN(PATIENT_ID)" + PATIENTS + " AND IS_ACTIVE = FALSE");
        if (inactive != null) {
            assertThat(((Patient) parse(fhir(pms, key(), "Patient/" + inactive))).getActive()).isFalse();
        }

        String tooth = one(pms, "SELECT MIN(TREATMENT_ID)" + DONE + " AND TOOTH IS NOT NULL");
        Procedure proc = (Procedure) parse(fhir(pms, key(), "Procedure/" + tooth));
        try (Connection c = asPractice(site(pms).haloGuid(), null); var s = c.createStatement();
             var rs = s.executeQuery("SELECT T.ITEM_CODE, I.DESCRIPTION, T.TOOTH, T.TREATMENT_DATE, T.PATIENT_ID, T.PROVIDER_ID "
                     + "FROM TREATMENT T JOIN ITEM I ON I.ITEM_CODE = T.ITEM_CODE WHERE T.TREATMENT_ID = " + tooth)) {
            rs.next();
            assertThat(proc.getStatus().toCode()).isEqualTo("completed");
            assertThat(proc.getCode().getCodingFirstRep().getSystem()).isEqualTo(ADA);
            assertThat(proc.getCode().getCodingFirstRep().getCode()).isEqualTo(rs.getString(1));
            assertThat(proc.getCode().getText()).isEqualTo(rs.getString(2));
            assertThat(proc.getBodySiteFirstRep().getText()).contains("Tooth " + rs.getString(3));
            assertThat(proc.getPerformedDateTimeType().getValueAsString()).isEqualTo(rs.getDate(4).toLocalDate().toString());
            assertThat(proc.getSubject().getReference()).isEqualTo("Patient/" + rs.getInt(5));
            assertThat(proc.getPerformerFirstRep().getActor().getReference()).isEqualTo("Practitioner/" + rs.getInt(6));
        }
        // a planned treatment has not been performed: it is no Procedure
        String planned = one(pms, "SELECT MIN(TREATMENT_ID) FROM TREATMENT WHERE STATUS = 'P'");
        if (planned != null) {
            assertThat(fhir(pms, key(), "Procedure/" + planned).statusCode()).isEqualTo(404);
        }
        assertThat(fhir(pms, key(), "Procedure/x1").statusCode()).isEqualTo(404);

        // the role's references resolve
        var role = (org.hl7.fhir.r4.model.PractitionerRole) parse(fhir(pms, key(), "PractitionerRole/1"));
        for (String ref : List.of(role.getPractitioner().getReference(), role.getOrganization().getReference(),
                role.getLocationFirstRep().getReference())) {
            assertThat(fhir(pms, key(), ref).statusCode()).as(ref).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"d4w", "d4web"})
    void pagingWalksEveryMatchOnceInKeyOrder(String pms) throws Exception {
        List<String> expected = dbIds(pms, "SELECT PATIENT_ID" + PATIENTS + " AND GENDER = 'F' ORDER BY PATIENT_ID");
        assertThat(ids(all(pms, acme(), "Patient?gender=female&_count=3"))).containsExactlyElementsOf(expected);
        List<String> procedures = dbIds(pms, "SELECT TREATMENT_ID" + DONE + " ORDER BY TREATMENT_ID");
        assertThat(procedures.size()).isGreaterThan(10);
        assertThat(ids(all(pms, acme(), "Procedure?_count=" + (procedures.size() / 8 + 1)))).containsExactlyElementsOf(procedures);
        Bundle first = bundle(fhir(pms, key(), "Condition?_count=2"));
        assertThat(first.getEntry()).hasSize(2);
        assertThat(first.getLink("next")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"d4w", "d4web"})
    void metadataDeclaresEveryResourceWithItsProfileAndEveryParameterWorks(String pms) throws Exception {
        CapabilityStatement cs = (CapabilityStatement) parse(fhir(pms, key(), "metadata"));
        Map<String, String> profiles = new TreeMap<>();
        for (var resource : cs.getRestFirstRep().getResource()) {
            profiles.put(resource.getType(), resource.getSupportedProfile().isEmpty() ? null
                    : resource.getSupportedProfile().get(0).getValue());
            for (var param : resource.getSearchParam()) {
                String value = switch (param.getType()) {
                    case DATE -> "ge1900-01-01";
                    case TOKEN -> param.getName().equals("gender") ? "female" : "1";
                    case REFERENCE -> "1";
                    default -> "a";
                };
                HttpResponse<String> r = fhir(pms, key(), resource.getType() + "?" + param.getName() + "=" + value + "&_count=1" + requiredBounds(resource));
                assertThat(r.statusCode()).as(resource.getType() + "?" + param.getName() + " → " + r.body()).isEqualTo(200);
            }
        }
        String core = "http://hl7.org.au/fhir/core/StructureDefinition/au-core-";
        assertThat(profiles).containsEntry("Patient", core + "patient").containsEntry("Practitioner", core + "practitioner")
                .containsEntry("PractitionerRole", core + "practitionerrole").containsEntry("Organization", core + "organization")
                .containsEntry("Location", core + "location").containsEntry("Procedure", core + "procedure")
                .containsEntry("Condition", core + "condition").containsEntry("AllergyIntolerance", core + "allergyintolerance")
                .containsEntry("MedicationStatement", core + "medicationstatement").containsEntry("Appointment", null)
                .containsEntry("Schedule", null);
        var role = cs.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("PractitionerRole")).findFirst().orElseThrow();
        assertThat(role.getSearchInclude()).extracting(s -> s.getValue()).contains("PractitionerRole:practitioner");
        // each resource a search returns says its profile
        for (String type : List.of("Patient", "Practitioner", "PractitionerRole", "Organization", "Location", "Procedure",
                "Condition", "AllergyIntolerance", "MedicationStatement")) {
            Bundle b = bundle(fhir(pms, key(), type + "?_count=5"));
            assertThat(b.getEntry()).as(type).isNotEmpty();
            assertThat(b.getEntry()).as(type).allMatch(e -> e.getResource().getMeta().getProfile().get(0).getValue()
                    .equals(profiles.get(type)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"d4w", "d4web"})
    void practitionerRolesIncludeTheirPractitioners(String pms) throws Exception {
        Bundle b = bundle(fhir(pms, key(), "PractitionerRole?location=1&_include=PractitionerRole:practitioner&_count=50"));
        List<String> roles = new ArrayList<>();
        List<String> included = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            if (e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE) {
                assertThat(e.getResource().fhirType()).isEqualTo("Practitioner");
                included.add(e.getResource().getIdElement().getIdPart());
            } else {
                assertThat(e.getResource().fhirType()).isEqualTo("PractitionerRole");
                roles.add(e.getResource().getIdElement().getIdPart());
            }
        }
        List<String> expected = dbIds(pms, "SELECT PROVIDER_ID FROM PROVIDER WHERE LOCATION_ID = 1");
        assertThat(roles).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(included).containsExactlyInAnyOrderElementsOf(expected); // a role's id is its provider's
        assertThat(fhir(pms, key(), "PractitionerRole?_include=PractitionerRole:organization").statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"d4w", "d4web"})
    void injectionStringsAreValuesNotCode(String pms) throws Exception {
        long before = count(site(pms).haloGuid(), null, "SELECT COUNT(*) FROM PATIENT");
        for (String attack : List.of("x' OR '1'='1", "'; DROP TABLE PATIENT; --", "%' OR 1=1 --")) {
            for (String search : List.of("Patient?family=", "Patient?identifier=", "Procedure?code=", "Condition?code=",
                    "Organization?identifier=" + HPIO + "|", "Patient?identifier=" + MRN + "x'|")) {
                HttpResponse<String> r = fhir(pms, key(), search + attack);
                assertThat(r.statusCode()).as(search + attack + " → " + r.body()).isIn(200, 400);
                if (r.statusCode() == 200) {
                    assertThat(bundle(r).getEntry()).as(search + attack).isEmpty();
                }
            }
        }
        assertThat(count(site(pms).haloGuid(), null, "SELECT COUNT(*) FROM PATIENT")).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void theDental4WebTenantAnswersOnlyItsOwnRows() throws Exception {
        // every patient the tenant's FHIR base returns is a row of the tenant's own database, with its identifiers
        Map<String, String> tenant = new TreeMap<>();
        for (Resource r : all("d4web", key(), "Patient?_count=100")) {
            Patient p = (Patient) r;
            tenant.put(p.getIdElement().getIdPart(), p.getIdentifier().stream()
                    .filter(i -> i.getSystem() != null && i.getSystem().startsWith(MRN)).findFirst().orElseThrow().getValue());
        }
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = asPractice(site("d4web").haloGuid(), null); var s = c.createStatement();
             var rs = s.executeQuery("SELECT PATIENT_ID, CARD_NO FROM PATIENT")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2).trim());
            }
        }
        assertThat(tenant).isEqualTo(rows);
        assertThat(one("d4web", "SELECT COUNT(*) FROM TENANT")).isEqualTo("1");
        // and another practice's identifiers find nothing there
        String d4wIhi = one("d4w", "SELECT MIN(IHI) FROM PATIENT WHERE IHI IS NOT NULL");
        assertThat(dbIds("d4web", "SELECT PATIENT_ID FROM PATIENT WHERE IHI = '" + d4wIhi + "'")).isEmpty();
        assertThat(ids(all("d4web", key(), "Patient?identifier=" + IHI + "|" + d4wIhi))).isEmpty();
        assertThat(ids(all("d4w", key(), "Patient?identifier=" + IHI + "|" + d4wIhi))).isNotEmpty();
        String d4wHpio = one("d4w", "SELECT HPIO FROM LOCATION WHERE LOCATION_ID = 1");
        assertThat(ids(all("d4web", key(), "Organization?identifier=" + HPIO + "|" + d4wHpio))).isEmpty();
        String d4wCard = one("d4w", "SELECT MIN(CARD_NO) FROM PATIENT");
        String d4wCardHpio = one("d4w", "SELECT L.HPIO FROM PATIENT P JOIN LOCATION L ON L.LOCATION_ID = P.LOCATION_ID WHERE P.CARD_NO = '" + d4wCard + "'");
        assertThat(ids(all("d4web", key(), "Patient?identifier=" + MRN + d4wCardHpio + "|" + d4wCard))).isEmpty();
        assertThat(ids(all("d4web", key(), "Procedure?patient.identifier=" + IHI + "|" + d4wIhi))).isEmpty();
    }
}
