package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.halocloud.fhir.validation.AuCoreValidator;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Zedmed through FHIR, each answer compared with the rows the practice's pair of databases holds (queried here as
 * the practice: ZEDMED_ADMIN for people, places and the appointment book, ZEDMED_CLINICAL for the record).
 */
class ZedmedFhirTest extends FhirIntegrationTest {

    private static final String ADMIN = "ZEDMED_ADMIN";
    private static final String CLINICAL = "ZEDMED_CLINICAL";
    private static final String IHI = "http://ns.electronichealth.net.au/id/hi/ihi/1.0";
    private static final String MEDICARE = "http://ns.electronichealth.net.au/id/medicare-number";
    private static final String DVA = "http://ns.electronichealth.net.au/id/dva";
    private static final ZoneId ZONE = ZoneId.of("Australia/Sydney");

    private static final String OBS = "(SELECT 'vs-' || CAST(MEAS_ID AS VARCHAR(20)) AS OBS_ID, PATIENT_ID, MEAS_TYPE AS OBS_TYPE,"
            + " TAKEN_AT AS EFFECTIVE FROM MEASUREMENT UNION ALL SELECT 'sh-' || CAST(PATIENT_ID AS VARCHAR(20)), PATIENT_ID,"
            + " 'SMOKING', CAST(SMOKING_UPDATED AS TIMESTAMP) FROM SOCIAL_HX) O";

    private String key;

    @BeforeEach
    void freshBudget() {
        key = acme();
    }

    private String guid() {
        return site("zedmed").haloGuid();
    }

    private List<String> dbIds(String catalogue, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = asPractice(guid(), catalogue); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1).trim());
            }
        }
        return ids;
    }

    private String one(String catalogue, String sql) throws SQLException {
        try (Connection c = asPractice(guid(), catalogue); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1) == null ? null : rs.getString(1).trim();
        }
    }

    private List<Resource> search(String search) throws Exception {
        List<Resource> found = all("zedmed", key, search + (search.contains("?") ? "&" : "?") + "_count=100");
        key = acme(); // each search may page: keep well inside the rate limit
        return found;
    }

    record Case(String search, String catalogue, String sql) {
    }

    private void check(List<Case> cases) throws Exception {
        for (Case c : cases) {
            List<String> expected = dbIds(c.catalogue(), c.sql());
            assertThat(ids(search(c.search()))).as(c.search() + " vs " + c.sql()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** The patient with the most problems: the one whose record exercises the clinical searches best. */
    private String busyPatient() throws SQLException {
        return one(CLINICAL, "SELECT PATIENT_ID FROM PROBLEM WHERE DELETED = 0 GROUP BY PATIENT_ID"
                + " ORDER BY COUNT(*) DESC, PATIENT_ID FETCH FIRST 1 ROWS ONLY");
    }

    @Test
    void patientReadMatchesItsRow() throws Exception {
        String id = one(ADMIN, "SELECT MIN(PATIENT_ID) FROM PATIENT WHERE IHI IS NOT NULL AND MEDICARE_NO IS NOT NULL");
        HttpResponse<String> response = fhir("zedmed", key, "Patient/" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        Patient p = (Patient) parse(response);
        try (Connection c = asPractice(guid(), ADMIN); var s = c.createStatement();
             var rs = s.executeQuery("SELECT FAMILY_NAME, GIVEN_NAME, IHI, DOB, SEX, MEDICARE_NO || MEDICARE_IRN, CHART_NO,"
                     + " INDIGENOUS_STATUS, USUAL_DR_CODE FROM PATIENT WHERE PATIENT_ID = " + id)) {
            rs.next();
            assertThat(p.getNameFirstRep().getFamily()).isEqualTo(rs.getString(1).trim());
            assertThat(p.getNameFirstRep().getGiven().get(0).getValue()).isEqualTo(rs.getString(2).trim());
            assertThat(p.getIdentifier()).extracting(Identifier::getValue)
                    .contains(rs.getString(3).trim(), rs.getString(6).trim(), rs.getString(7).trim());
            assertThat(p.getBirthDateElement().getValueAsString()).isEqualTo(rs.getDate(4).toLocalDate().toString());
            assertThat(p.getGender().toCode()).isEqualTo(switch (rs.getString(5).trim()) {
                case "M" -> "male";
                case "F" -> "female";
                case "X" -> "other";
                default -> "unknown";
            });
            assertThat(((org.hl7.fhir.r4.model.Coding) p.getExtensionByUrl(
                    "http://hl7.org.au/fhir/StructureDefinition/indigenous-status").getValue()).getCode()).isEqualTo(rs.getString(8));
            assertThat(p.getGeneralPractitionerFirstRep().getReference()).isEqualTo("Practitioner/" + rs.getString(9));
        }
        assertThat(p.getMeta().getProfile().get(0).getValue()).isEqualTo("http://hl7.org.au/fhir/core/StructureDefinition/au-core-patient");
        // the usual doctor resolves
        assertThat(fhir("zedmed", key, p.getGeneralPractitionerFirstRep().getReference()).statusCode()).isEqualTo(200);
    }

    @Test
    void everyPatientSearchReturnsExactlyTheMatchingRows() throws Exception {
        String p = "SELECT PATIENT_ID FROM PATIENT WHERE ";
        String ihi = one(ADMIN, "SELECT MIN(IHI) FROM PATIENT WHERE IHI IS NOT NULL");
        String medicare = one(ADMIN, "SELECT MIN(MEDICARE_NO || TRIM(MEDICARE_IRN)) FROM PATIENT WHERE MEDICARE_NO IS NOT NULL");
        String dva = one(ADMIN, "SELECT MIN(TRIM(DVA_NO)) FROM PATIENT WHERE DVA_NO IS NOT NULL");
        String chart = one(ADMIN, "SELECT MAX(CHART_NO) FROM PATIENT");
        String hpio = one(ADMIN, "SELECT HPIO FROM BRANCH WHERE BRANCH_ID = (SELECT MIN(BRANCH_ID) FROM BRANCH WHERE DELETED = 0)");
        String family = one(ADMIN, "SELECT MIN(TRIM(FAMILY_NAME)) FROM PATIENT");
        String given = one(ADMIN, "SELECT MAX(TRIM(GIVEN_NAME)) FROM PATIENT");
        String someId = one(ADMIN, "SELECT MAX(PATIENT_ID) FROM PATIENT");
        List<Case> cases = new ArrayList<>(List.of(
                new Case("Patient?_id=" + someId, ADMIN, p + "PATIENT_ID = " + someId),
                new Case("Patient?identifier=" + IHI + "|" + ihi, ADMIN, p + "IHI = '" + ihi + "'"),
                new Case("Patient?identifier=" + MEDICARE + "|" + medicare, ADMIN,
                        p + "MEDICARE_NO || TRIM(MEDICARE_IRN) = '" + medicare + "'"),
                new Case("Patient?identifier=" + MEDICARE + "|" + medicare.substring(0, 10), ADMIN,
                        p + "MEDICARE_NO = '" + medicare.substring(0, 10) + "'"),
                new Case("Patient?identifier=http://ns.electronichealth.net.au/id/hpio-scoped/medicalrecord/1.0/" + hpio + "|" + chart,
                        ADMIN, p + "CHART_NO = '" + chart + "'"),
                new Case("Patient?identifier=http://ns.electronichealth.net.au/id/hpio-scoped/medicalrecord/1.0/8003620000000000|" + chart,
                        ADMIN, p + "1 = 0"),
                new Case("Patient?identifier=" + ihi, ADMIN, p + "IHI = '" + ihi + "'"),
                new Case("Patient?identifier=http://example.org/other|" + ihi, ADMIN, p + "1 = 0"),
                new Case("Patient?family=" + family.substring(0, 2).toLowerCase(), ADMIN,
                        p + "UPPER(TRIM(FAMILY_NAME)) LIKE '" + family.substring(0, 2).toUpperCase() + "%'"),
                new Case("Patient?family:exact=" + family, ADMIN, p + "TRIM(FAMILY_NAME) = '" + family + "'"),
                new Case("Patient?given=" + given, ADMIN, p + "UPPER(TRIM(GIVEN_NAME)) LIKE '" + given.toUpperCase()
                        + "%' OR UPPER(TRIM(MIDDLE_NAME)) LIKE '" + given.toUpperCase() + "%' OR UPPER(TRIM(PREFERRED_NAME)) LIKE '"
                        + given.toUpperCase() + "%'"),
                new Case("Patient?name=" + given.substring(0, 3), ADMIN, p + "UPPER(TRIM(GIVEN_NAME)) LIKE '" + given.substring(0, 3).toUpperCase()
                        + "%' OR UPPER(TRIM(MIDDLE_NAME)) LIKE '" + given.substring(0, 3).toUpperCase() + "%' OR UPPER(TRIM(PREFERRED_NAME)) LIKE '"
                        + given.substring(0, 3).toUpperCase() + "%' OR UPPER(TRIM(FAMILY_NAME)) LIKE '" + given.substring(0, 3).toUpperCase() + "%'"),
                new Case("Patient?gender=female", ADMIN, p + "SEX = 'F'"),
                new Case("Patient?gender=http://hl7.org/fhir/administrative-gender|male,other", ADMIN, p + "SEX IN ('M', 'X')"),
                new Case("Patient?gender=unknown", ADMIN, p + "SEX = 'U' OR SEX IS NULL"),
                new Case("Patient?birthdate=ge1990-01-01&birthdate=lt2000-01-01", ADMIN, p + "DOB >= DATE '1990-01-01' AND DOB < DATE '2000-01-01'"),
                new Case("Patient?birthdate=1985", ADMIN, p + "DOB >= DATE '1985-01-01' AND DOB < DATE '1986-01-01'"),
                new Case("Patient?family=" + family + "&gender=male", ADMIN,
                        p + "UPPER(TRIM(FAMILY_NAME)) LIKE '" + family.toUpperCase() + "%' AND SEX = 'M'"),
                new Case("Patient?indigenous-status=1,2,3", ADMIN, p + "INDIGENOUS_STATUS IN (1, 2, 3)"),
                new Case("Patient?indigenous-status=9", ADMIN, p + "INDIGENOUS_STATUS = 9")));
        if (dva != null) {
            cases.add(new Case("Patient?identifier=" + DVA + "|" + dva, ADMIN, p + "TRIM(DVA_NO) = '" + dva + "'"));
        }
        check(cases);
    }

    @Test
    void everyPractitionerRoleOrganizationAndLocationSearchReturnsExactlyTheMatchingRows() throws Exception {
        String hpii = one(ADMIN, "SELECT MIN(HPII) FROM DOCTOR");
        String prescriber = one(ADMIN, "SELECT MAX(PRESCRIBER_NO) FROM DOCTOR");
        String doctor = one(ADMIN, "SELECT MIN(DR_CODE) FROM DOCTOR_BRANCH GROUP BY DR_CODE HAVING COUNT(*) > 1 FETCH FIRST 1 ROWS ONLY");
        String family = one(ADMIN, "SELECT MIN(FAMILY_NAME) FROM DOCTOR");
        String provider = one(ADMIN, "SELECT MIN(PROVIDER_NO) FROM DOCTOR_BRANCH");
        String hpio = one(ADMIN, "SELECT MIN(HPIO) FROM BRANCH WHERE DELETED = 0");
        String abn = one(ADMIN, "SELECT MIN(ABN) FROM BRANCH WHERE DELETED = 0");
        String suburb = one(ADMIN, "SELECT MIN(TRIM(SUBURB)) FROM BRANCH WHERE DELETED = 0");
        String branchName = one(ADMIN, "SELECT MIN(BRANCH_NAME) FROM BRANCH WHERE DELETED = 0");
        String role = "SELECT DB.DR_CODE || '-' || CAST(DB.BRANCH_ID AS VARCHAR(11)) FROM DOCTOR_BRANCH DB"
                + " JOIN BRANCH B ON B.BRANCH_ID = DB.BRANCH_ID JOIN DOCTOR D ON D.DR_CODE = DB.DR_CODE WHERE B.DELETED = 0";
        String branch = "SELECT BRANCH_ID FROM BRANCH WHERE DELETED = 0";
        check(List.of(
                new Case("Practitioner", ADMIN, "SELECT DR_CODE FROM DOCTOR"),
                new Case("Practitioner?_id=" + doctor, ADMIN, "SELECT DR_CODE FROM DOCTOR WHERE DR_CODE = '" + doctor + "'"),
                new Case("Practitioner?identifier=http://ns.electronichealth.net.au/id/hi/hpii/1.0|" + hpii, ADMIN,
                        "SELECT DR_CODE FROM DOCTOR WHERE HPII = '" + hpii + "'"),
                new Case("Practitioner?identifier=http://ns.electronichealth.net.au/id/medicare-prescriber-number|" + prescriber, ADMIN,
                        "SELECT DR_CODE FROM DOCTOR WHERE PRESCRIBER_NO = '" + prescriber + "'"),
                new Case("Practitioner?name=" + family, ADMIN, "SELECT DR_CODE FROM DOCTOR WHERE UPPER(FAMILY_NAME) LIKE '"
                        + family.toUpperCase() + "%' OR UPPER(GIVEN_NAME) LIKE '" + family.toUpperCase() + "%'"),
                new Case("Practitioner?family=" + family, ADMIN, "SELECT DR_CODE FROM DOCTOR WHERE UPPER(FAMILY_NAME) LIKE '"
                        + family.toUpperCase() + "%'"),
                new Case("PractitionerRole", ADMIN, role),
                new Case("PractitionerRole?_id=" + doctor + "-1", ADMIN, role + " AND DB.DR_CODE = '" + doctor + "' AND DB.BRANCH_ID = 1"),
                new Case("PractitionerRole?practitioner=" + doctor, ADMIN, role + " AND DB.DR_CODE = '" + doctor + "'"),
                new Case("PractitionerRole?practitioner=Practitioner/" + doctor, ADMIN, role + " AND DB.DR_CODE = '" + doctor + "'"),
                new Case("PractitionerRole?practitioner.identifier=http://ns.electronichealth.net.au/id/hi/hpii/1.0|" + hpii, ADMIN,
                        role + " AND D.HPII = '" + hpii + "'"),
                new Case("PractitionerRole?identifier=http://ns.electronichealth.net.au/id/medicare-provider-number|" + provider, ADMIN,
                        role + " AND DB.PROVIDER_NO = '" + provider + "'"),
                new Case("PractitionerRole?organization=2", ADMIN, role + " AND DB.BRANCH_ID = 2"),
                new Case("PractitionerRole?location=Location/1", ADMIN, role + " AND DB.BRANCH_ID = 1"),
                new Case("PractitionerRole?specialty=394814009", ADMIN, role + " AND UPPER(D.SPECIALTY) LIKE 'GENERAL PRACTICE%'"),
                new Case("PractitionerRole?role=http://www.abs.gov.au/ausstats/abs@.nsf/mf/1220.0|253111", ADMIN,
                        role + " AND UPPER(D.SPECIALTY) LIKE 'GENERAL PRACTICE%'"),
                new Case("Organization", ADMIN, branch),
                new Case("Organization?identifier=http://ns.electronichealth.net.au/id/hi/hpio/1.0|" + hpio, ADMIN,
                        branch + " AND HPIO = '" + hpio + "'"),
                new Case("Organization?identifier=http://hl7.org.au/id/abn|" + abn, ADMIN, branch + " AND ABN = '" + abn + "'"),
                new Case("Organization?name=" + branchName, ADMIN, branch + " AND UPPER(BRANCH_NAME) LIKE '" + branchName.toUpperCase() + "%'"),
                new Case("Organization?address=" + suburb, ADMIN, branch + " AND (UPPER(TRIM(SUBURB)) LIKE '" + suburb.toUpperCase()
                        + "%' OR UPPER(TRIM(ADDR_LINE1)) LIKE '" + suburb.toUpperCase() + "%' OR UPPER(TRIM(ADDR_LINE2)) LIKE '"
                        + suburb.toUpperCase() + "%' OR UPPER(TRIM(STATE)) LIKE '" + suburb.toUpperCase() + "%')"),
                new Case("Location", ADMIN, branch),
                new Case("Location?name=" + branchName, ADMIN, branch + " AND UPPER(BRANCH_NAME) LIKE '" + branchName.toUpperCase() + "%'"),
                new Case("Location?address-city=" + suburb, ADMIN, branch + " AND UPPER(TRIM(SUBURB)) LIKE '" + suburb.toUpperCase() + "%'"),
                new Case("Location?address-state=" + one(ADMIN, "SELECT MIN(TRIM(STATE)) FROM BRANCH"), ADMIN,
                        branch + " AND TRIM(STATE) = '" + one(ADMIN, "SELECT MIN(TRIM(STATE)) FROM BRANCH") + "'"),
                new Case("Location?address-postalcode=" + one(ADMIN, "SELECT MIN(POSTCODE) FROM BRANCH WHERE DELETED = 0"), ADMIN,
                        branch + " AND POSTCODE = '" + one(ADMIN, "SELECT MIN(POSTCODE) FROM BRANCH WHERE DELETED = 0") + "'")));
        // a closed branch is neither an Organization nor a Location
        String closed = one(ADMIN, "SELECT MIN(BRANCH_ID) FROM BRANCH WHERE DELETED = 1");
        assertThat(fhir("zedmed", key, "Organization/" + closed).statusCode()).isEqualTo(404);
        assertThat(fhir("zedmed", key, "Location/" + closed).statusCode()).isEqualTo(404);
    }

    @Test
    void everyClinicalSearchReturnsExactlyTheMatchingRows() throws Exception {
        String pt = busyPatient();
        String pp = " AND PATIENT_ID = " + pt;
        String snomed = one(CLINICAL, "SELECT MIN(SNOMED_ID) FROM PROBLEM WHERE DELETED = 0" + pp);
        String onset = one(CLINICAL, "SELECT CAST(MIN(ONSET_DATE) AS VARCHAR(10)) FROM PROBLEM WHERE DELETED = 0" + pp);
        String consultStart = one(CLINICAL, "SELECT CAST(MIN(CONSULT_START) AS VARCHAR(30)) FROM CONSULT WHERE PATIENT_ID = "
                + one(CLINICAL, "SELECT MIN(PATIENT_ID) FROM CONSULT"));
        LocalDateTime start = LocalDateTime.parse(consultStart.replace(' ', 'T'));
        String startWithOffset = start.atZone(ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String consultPatient = one(CLINICAL, "SELECT MIN(PATIENT_ID) FROM CONSULT");
        String immPatient = one(CLINICAL, "SELECT MIN(PATIENT_ID) FROM IMMUNISATION WHERE AIR_CODE IS NOT NULL");
        String rxPatient = one(CLINICAL, "SELECT MIN(PATIENT_ID) FROM SCRIPT WHERE STATUS = 'C'");
        String measPatient = one(CLINICAL, "SELECT MIN(M.PATIENT_ID) FROM MEASUREMENT M JOIN SOCIAL_HX S ON S.PATIENT_ID = M.PATIENT_ID");
        String taken = one(CLINICAL, "SELECT CAST(MIN(TAKEN_AT) AS VARCHAR(30)) FROM MEASUREMENT WHERE PATIENT_ID = " + measPatient);
        String takenDay = taken.substring(0, 10);
        String rx = "SELECT S.SCRIPT_ID FROM SCRIPT S JOIN CURRENT_MED M ON M.MED_ID = S.MED_ID WHERE M.DELETED = 0";
        String obs = "SELECT OBS_ID FROM " + OBS + " WHERE 1 = 1";
        check(List.of(
                new Case("Encounter?patient=" + consultPatient, CLINICAL, "SELECT CONSULT_ID FROM CONSULT WHERE PATIENT_ID = " + consultPatient),
                new Case("Encounter?patient=Patient/" + consultPatient + "&date=ge" + startWithOffset, CLINICAL,
                        "SELECT CONSULT_ID FROM CONSULT WHERE PATIENT_ID = " + consultPatient + " AND CONSULT_START >= TIMESTAMP '" + consultStart + "'"),
                new Case("Encounter?patient=" + consultPatient + "&date=lt" + consultStart.substring(0, 10), CLINICAL,
                        "SELECT CONSULT_ID FROM CONSULT WHERE PATIENT_ID = " + consultPatient + " AND CONSULT_START < DATE '" + consultStart.substring(0, 10) + "'"),
                new Case("Encounter?patient=" + consultPatient + "&status=finished,in-progress", CLINICAL,
                        "SELECT CONSULT_ID FROM CONSULT WHERE PATIENT_ID = " + consultPatient),
                new Case("Encounter?class=VR", CLINICAL, "SELECT CONSULT_ID FROM CONSULT WHERE CONSULT_TYPE IN ('TH', 'TP')"),
                new Case("Encounter?patient=" + consultPatient + "&location=1", CLINICAL,
                        "SELECT CONSULT_ID FROM CONSULT WHERE BRANCH_ID = 1 AND PATIENT_ID = " + consultPatient),
                new Case("Condition?patient=" + pt, CLINICAL, "SELECT PROBLEM_ID FROM PROBLEM WHERE DELETED = 0" + pp),
                new Case("Condition?patient=" + pt + "&category=problem-list-item", CLINICAL, "SELECT PROBLEM_ID FROM PROBLEM WHERE DELETED = 0" + pp),
                new Case("Condition?patient=" + pt + "&category=encounter-diagnosis", CLINICAL, "SELECT PROBLEM_ID FROM PROBLEM WHERE 1 = 0"),
                new Case("Condition?patient=" + pt + "&clinical-status=active", CLINICAL,
                        "SELECT PROBLEM_ID FROM PROBLEM WHERE DELETED = 0 AND IS_ACTIVE = 1 AND RESOLVED_DATE IS NULL" + pp),
                new Case("Condition?clinical-status=http://terminology.hl7.org/CodeSystem/condition-clinical|resolved", CLINICAL,
                        "SELECT PROBLEM_ID FROM PROBLEM WHERE DELETED = 0 AND (RESOLVED_DATE IS NOT NULL OR IS_ACTIVE = 0 AND IS_PAST_HISTORY = 1)"),
                new Case("Condition?clinical-status=inactive", CLINICAL,
                        "SELECT PROBLEM_ID FROM PROBLEM WHERE DELETED = 0 AND RESOLVED_DATE IS NULL AND IS_ACTIVE = 0 AND IS_PAST_HISTORY = 0"),
                new Case("Condition?patient=" + pt + "&code=http://snomed.info/sct|" + snomed, CLINICAL,
                        "SELECT PROBLEM_ID FROM PROBLEM WHERE DELETED = 0 AND SNOMED_ID = '" + snomed + "'" + pp),
                new Case("Condition?patient=" + pt + "&onset-date=le" + onset, CLINICAL,
                        "SELECT PROBLEM_ID FROM PROBLEM WHERE DELETED = 0 AND ONSET_DATE <= DATE '" + onset + "'" + pp),
                new Case("AllergyIntolerance?clinical-status=inactive", CLINICAL, "SELECT ALLERGY_ID FROM ALLERGY WHERE DELETED = 0 AND IS_ACTIVE = 0"),
                new Case("AllergyIntolerance?patient=" + one(CLINICAL, "SELECT MAX(PATIENT_ID) FROM ALLERGY") + "&clinical-status=active",
                        CLINICAL, "SELECT ALLERGY_ID FROM ALLERGY WHERE DELETED = 0 AND IS_ACTIVE = 1 AND PATIENT_ID = "
                        + one(CLINICAL, "SELECT MAX(PATIENT_ID) FROM ALLERGY")),
                new Case("MedicationStatement?patient=" + pt, CLINICAL, "SELECT MED_ID FROM CURRENT_MED WHERE DELETED = 0" + pp),
                new Case("MedicationStatement?status=completed", CLINICAL,
                        "SELECT MED_ID FROM CURRENT_MED WHERE DELETED = 0 AND CEASED_DATE IS NOT NULL AND LONG_TERM = 0"),
                new Case("MedicationStatement?status=active,stopped&effective=ge2020-01-01", CLINICAL,
                        "SELECT MED_ID FROM CURRENT_MED WHERE DELETED = 0 AND (CEASED_DATE IS NULL OR LONG_TERM = 1) AND START_DATE >= DATE '2020-01-01'"),
                new Case("MedicationRequest?patient=" + rxPatient + "&status=cancelled", CLINICAL,
                        rx + " AND S.STATUS = 'C' AND S.PATIENT_ID = " + rxPatient),
                new Case("MedicationRequest?patient=" + rxPatient + "&intent=order&status=active", CLINICAL,
                        rx + " AND S.STATUS IN ('E', 'P') AND S.PATIENT_ID = " + rxPatient),
                new Case("MedicationRequest?patient=" + rxPatient + "&intent=plan", CLINICAL, rx + " AND 1 = 0"),
                new Case("MedicationRequest?authoredon=ge" + java.time.LocalDate.now().minusDays(10), CLINICAL,
                        rx + " AND S.SCRIPT_DATE >= DATE '" + java.time.LocalDate.now().minusDays(10) + "'"),
                new Case("Immunization?patient=" + immPatient + "&status=completed", CLINICAL,
                        "SELECT IMM_ID FROM IMMUNISATION WHERE PATIENT_ID = " + immPatient),
                new Case("Immunization?patient=" + immPatient + "&status=not-done", CLINICAL, "SELECT IMM_ID FROM IMMUNISATION WHERE 1 = 0"),
                new Case("Immunization?vaccine-code=COMIRN", CLINICAL, "SELECT IMM_ID FROM IMMUNISATION WHERE AIR_CODE = 'COMIRN'"),
                new Case("Immunization?vaccine-code=http://snomed.info/sct|1525011000168107&date=ge2024-01-01", CLINICAL,
                        "SELECT IMM_ID FROM IMMUNISATION WHERE AMT_CODE = '1525011000168107' AND GIVEN_DATE >= DATE '2024-01-01'"),
                new Case("Observation?patient=" + measPatient, CLINICAL, obs + " AND PATIENT_ID = " + measPatient),
                new Case("Observation?patient=" + measPatient + "&category=vital-signs", CLINICAL,
                        obs + " AND OBS_TYPE <> 'SMOKING' AND PATIENT_ID = " + measPatient),
                new Case("Observation?patient=" + measPatient + "&category=social-history", CLINICAL,
                        obs + " AND OBS_TYPE = 'SMOKING' AND PATIENT_ID = " + measPatient),
                new Case("Observation?patient=" + measPatient + "&category=vital-signs&date=ge" + takenDay, CLINICAL,
                        obs + " AND OBS_TYPE <> 'SMOKING' AND EFFECTIVE >= DATE '" + takenDay + "' AND PATIENT_ID = " + measPatient),
                new Case("Observation?patient=" + measPatient + "&code=http://loinc.org|85354-9,8867-4", CLINICAL,
                        obs + " AND OBS_TYPE IN ('BP', 'HR') AND PATIENT_ID = " + measPatient),
                new Case("Observation?code=http://snomed.info/sct|1747861000168109&status=final", CLINICAL, obs + " AND OBS_TYPE = 'SMOKING'"),
                new Case("Observation?code=72166-2&patient=" + measPatient, CLINICAL, obs + " AND OBS_TYPE = 'SMOKING' AND PATIENT_ID = " + measPatient),
                new Case("Observation?code=8280-0,29463-7,8302-2,39156-5,8310-5,9279-1", CLINICAL,
                        obs + " AND OBS_TYPE IN ('WAIST', 'WT', 'HT', 'BMI', 'TEMP', 'RR')")));
    }

    @Test
    void appointmentsComeFromTheAdminCatalogue() throws Exception {
        String pt = one(ADMIN, "SELECT MIN(PATIENT_ID) FROM APPOINTMENT WHERE STATUS = 'CX'");
        String day = one(ADMIN, "SELECT CAST(MIN(APPT_DATE) AS VARCHAR(10)) FROM APPOINTMENT WHERE APPT_DATE >= CURRENT_DATE");
        String dr = one(ADMIN, "SELECT MIN(DR_CODE) FROM APPOINTMENT");
        check(List.of(
                new Case("Appointment?patient=" + pt, ADMIN, "SELECT APPT_ID FROM APPOINTMENT WHERE PATIENT_ID = " + pt),
                new Case("Appointment?patient=" + pt + "&status=cancelled", ADMIN,
                        "SELECT APPT_ID FROM APPOINTMENT WHERE STATUS = 'CX' AND PATIENT_ID = " + pt),
                new Case("Appointment?date=" + day + "&practitioner=" + dr, ADMIN,
                        "SELECT APPT_ID FROM APPOINTMENT WHERE APPT_DATE = DATE '" + day + "' AND DR_CODE = '" + dr + "'"),
                new Case("Appointment?date=ge" + at(day, "12:00:00") + "&date=lt" + at(day, "13:30:00") + "&location=1", ADMIN,
                        "SELECT APPT_ID FROM APPOINTMENT WHERE APPT_DATE = DATE '" + day + "' AND START_TIME >= TIME '12:00:00'"
                                + " AND START_TIME < TIME '13:30:00' AND BRANCH_ID = 1"),
                new Case("Appointment?patient.identifier=" + IHI + "|"
                        + one(ADMIN, "SELECT IHI FROM PATIENT WHERE PATIENT_ID = " + pt), ADMIN,
                        "SELECT APPT_ID FROM APPOINTMENT WHERE PATIENT_ID = " + pt)));
    }

    /** A practice-local time with the practice's offset that day, as FHIR asks of a dateTime with a time. */
    private static String at(String day, String time) {
        return LocalDateTime.parse(day + "T" + time).atZone(ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    @Test
    void clinicalResourcesChainThroughThePatientsIdentifiersInTheOtherCatalogue() throws Exception {
        String pt = busyPatient();
        String ihi = one(ADMIN, "SELECT IHI FROM PATIENT WHERE PATIENT_ID = " + pt);
        String medicarePatient = one(ADMIN, "SELECT MIN(PATIENT_ID) FROM PATIENT WHERE MEDICARE_NO IS NOT NULL");
        String medicare = one(ADMIN, "SELECT MEDICARE_NO || TRIM(MEDICARE_IRN) FROM PATIENT WHERE PATIENT_ID = " + medicarePatient);
        List<Case> cases = new ArrayList<>(List.of(
                new Case("Encounter?patient.identifier=" + MEDICARE + "|" + medicare, CLINICAL,
                        "SELECT CONSULT_ID FROM CONSULT WHERE PATIENT_ID = " + medicarePatient),
                new Case("Observation?category=vital-signs&patient.identifier=" + MEDICARE + "|" + medicare, CLINICAL,
                        "SELECT OBS_ID FROM " + OBS + " WHERE OBS_TYPE <> 'SMOKING' AND PATIENT_ID = " + medicarePatient),
                new Case("Condition?patient.identifier=" + MEDICARE + "|" + medicare.substring(0, 10) + "x", CLINICAL,
                        "SELECT PROBLEM_ID FROM PROBLEM WHERE 1 = 0")));
        if (ihi != null) {
            cases.add(new Case("Condition?patient.identifier=" + IHI + "|" + ihi, CLINICAL,
                    "SELECT PROBLEM_ID FROM PROBLEM WHERE DELETED = 0 AND PATIENT_ID = " + pt));
            cases.add(new Case("MedicationStatement?patient.identifier=" + IHI + "|" + ihi + "&status=active", CLINICAL,
                    "SELECT MED_ID FROM CURRENT_MED WHERE DELETED = 0 AND CEASED_DATE IS NULL AND PATIENT_ID = " + pt));
        }
        String dvaPatient = one(ADMIN, "SELECT MIN(PATIENT_ID) FROM PATIENT WHERE DVA_NO IS NOT NULL");
        if (dvaPatient != null) {
            cases.add(new Case("AllergyIntolerance?patient.identifier=" + DVA + "|"
                    + one(ADMIN, "SELECT TRIM(DVA_NO) FROM PATIENT WHERE PATIENT_ID = " + dvaPatient), CLINICAL,
                    "SELECT ALLERGY_ID FROM ALLERGY WHERE DELETED = 0 AND PATIENT_ID = " + dvaPatient));
        }
        check(cases);
    }

    @Test
    void softDeletedRowsAreNeverServed() throws Exception {
        for (String[] t : new String[][] {{"Condition", "PROBLEM", "PROBLEM_ID"}, {"AllergyIntolerance", "ALLERGY", "ALLERGY_ID"},
                {"MedicationStatement", "CURRENT_MED", "MED_ID"}}) {
            String deleted = one(CLINICAL, "SELECT MIN(" + t[2] + ") FROM " + t[1] + " WHERE DELETED = 1");
            if (deleted != null) {
                assertThat(fhir("zedmed", key, t[0] + "/" + deleted).statusCode()).as(t[0]).isEqualTo(404);
                String patient = one(CLINICAL, "SELECT PATIENT_ID FROM " + t[1] + " WHERE " + t[2] + " = " + deleted);
                assertThat(ids(search(t[0] + "?patient=" + patient))).doesNotContain(deleted);
            }
        }
        String live = one(CLINICAL, "SELECT MIN(PROBLEM_ID) FROM PROBLEM WHERE DELETED = 0");
        assertThat(fhir("zedmed", key, "Condition/" + live).statusCode()).isEqualTo(200);
        assertThat(fhir("zedmed", key, "Observation/xx-1").statusCode()).isEqualTo(404);
        assertThat(fhir("zedmed", key, "PractitionerRole/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void resourcesCarryWhatTheirProfilesNeed() throws Exception {
        // nil known allergies → SNOMED 716186003
        String nil = one(CLINICAL, "SELECT MIN(ALLERGY_ID) FROM ALLERGY WHERE DELETED = 0 AND AGENT_SNOMED = '716186003'");
        AllergyIntolerance a = (AllergyIntolerance) parse(fhir("zedmed", key, "AllergyIntolerance/" + nil));
        assertThat(a.getCode().getCodingFirstRep().getCode()).isEqualTo("716186003");
        assertThat(a.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
        // blood pressure: components, both codings, UCUM
        String bp = one(CLINICAL, "SELECT 'vs-' || CAST(MIN(MEAS_ID) AS VARCHAR(20)) FROM MEASUREMENT WHERE MEAS_TYPE = 'BP'");
        Observation o = (Observation) parse(fhir("zedmed", key, "Observation/" + bp));
        assertThat(o.getMeta().getProfile().get(0).getValue()).isEqualTo("http://hl7.org.au/fhir/core/StructureDefinition/au-core-bloodpressure");
        assertThat(o.getComponent()).hasSize(2);
        assertThat(o.getComponent().get(0).getValueQuantity().getCode()).isEqualTo("mm[Hg]");
        assertThat(o.getComponent().get(0).getValueQuantity().getValue().intValue()).isEqualTo(Integer.parseInt(
                one(CLINICAL, "SELECT CAST(VALUE1 AS INT) FROM MEASUREMENT WHERE 'vs-' || CAST(MEAS_ID AS VARCHAR(20)) = '" + bp + "'")));
        // smoking status
        String smoker = one(CLINICAL, "SELECT MIN(PATIENT_ID) FROM SOCIAL_HX WHERE SMOKING = 'C'");
        Observation s = (Observation) parse(fhir("zedmed", key, "Observation/sh-" + smoker));
        assertThat(s.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("77176002");
        assertThat(s.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("social-history");
        // the condition's patient is the PROBLEM row's
        String problem = one(CLINICAL, "SELECT MIN(PROBLEM_ID) FROM PROBLEM WHERE DELETED = 0");
        Condition c = (Condition) parse(fhir("zedmed", key, "Condition/" + problem));
        assertThat(c.getSubject().getReference()).isEqualTo("Patient/" + one(CLINICAL, "SELECT PATIENT_ID FROM PROBLEM WHERE PROBLEM_ID = " + problem));
        assertThat(c.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("problem-list-item");
        // the medicine is a contained AU Core Medication: its text and AMT/PBS codings are the row's
        String med = one(CLINICAL, "SELECT MIN(MED_ID) FROM CURRENT_MED WHERE DELETED = 0 AND AMT_CODE IS NOT NULL");
        org.hl7.fhir.r4.model.MedicationStatement ms =
                (org.hl7.fhir.r4.model.MedicationStatement) parse(fhir("zedmed", key, "MedicationStatement/" + med));
        assertThat(ms.getMedicationReference().getReference()).isEqualTo("#med");
        assertThat(ms.getContained()).hasSize(1);
        org.hl7.fhir.r4.model.Medication medication = (org.hl7.fhir.r4.model.Medication) ms.getContained().get(0);
        assertThat(medication.getMeta().getProfile().get(0).getValue())
                .isEqualTo("http://hl7.org.au/fhir/core/StructureDefinition/au-core-medication");
        assertThat(medication.getCode().getText()).startsWith(one(CLINICAL, "SELECT TRIM(DRUG_NAME) FROM CURRENT_MED WHERE MED_ID = " + med));
        assertThat(medication.getCode().getCoding()).extracting(org.hl7.fhir.r4.model.Coding::getCode)
                .contains(one(CLINICAL, "SELECT AMT_CODE FROM CURRENT_MED WHERE MED_ID = " + med));
    }

    @Test
    void everyScheduleSearchReturnsExactlyTheDoctorsWithScheduleRows() throws Exception {
        String schedules = "SELECT DR_CODE FROM DOCTOR WHERE DR_CODE IN (SELECT DR_CODE FROM DR_SCHEDULE)";
        String doctor = one(ADMIN, "SELECT MIN(DR_CODE) FROM (" + schedules + ") x");
        String hpii = one(ADMIN, "SELECT MIN(HPII) FROM DOCTOR WHERE DR_CODE IN (SELECT DR_CODE FROM DR_SCHEDULE)");
        String family = one(ADMIN, "SELECT FAMILY_NAME FROM DOCTOR WHERE DR_CODE = '" + doctor + "'");
        check(List.of(
                new Case("Schedule", ADMIN, schedules),
                new Case("Schedule?_id=" + doctor, ADMIN, schedules + " AND DR_CODE = '" + doctor + "'"),
                new Case("Schedule?actor=" + doctor, ADMIN, schedules + " AND DR_CODE = '" + doctor + "'"),
                new Case("Schedule?actor=Practitioner/" + doctor, ADMIN, schedules + " AND DR_CODE = '" + doctor + "'"),
                new Case("Schedule?actor.identifier=http://ns.electronichealth.net.au/id/hi/hpii/1.0|" + hpii, ADMIN,
                        schedules + " AND HPII = '" + hpii + "'"),
                new Case("Schedule?actor.family=" + family, ADMIN,
                        schedules + " AND UPPER(FAMILY_NAME) LIKE '" + family.toUpperCase() + "%'"),
                new Case("Schedule?active=true", ADMIN, schedules + " AND IS_ACTIVE = 1"),
                new Case("Schedule?active=false", ADMIN, schedules + " AND IS_ACTIVE <> 1"),
                new Case("Schedule?active=true&actor=" + doctor, ADMIN, schedules + " AND IS_ACTIVE = 1 AND DR_CODE = '" + doctor + "'")));
        assertThat(dbIds(ADMIN, schedules)).isNotEmpty();
        org.hl7.fhir.r4.model.Schedule s = (org.hl7.fhir.r4.model.Schedule) parse(fhir("zedmed", key, "Schedule/" + doctor));
        assertThat(s.getActorFirstRep().getReference()).isEqualTo("Practitioner/" + doctor);
        assertThat(s.getActive()).isEqualTo("1".equals(one(ADMIN, "SELECT IS_ACTIVE FROM DOCTOR WHERE DR_CODE = '" + doctor + "'")));
        // a doctor without schedule rows has no Schedule
        String noBook = one(ADMIN, "SELECT MIN(DR_CODE) FROM DOCTOR WHERE DR_CODE NOT IN (SELECT DR_CODE FROM DR_SCHEDULE)");
        if (noBook != null) {
            assertThat(fhir("zedmed", key, "Schedule/" + noBook).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aSampleOfEveryResourceValidatesAgainstItsProfile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(AuCoreValidator.available(), AuCoreValidator::why);
        CapabilityStatement cs = (CapabilityStatement) parse(fhir("zedmed", key, "metadata"));
        List<String> problems = new ArrayList<>();
        for (var resource : cs.getRestFirstRep().getResource()) {
            List<String> searches = resource.getType().equals("Observation")
                    ? List.of("Observation?code=85354-9", "Observation?code=8867-4", "Observation?code=8310-5",
                    "Observation?code=29463-7", "Observation?code=8302-2", "Observation?code=39156-5",
                    "Observation?code=8280-0", "Observation?code=9279-1", "Observation?category=social-history")
                    : List.of(resource.getType() + requiredBounds(resource).replaceFirst("^&", "?"));
            for (String search : searches) {
                Bundle b = bundle(fhir("zedmed", key, search + (search.contains("?") ? "&" : "?") + "_count=20"));
                key = acme();
                for (var e : b.getEntry()) {
                    var result = AuCoreValidator.validate(e.getResource());
                    var errors = result.getMessages().stream()
                            .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).toList();
                    if (!errors.isEmpty()) {
                        problems.add(e.getResource().getIdElement().getValue() + ": " + AuCoreValidator.describe(errors));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void pagingWalksEveryMatchOnceInKeyOrder() throws Exception {
        List<String> patients = dbIds(ADMIN, "SELECT PATIENT_ID FROM PATIENT WHERE SEX = 'F' ORDER BY PATIENT_ID");
        assertThat(ids(all("zedmed", key, "Patient?gender=female&_count=7"))).containsExactlyElementsOf(patients);
        key = acme();
        String pt = one(CLINICAL, "SELECT PATIENT_ID FROM MEASUREMENT GROUP BY PATIENT_ID ORDER BY COUNT(*) DESC, PATIENT_ID FETCH FIRST 1 ROWS ONLY");
        List<String> observations = dbIds(CLINICAL, "SELECT OBS_ID FROM " + OBS + " WHERE PATIENT_ID = " + pt + " ORDER BY OBS_ID");
        assertThat(observations.size()).isGreaterThan(3);
        assertThat(ids(all("zedmed", key, "Observation?patient=" + pt + "&_count=3"))).containsExactlyElementsOf(observations);
        key = acme();
        List<String> roles = dbIds(ADMIN, "SELECT DB.DR_CODE || '-' || CAST(DB.BRANCH_ID AS VARCHAR(11)) AS K FROM DOCTOR_BRANCH DB"
                + " JOIN BRANCH B ON B.BRANCH_ID = DB.BRANCH_ID WHERE B.DELETED = 0 ORDER BY K");
        assertThat(ids(all("zedmed", key, "PractitionerRole?_count=2"))).containsExactlyElementsOf(roles);
    }

    @Test
    void practitionerRoleIncludesItsPractitioner() throws Exception {
        Bundle b = bundle(fhir("zedmed", key, "PractitionerRole?_include=PractitionerRole:practitioner&_count=50"));
        List<String> practitioners = b.getEntry().stream()
                .filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
                .map(e -> e.getResource().getIdElement().getIdPart()).toList();
        assertThat(practitioners).containsExactlyInAnyOrderElementsOf(dbIds(ADMIN,
                "SELECT DISTINCT DB.DR_CODE FROM DOCTOR_BRANCH DB JOIN BRANCH B ON B.BRANCH_ID = DB.BRANCH_ID WHERE B.DELETED = 0"));
    }

    @Test
    void metadataDeclaresEveryResourceAndEveryDeclaredParameterWorks() throws Exception {
        CapabilityStatement cs = (CapabilityStatement) parse(fhir("zedmed", key, "metadata"));
        var resources = cs.getRestFirstRep().getResource();
        assertThat(resources).extracting(r -> r.getType()).contains("Patient", "Practitioner", "PractitionerRole",
                "Organization", "Location", "Encounter", "Condition", "AllergyIntolerance", "MedicationStatement",
                "MedicationRequest", "Immunization", "Observation", "Appointment", "Schedule");
        for (var resource : resources) {
            for (var param : resource.getSearchParam()) {
                String value = switch (param.getType()) {
                    case DATE -> "ge1900-01-01";
                    case TOKEN -> param.getName().equals("gender") ? "female" : "1";
                    case REFERENCE -> "1";
                    default -> "a";
                };
                HttpResponse<String> r = fhir("zedmed", key, resource.getType() + "?" + param.getName() + "=" + value + "&_count=1" + requiredBounds(resource));
                assertThat(r.statusCode()).as(resource.getType() + "?" + param.getName() + " → " + r.body()).isEqualTo(200);
                key = acme();
            }
        }
    }

    @Test
    void injectionStringsAreValuesNotCode() throws Exception {
        long before = Long.parseLong(one(CLINICAL, "SELECT COUNT(*) FROM PROBLEM"));
        for (String attack : new String[] {"x' OR '1'='1", "'; DROP TABLE PROBLEM; --", "%' OR 1=1 --"}) {
            for (String search : List.of("Patient?family=", "Patient?identifier=", "Condition?code=", "Observation?_id=",
                    "PractitionerRole?_id=", "Observation?code=http://loinc.org|", "Patient?identifier=http://ns.electronichealth.net.au/id/hpio-scoped/medicalrecord/1.0/")) {
                HttpResponse<String> r = fhir("zedmed", key, search + attack);
                assertThat(r.statusCode()).as(search + attack + " → " + r.body()).isIn(200, 400);
                if (r.statusCode() == 200) {
                    assertThat(bundle(r).getEntry()).as(search + attack).isEmpty();
                }
                key = acme();
            }
        }
        assertThat(Long.parseLong(one(CLINICAL, "SELECT COUNT(*) FROM PROBLEM"))).isEqualTo(before);
    }
}
