package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bp Premier's practice and clinical resources through FHIR (Organization, Location, PractitionerRole, Encounter,
 * Condition, AllergyIntolerance, Immunization, MedicationStatement, MedicationRequest, Observation): every declared
 * search compared with the rows the practice database holds, queried here as the practice itself.
 */
class BpPremierClinicalFhirTest extends FhirIntegrationTest {

    private static final String IHI_SYSTEM = "http://ns.electronichealth.net.au/id/hi/ihi/1.0";
    private static final String LIVE_PATIENT = "INTERNALID IN (SELECT INTERNALID FROM PATIENTS WHERE RECORDSTATUS = 1"
            + " AND INTERNALID > 0 AND TRIM(SURNAME) NOT IN ('DO NOT BOOK', 'CARE PLAN'))";
    private static final String CLINICIANS = "SELECT USERID FROM USERS WHERE RECORDSTATUS = 1 AND GROUPCODE IN (1, 2, 3, 4, 7)";
    /** The Observation rows: vitals ('V' + RECORDID; a blood pressure is its systolic row) and smoking status ('S'). */
    private static final String OBSERVATIONS = "SELECT CONCAT('V', RECORDID) AS ID, INTERNALID, DATACODE AS KIND,"
            + " DATEADD(SECOND, OBSTIME, OBSDATE) AS EFFECTIVE FROM OBSERVATIONS WHERE RECORDSTATUS = 1"
            + " AND DATACODE IN (1, 2, 3, 7, 8, 17) UNION ALL SELECT CONCAT('S', RECORDID), INTERNALID, 100 + SMOKINGSTATUS,"
            + " COALESCE(UPDATED, CREATED) FROM CLINICAL WHERE RECORDSTATUS = 1 AND SMOKINGSTATUS IN (1, 2, 3)";

    private String key;

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

    /** The live patient with an IHI who has the most rows in {@code table} (matching {@code where}). */
    private String busiest(String table, String where) throws SQLException {
        return one("SELECT INTERNALID FROM " + table + " WHERE " + LIVE_PATIENT + " AND " + where
                + " AND INTERNALID IN (SELECT INTERNALID FROM PATIENTS WHERE IHI IS NOT NULL)"
                + " GROUP BY INTERNALID ORDER BY COUNT(*) DESC, INTERNALID OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY");
    }

    private String ihi(String patient) throws SQLException {
        return one("SELECT IHI FROM PATIENTS WHERE INTERNALID = " + patient);
    }

    record Case(String search, String sql) {
    }

    private void check(List<Case> cases) throws Exception {
        for (Case c : cases) {
            List<Resource> found = all("bp-premier", key, c.search() + (c.search().contains("?") ? "&" : "?") + "_count=100");
            List<String> expected = dbIds(c.sql());
            assertThat(ids(found)).as(c.search()).containsExactlyInAnyOrderElementsOf(expected);
            key = acme(); // each case may page: keep well inside the rate limit
        }
    }

    @Test
    void organizationLocationAndPractitionerRoleSearchesMatchTheRows() throws Exception {
        String hpio = one("SELECT MIN(HPIO) FROM PRACTICE WHERE RECORDSTATUS = 1");
        String abn = one("SELECT MIN(REPLACE(ABN, ' ', '')) FROM PRACTICE WHERE RECORDSTATUS = 1");
        String practiceName = one("SELECT MIN(PRACTICENAME) FROM PRACTICE WHERE RECORDSTATUS = 1");
        String practiceId = one("SELECT MIN(PRACTICEID) FROM PRACTICE WHERE RECORDSTATUS = 1");
        String locations = "SELECT LOCATIONID FROM LOCATIONS WHERE RECORDSTATUS = 1";
        String city = one("SELECT MAX(TRIM(CITY))" + locations.substring(locations.indexOf(" FROM")));
        String postcode = one("SELECT MAX(TRIM(POSTCODE))" + locations.substring(locations.indexOf(" FROM")));
        String roles = "SELECT RECORDID FROM PROVIDER_LOCATION WHERE RECORDSTATUS = 1 AND USERID IN (" + CLINICIANS
                + ") AND LOCATIONID IN (" + locations + ")";
        String providerNumber = one("SELECT MAX(TRIM(PROVIDERNUMBER)) FROM (" + roles.replace("SELECT RECORDID", "SELECT PROVIDERNUMBER") + ") x");
        String doctor = one("SELECT MAX(USERID) FROM (" + roles.replace("SELECT RECORDID", "SELECT USERID") + ") x");
        String role = one("SELECT MAX(RECORDID) FROM (" + roles + ") x");
        check(List.of(
                new Case("Organization", "SELECT PRACTICEID FROM PRACTICE WHERE RECORDSTATUS = 1"),
                new Case("Organization?_id=" + practiceId, "SELECT PRACTICEID FROM PRACTICE WHERE RECORDSTATUS = 1 AND PRACTICEID = " + practiceId),
                new Case("Organization?identifier=http://ns.electronichealth.net.au/id/hi/hpio/1.0|" + hpio,
                        "SELECT PRACTICEID FROM PRACTICE WHERE RECORDSTATUS = 1 AND HPIO = '" + hpio + "'"),
                new Case("Organization?identifier=http://hl7.org.au/id/abn|" + abn,
                        "SELECT PRACTICEID FROM PRACTICE WHERE RECORDSTATUS = 1 AND REPLACE(ABN, ' ', '') = '" + abn + "'"),
                new Case("Organization?identifier=http://hl7.org.au/id/abn|00000000000", "SELECT PRACTICEID FROM PRACTICE WHERE 1 = 0"),
                new Case("Organization?name=" + practiceName.substring(0, 4).toLowerCase(),
                        "SELECT PRACTICEID FROM PRACTICE WHERE RECORDSTATUS = 1 AND UPPER(PRACTICENAME) LIKE '"
                                + practiceName.substring(0, 4).toUpperCase().replace("'", "''") + "%'"),
                new Case("Location", locations),
                new Case("Location?name=" + practiceName.substring(0, 4),
                        locations + " AND UPPER(LOCATIONNAME) LIKE '" + practiceName.substring(0, 4).toUpperCase().replace("'", "''") + "%'"),
                new Case("Location?address-city=" + city, locations + " AND UPPER(TRIM(CITY)) LIKE '" + city.toUpperCase() + "%'"),
                new Case("Location?address-postalcode=" + postcode, locations + " AND TRIM(POSTCODE) LIKE '" + postcode + "%'"),
                new Case("PractitionerRole", roles),
                new Case("PractitionerRole?_id=" + role, roles + " AND RECORDID = " + role),
                new Case("PractitionerRole?identifier=http://ns.electronichealth.net.au/id/medicare-provider-number|" + providerNumber,
                        roles + " AND TRIM(PROVIDERNUMBER) = '" + providerNumber + "'"),
                new Case("PractitionerRole?practitioner=" + doctor, roles + " AND USERID = " + doctor),
                new Case("PractitionerRole?practitioner=Practitioner/" + doctor, roles + " AND USERID = " + doctor),
                new Case("PractitionerRole?organization=Organization/" + practiceId, roles)));

        // every location and role points at the practice, every role at its practitioner
        PractitionerRole pr = (PractitionerRole) parse(fhir("bp-premier", key, "PractitionerRole/" + role));
        assertThat(pr.getPractitioner().getReference()).isEqualTo("Practitioner/" + one("SELECT USERID FROM PROVIDER_LOCATION WHERE RECORDID = " + role));
        assertThat(pr.getOrganization().getReference()).isEqualTo("Organization/" + practiceId);
        assertThat(pr.getIdentifierFirstRep().getValue()).isEqualTo(one("SELECT TRIM(PROVIDERNUMBER) FROM PROVIDER_LOCATION WHERE RECORDID = " + role));
    }

    @Test
    void includeReturnsThePractitionersOfTheRoles() throws Exception {
        Bundle b = bundle(fhir("bp-premier", key, "PractitionerRole?_include=PractitionerRole:practitioner&_count=100"));
        List<String> roles = new ArrayList<>();
        Set<String> included = new HashSet<>();
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            if (e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE) {
                assertThat(e.getResource()).isInstanceOf(Practitioner.class);
                included.add(e.getResource().getIdElement().getIdPart());
            } else {
                roles.add(e.getResource().getIdElement().getIdPart());
            }
        }
        assertThat(roles).isNotEmpty();
        assertThat(included).containsExactlyInAnyOrderElementsOf(dbIds("SELECT DISTINCT USERID FROM PROVIDER_LOCATION"
                + " WHERE RECORDSTATUS = 1 AND USERID IN (" + CLINICIANS + ") AND LOCATIONID IN"
                + " (SELECT LOCATIONID FROM LOCATIONS WHERE RECORDSTATUS = 1)"));
        assertThat(fhir("bp-premier", key, "PractitionerRole?_include=PractitionerRole:organization").statusCode()).isEqualTo(400);
    }

    @Test
    void encounterSearchesMatchTheVisits() throws Exception {
        String live = "SELECT VISITID FROM VISITS WHERE RECORDSTATUS = 1 AND VISITCODE <> 12 AND " + LIVE_PATIENT;
        String p = busiest("VISITS", "RECORDSTATUS = 1 AND VISITCODE <> 12");
        String since = one("SELECT MAX(CAST(VISITDATE AS DATE)) FROM VISITS WHERE INTERNALID = " + p);
        since = LocalDate.parse(since).minusMonths(6).toString();
        String ofP = live + " AND INTERNALID = " + p;
        check(List.of(
                new Case("Encounter?patient=" + p, ofP),
                new Case("Encounter?patient=Patient/" + p, ofP),
                new Case("Encounter?patient.identifier=" + IHI_SYSTEM + "|" + ihi(p), ofP),
                new Case("Encounter?patient=" + p + "&date=ge" + since, ofP + " AND VISITDATE >= '" + since + "'"),
                new Case("Encounter?patient=" + p + "&date=ge" + since + "T00:00:00+10:00&date=lt2100-01-01",
                        ofP + " AND VISITDATE >= '" + since + "'"),
                new Case("Encounter?patient=" + p + "&class=AMB", ofP + " AND VISITCODE = 1"),
                new Case("Encounter?patient=" + p + "&class=http://terminology.hl7.org/CodeSystem/v3-ActCode|VR",
                        ofP + " AND VISITCODE IN (5, 6, 7, 13)"),
                new Case("Encounter?patient=" + p + "&status=finished", ofP),
                new Case("Encounter?patient=" + p + "&status=in-progress", ofP + " AND 1 = 0"),
                new Case("Encounter?class=VR", live + " AND VISITCODE IN (5, 6, 7, 13)")));
    }

    @Test
    void conditionAndAllergySearchesMatchTheRows() throws Exception {
        String history = "SELECT RECORDID FROM PASTHISTORY WHERE RECORDSTATUS = 1 AND " + LIVE_PATIENT;
        String p = busiest("PASTHISTORY", "RECORDSTATUS = 1");
        String ofP = history + " AND INTERNALID = " + p;
        String snomed = one("SELECT MIN(TRIM(s.SNOMEDCODE)) FROM PASTHISTORY h JOIN CONDITIONS_SNOMED s ON s.ITEMCODE = h.ITEMCODE"
                + " WHERE h.RECORDSTATUS = 1 AND h.INTERNALID = " + p);
        String onset = "(\"YEAR\" * 10000 + CASE WHEN \"MONTH\" > 0 THEN \"MONTH\" ELSE 1 END * 100"
                + " + CASE WHEN \"DAY\" > 0 THEN \"DAY\" ELSE 1 END)";
        String reactions = "SELECT RECORDID FROM REACTIONS WHERE RECORDSTATUS = 1 AND " + LIVE_PATIENT;
        String allergic = busiest("REACTIONS", "RECORDSTATUS = 1");
        List<Case> cases = new ArrayList<>(List.of(
                new Case("Condition?patient=" + p, ofP),
                new Case("Condition?patient.identifier=" + IHI_SYSTEM + "|" + ihi(p), ofP),
                new Case("Condition?patient=" + p + "&category=problem-list-item", ofP),
                new Case("Condition?patient=" + p + "&category=encounter-diagnosis", ofP + " AND 1 = 0"),
                new Case("Condition?patient=" + p + "&clinical-status=active", ofP + " AND STATUSCODE = 1"),
                new Case("Condition?patient=" + p + "&clinical-status=http://terminology.hl7.org/CodeSystem/condition-clinical|inactive",
                        ofP + " AND STATUSCODE <> 1"),
                new Case("Condition?patient=" + p + "&category=problem-list-item&clinical-status=active", ofP + " AND STATUSCODE = 1"),
                new Case("Condition?patient=" + p + "&onset-date=ge2000", ofP + " AND \"YEAR\" > 0 AND " + onset + " >= 20000101"),
                new Case("Condition?patient=" + p + "&onset-date=lt2015-06", ofP + " AND \"YEAR\" > 0 AND " + onset + " < 20150601"),
                new Case("Condition?onset-date=2010", history + " AND \"YEAR\" > 0 AND " + onset + " >= 20100101 AND " + onset + " < 20110101"),
                new Case("AllergyIntolerance?patient=" + allergic, reactions + " AND INTERNALID = " + allergic),
                new Case("AllergyIntolerance?patient.identifier=" + IHI_SYSTEM + "|" + ihi(allergic), reactions + " AND INTERNALID = " + allergic),
                new Case("AllergyIntolerance?patient=" + allergic + "&clinical-status=active", reactions + " AND INTERNALID = " + allergic),
                new Case("AllergyIntolerance?patient=" + allergic + "&clinical-status=resolved", reactions + " AND 1 = 0"),
                new Case("AllergyIntolerance", reactions)));
        if (snomed != null) {
            cases.add(new Case("Condition?patient=" + p + "&code=http://snomed.info/sct|" + snomed,
                    ofP + " AND ITEMCODE IN (SELECT ITEMCODE FROM CONDITIONS_SNOMED WHERE TRIM(SNOMEDCODE) = '" + snomed + "')"));
            cases.add(new Case("Condition?code=" + snomed,
                    history + " AND ITEMCODE IN (SELECT ITEMCODE FROM CONDITIONS_SNOMED WHERE TRIM(SNOMEDCODE) = '" + snomed + "')"));
        }
        check(cases);
    }

    @Test
    void immunizationAndMedicationSearchesMatchTheRows() throws Exception {
        String immunisations = "SELECT RECORDID FROM IMMUNISATIONS WHERE RECORDSTATUS = 1 AND " + LIVE_PATIENT;
        String p = busiest("IMMUNISATIONS", "RECORDSTATUS = 1");
        String ofP = immunisations + " AND INTERNALID = " + p;
        String air = one("SELECT MIN(TRIM(v.ACIRCODE)) FROM IMMUNISATIONS i JOIN VACCINES v ON v.VACCINEID = i.VACCINEID"
                + " WHERE i.RECORDSTATUS = 1 AND i.INTERNALID = " + p);
        String given = one("SELECT MAX(CAST(GIVENDATE AS DATE)) FROM IMMUNISATIONS WHERE RECORDSTATUS = 1 AND INTERNALID = " + p);
        String rx = "SELECT RECORDID FROM CURRENTRX WHERE RECORDSTATUS = 1 AND " + LIVE_PATIENT;
        String onMeds = busiest("CURRENTRX", "RECORDSTATUS = 1");
        String firstRx = one("SELECT MIN(CAST(FIRSTDATE AS DATE)) FROM CURRENTRX WHERE RECORDSTATUS = 1 AND INTERNALID = " + onMeds);
        String scripts = "SELECT i.RECORDID FROM SCRIPTITEMS i JOIN PRESCRIPTIONS s ON s.SCRIPTID = i.SCRIPTID"
                + " WHERE i.RECORDSTATUS = 1 AND s.RECORDSTATUS = 1 AND i." + LIVE_PATIENT;
        String prescribed = busiest("SCRIPTITEMS", "RECORDSTATUS = 1");
        String validFrom = LocalDate.now(java.time.ZoneId.of("Australia/Sydney")).minusYears(1).toString();
        String scriptsOfP = scripts + " AND i.INTERNALID = " + prescribed;
        String lastScript = one("SELECT MAX(CAST(SCRIPTDATE AS DATE)) FROM PRESCRIPTIONS WHERE RECORDSTATUS = 1 AND INTERNALID = " + prescribed);
        check(List.of(
                new Case("Immunization?patient=" + p, ofP),
                new Case("Immunization?patient.identifier=" + IHI_SYSTEM + "|" + ihi(p), ofP),
                new Case("Immunization?patient=" + p + "&status=completed", ofP),
                new Case("Immunization?patient=" + p + "&status=not-done", ofP + " AND 1 = 0"),
                new Case("Immunization?patient=" + p + "&date=" + given, ofP + " AND CAST(GIVENDATE AS DATE) = '" + given + "'"),
                new Case("Immunization?patient=" + p + "&date=lt" + given, ofP + " AND GIVENDATE < '" + given + "'"),
                new Case("Immunization?patient=" + p + "&vaccine-code=https://www.humanservices.gov.au/organisations/health-professionals/enablers/air-vaccine-code-formats|" + air,
                        ofP + " AND VACCINEID IN (SELECT VACCINEID FROM VACCINES WHERE TRIM(ACIRCODE) = '" + air + "')"),
                new Case("Immunization?vaccine-code=" + air,
                        immunisations + " AND VACCINEID IN (SELECT VACCINEID FROM VACCINES WHERE TRIM(ACIRCODE) = '" + air + "')"),
                new Case("MedicationStatement?patient=" + onMeds, rx + " AND INTERNALID = " + onMeds),
                new Case("MedicationStatement?patient.identifier=" + IHI_SYSTEM + "|" + ihi(onMeds), rx + " AND INTERNALID = " + onMeds),
                new Case("MedicationStatement?patient=" + onMeds + "&status=active", rx + " AND INTERNALID = " + onMeds),
                new Case("MedicationStatement?patient=" + onMeds + "&status=completed", rx + " AND 1 = 0"),
                new Case("MedicationStatement?patient=" + onMeds + "&effective=gt" + firstRx,
                        rx + " AND INTERNALID = " + onMeds + " AND FIRSTDATE >= DATEADD(DAY, 1, CAST('" + firstRx + "' AS DATE))"),
                new Case("MedicationRequest?patient=" + prescribed, scriptsOfP),
                new Case("MedicationRequest?patient.identifier=" + IHI_SYSTEM + "|" + ihi(prescribed), scriptsOfP),
                new Case("MedicationRequest?patient=" + prescribed + "&intent=order", scriptsOfP),
                new Case("MedicationRequest?patient=" + prescribed + "&intent=plan", scriptsOfP + " AND 1 = 0"),
                new Case("MedicationRequest?patient=" + prescribed + "&status=active", scriptsOfP + " AND s.SCRIPTDATE >= '" + validFrom + "'"),
                new Case("MedicationRequest?patient=" + prescribed + "&status=completed", scriptsOfP + " AND s.SCRIPTDATE < '" + validFrom + "'"),
                new Case("MedicationRequest?patient=" + prescribed + "&intent=order&authoredon=" + lastScript,
                        scriptsOfP + " AND CAST(s.SCRIPTDATE AS DATE) = '" + lastScript + "'"),
                new Case("MedicationRequest?status=active", scripts + " AND s.SCRIPTDATE >= '" + validFrom + "'")));

        // the medicine is a contained AU Core Medication whose code text is Bp's drug name
        String rxId = one("SELECT MIN(RECORDID) FROM CURRENTRX WHERE RECORDSTATUS = 1 AND INTERNALID = " + onMeds);
        var ms = (org.hl7.fhir.r4.model.MedicationStatement) parse(fhir("bp-premier", key, "MedicationStatement/" + rxId));
        assertThat(ms.getMedicationReference().getReference()).isEqualTo("#med");
        var medication = (org.hl7.fhir.r4.model.Medication) ms.getContained().get(0);
        assertThat(medication.getMeta().getProfile().get(0).getValue())
                .isEqualTo("http://hl7.org.au/fhir/core/StructureDefinition/au-core-medication");
        assertThat(medication.getCode().getText()).isEqualTo(one("SELECT DRUGNAME FROM CURRENTRX WHERE RECORDID = " + rxId));
        String itemId = one("SELECT MIN(RECORDID) FROM SCRIPTITEMS WHERE RECORDSTATUS = 1 AND INTERNALID = " + prescribed);
        var mr = (org.hl7.fhir.r4.model.MedicationRequest) parse(fhir("bp-premier", key, "MedicationRequest/" + itemId));
        assertThat(mr.getMedicationReference().getReference()).isEqualTo("#med");
        assertThat(((org.hl7.fhir.r4.model.Medication) mr.getContained().get(0)).getCode().getText())
                .isEqualTo(one("SELECT DRUGNAME FROM SCRIPTITEMS WHERE RECORDID = " + itemId));
    }

    @Test
    void observationSearchesMatchVitalsAndSmokingStatus() throws Exception {
        String all = "SELECT ID FROM (" + OBSERVATIONS + ") o WHERE " + LIVE_PATIENT;
        String p = busiest("OBSERVATIONS", "RECORDSTATUS = 1 AND DATACODE IN (3, 8)");
        String ofP = all + " AND INTERNALID = " + p;
        String lastSeen = one("SELECT MAX(CAST(OBSDATE AS DATE)) FROM OBSERVATIONS WHERE RECORDSTATUS = 1 AND INTERNALID = " + p);
        check(List.of(
                new Case("Observation?patient=" + p, ofP),
                new Case("Observation?patient.identifier=" + IHI_SYSTEM + "|" + ihi(p), ofP),
                new Case("Observation?patient=" + p + "&category=vital-signs", ofP + " AND KIND < 100"),
                new Case("Observation?patient=" + p + "&category=http://terminology.hl7.org/CodeSystem/observation-category|social-history",
                        ofP + " AND KIND > 100"),
                new Case("Observation?patient=" + p + "&category=laboratory", ofP + " AND 1 = 0"),
                new Case("Observation?patient=" + p + "&category=vital-signs&date=ge" + lastSeen,
                        ofP + " AND KIND < 100 AND EFFECTIVE >= '" + lastSeen + "'"),
                new Case("Observation?patient=" + p + "&code=http://loinc.org|29463-7", ofP + " AND KIND = 8"),
                new Case("Observation?patient=" + p + "&code=85354-9,http://snomed.info/sct|27113001", ofP + " AND KIND IN (3, 8)"),
                new Case("Observation?patient=" + p + "&code=http://snomed.info/sct|29463-7", ofP + " AND 1 = 0"),
                new Case("Observation?patient=" + p + "&code=http://loinc.org|72166-2", ofP + " AND KIND > 100"),
                new Case("Observation?patient=" + p + "&code=29463-7&date=lt" + lastSeen, ofP + " AND KIND = 8 AND EFFECTIVE < '" + lastSeen + "'"),
                new Case("Observation?patient=" + p + "&category=vital-signs&status=final", ofP + " AND KIND < 100"),
                new Case("Observation?code=72166-2", all + " AND KIND > 100"),
                new Case("Observation?_id=" + one("SELECT MIN(ID) FROM (" + OBSERVATIONS + ") o"),
                        all + " AND ID = '" + one("SELECT MIN(ID) FROM (" + OBSERVATIONS + ") o") + "'")));

        // a blood pressure is the systolic row with the diastolic taken at the same time
        String bp = one("SELECT MIN(RECORDID) FROM OBSERVATIONS s WHERE RECORDSTATUS = 1 AND DATACODE = 3 AND " + LIVE_PATIENT
                + " AND EXISTS (SELECT 1 FROM OBSERVATIONS d WHERE d.INTERNALID = s.INTERNALID AND d.OBSDATE = s.OBSDATE"
                + " AND d.OBSTIME = s.OBSTIME AND d.DATACODE = 4 AND d.RECORDSTATUS = 1)");
        Observation o = (Observation) parse(fhir("bp-premier", key, "Observation/V" + bp));
        assertThat(o.getMeta().getProfile()).extracting(CanonicalType::getValue)
                .contains("http://hl7.org.au/fhir/core/StructureDefinition/au-core-bloodpressure");
        assertThat(o.getComponent()).hasSize(2);
        assertThat(o.getComponent().get(0).getValueQuantity().getValue().toPlainString())
                .isEqualTo(one("SELECT TRIM(DATAVALUE) FROM OBSERVATIONS WHERE RECORDID = " + bp));
        assertThat(o.getComponent().get(1).getValueQuantity().getValue().toPlainString())
                .isEqualTo(one("SELECT MAX(TRIM(d.DATAVALUE)) FROM OBSERVATIONS s JOIN OBSERVATIONS d ON d.INTERNALID = s.INTERNALID"
                        + " AND d.OBSDATE = s.OBSDATE AND d.OBSTIME = s.OBSTIME AND d.DATACODE = 4 AND d.RECORDSTATUS = 1"
                        + " WHERE s.RECORDID = " + bp));
        assertThat(o.getComponent().get(1).getValueQuantity().getCode()).isEqualTo("mm[Hg]");
        // a diastolic row is part of its panel, never an Observation of its own
        String diastolic = one("SELECT MIN(RECORDID) FROM OBSERVATIONS WHERE DATACODE = 4");
        assertThat(fhir("bp-premier", key, "Observation/V" + diastolic).statusCode()).isEqualTo(404);

        String smoker = one("SELECT MIN(RECORDID) FROM CLINICAL WHERE RECORDSTATUS = 1 AND SMOKINGSTATUS = 3 AND " + LIVE_PATIENT);
        Observation s = (Observation) parse(fhir("bp-premier", key, "Observation/S" + smoker));
        assertThat(s.getMeta().getProfile()).extracting(CanonicalType::getValue)
                .contains("http://hl7.org.au/fhir/core/StructureDefinition/au-core-smokingstatus");
        assertThat(s.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("77176002");
        assertThat(fhir("bp-premier", key, "Observation/X1").statusCode()).isEqualTo(404);
    }

    @Test
    void observationPagingWalksVitalsAndSmokingInKeyOrderWithoutGapsOrRepeats() throws Exception {
        List<String> expected = dbIds("SELECT ID FROM (" + OBSERVATIONS + ") o WHERE " + LIVE_PATIENT + " ORDER BY ID");
        assertThat(expected.size()).isGreaterThan(60);
        List<String> walked = new ArrayList<>();
        HttpResponse<String> response = fhir("bp-premier", key, "Observation?_count=25");
        while (true) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            Bundle b = bundle(response);
            b.getEntry().forEach(e -> walked.add(e.getResource().getIdElement().getIdPart()));
            if (b.getLink("next") == null) {
                break;
            }
            response = getUrl(b.getLink("next").getUrl(), key); // the same subscription: its link is bound to it
        }
        assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(walked).anyMatch(id -> id.startsWith("S")).anyMatch(id -> id.startsWith("V"));
    }

    @Test
    void clinicalRowsOfDeletedRecordsAndPseudoPatientsAreNotServed() throws Exception {
        String deletedVisit = one("SELECT MIN(VISITID) FROM VISITS WHERE RECORDSTATUS <> 1");
        if (deletedVisit != null) {
            assertThat(fhir("bp-premier", key, "Encounter/" + deletedVisit).statusCode()).isEqualTo(404);
        }
        String nonVisit = one("SELECT MIN(VISITID) FROM VISITS WHERE VISITCODE = 12");
        if (nonVisit != null) {
            assertThat(fhir("bp-premier", key, "Encounter/" + nonVisit).statusCode()).isEqualTo(404);
        }
        String deletedCondition = one("SELECT MIN(RECORDID) FROM PASTHISTORY WHERE RECORDSTATUS <> 1");
        if (deletedCondition != null) {
            assertThat(fhir("bp-premier", key, "Condition/" + deletedCondition).statusCode()).isEqualTo(404);
        }
        String pseudo = one("SELECT MIN(INTERNALID) FROM PATIENTS WHERE TRIM(SURNAME) = 'DO NOT BOOK'");
        for (String type : List.of("Encounter", "Condition", "Observation", "Immunization", "MedicationRequest")) {
            assertThat(ids(all("bp-premier", key, type + "?patient=" + pseudo))).as(type).isEmpty();
            assertThat(ids(all("bp-premier", key, type + "?patient=0"))).as(type).isEmpty();
            key = acme();
        }
    }
}
