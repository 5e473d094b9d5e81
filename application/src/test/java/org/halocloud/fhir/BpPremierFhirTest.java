package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bp Premier through FHIR, each answer compared with the rows in the practice database itself (queried here
 * as the practice, not through the facade).
 */
class BpPremierFhirTest extends FhirIntegrationTest {

    private static final String LIVE = " FROM PATIENTS WHERE RECORDSTATUS = 1 AND INTERNALID > 0 AND TRIM(SURNAME) NOT IN ('DO NOT BOOK', 'CARE PLAN')";

    private String key;

    @BeforeEach
    void freshBudget() {
        key = acme(); // each test has its own rate-limit budget
    }

    private List<String> dbIds(String sql) throws SQLException {
        return column("bp-premier", null, sql);
    }

    private String one(String sql) throws SQLException {
        return value("bp-premier", null, sql);
    }

    @Test
    void readMatchesThePatientsRow() throws Exception {
        String id = one("SELECT MIN(INTERNALID)" + LIVE + " AND IHI IS NOT NULL");
        HttpResponse<String> response = fhir("bp-premier", key, "Patient/" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        Patient p = (Patient) parse(response);
        try (Connection c = asPractice(site("bp-premier").haloGuid(), null); var s = c.createStatement();
             var rs = s.executeQuery("SELECT SURNAME, FIRSTNAME, IHI, DOB, SEXCODE FROM PATIENTS WHERE INTERNALID = " + id)) {
            rs.next();
            assertThat(p.getNameFirstRep().getFamily()).isEqualTo(rs.getString(1).trim());
            assertThat(p.getNameFirstRep().getGivenAsSingleString()).startsWith(rs.getString(2).trim());
            assertThat(p.getIdentifier()).extracting(Identifier::getValue).contains(rs.getString(3).trim());
            assertThat(p.getBirthDateElement().getValueAsString()).isEqualTo(rs.getTimestamp(4).toLocalDateTime().toLocalDate().toString());
            assertThat(p.getGender().toCode()).isEqualTo(switch (rs.getInt(5)) {
                case 1 -> "male";
                case 2 -> "female";
                case 3, 4 -> "other";
                default -> "unknown";
            });
        }
        assertThat(p.getMeta().getProfile().get(0).getValue()).isEqualTo("http://hl7.org.au/fhir/core/StructureDefinition/au-core-patient");
        // trimmed: char(40) padding never reaches FHIR
        assertThat(p.getNameFirstRep().getFamily()).doesNotEndWith(" ");
    }

    @Test
    void pseudoPatientsAndDeletedRecordsAreNotPatients() throws Exception {
        String deleted = dbIds("SELECT INTERNALID FROM PATIENTS WHERE RECORDSTATUS <> 1 ORDER BY INTERNALID").stream().findFirst().orElse(null);
        String pseudo = one("SELECT MIN(INTERNALID) FROM PATIENTS WHERE TRIM(SURNAME) = 'DO NOT BOOK'");
        assertThat(fhir("bp-premier", key, "Patient/" + pseudo).statusCode()).isEqualTo(404);
        if (deleted != null) {
            assertThat(fhir("bp-premier", key, "Patient/" + deleted).statusCode()).isEqualTo(404);
        }
        assertThat(ids(all("bp-premier", key, "Patient?family=do not book"))).isEmpty();
    }

    @Test
    void everySearchReturnsExactlyTheMatchingRows() throws Exception {
        record Case(String search, String sql) {
        }
        String ihi = one("SELECT MIN(IHI)" + LIVE + " AND IHI IS NOT NULL");
        String surname = one("SELECT MIN(TRIM(SURNAME))" + LIVE);
        String medicare = one("SELECT MIN(CONCAT(REPLACE(MEDICARENO, ' ', ''), TRIM(MEDICARELINENO)))" + LIVE + " AND MEDICARENO IS NOT NULL");
        String dva = one("SELECT COALESCE(MIN(TRIM(DVANO)), 'NX000000')" + LIVE + " AND DVANO IS NOT NULL");
        String someId = one("SELECT MAX(INTERNALID)" + LIVE);
        List<Case> cases = List.of(
                new Case("Patient?_id=" + someId, "SELECT INTERNALID" + LIVE + " AND INTERNALID = " + someId),
                new Case("Patient?identifier=http://ns.electronichealth.net.au/id/hi/ihi/1.0|" + ihi,
                        "SELECT INTERNALID" + LIVE + " AND IHI = '" + ihi + "'"),
                new Case("Patient?identifier=http://ns.electronichealth.net.au/id/medicare-number|" + medicare,
                        "SELECT INTERNALID" + LIVE + " AND CONCAT(REPLACE(MEDICARENO, ' ', ''), TRIM(MEDICARELINENO)) = '" + medicare + "'"),
                new Case("Patient?identifier=http://ns.electronichealth.net.au/id/dva|" + dva,
                        "SELECT INTERNALID" + LIVE + " AND TRIM(DVANO) = '" + dva + "'"),
                new Case("Patient?identifier=http://example.org/other|" + ihi, "SELECT INTERNALID" + LIVE + " AND 1 = 0"),
                new Case("Patient?identifier=http://ns.electronichealth.net.au/id/hpio-scoped/medicalrecord/1.0/"
                        + one("SELECT HPIO FROM PRACTICE") + "|" + someId,
                        "SELECT INTERNALID" + LIVE + " AND TRIM(RECORDNO) = '" + someId + "'"),
                new Case("Patient?identifier=http://ns.electronichealth.net.au/id/hpio-scoped/medicalrecord/1.0/8003620000000000|"
                        + someId, "SELECT INTERNALID" + LIVE + " AND 1 = 0"),
                new Case("Patient?family=" + surname.substring(0, 2).toLowerCase(),
                        "SELECT INTERNALID" + LIVE + " AND UPPER(TRIM(SURNAME)) LIKE '" + surname.substring(0, 2).toUpperCase() + "%'"),
                new Case("Patient?family:exact=" + surname, "SELECT INTERNALID" + LIVE + " AND TRIM(SURNAME) = '" + surname + "'"),
                // Bp's collation ignores case; :exact must not (the demo's surnames are capitalised)
                new Case("Patient?family:exact=" + surname.toLowerCase(), "SELECT INTERNALID" + LIVE + " AND 1 = 0"),
                new Case("Patient?gender=female", "SELECT INTERNALID" + LIVE + " AND SEXCODE = 2"),
                new Case("Patient?gender=http://hl7.org/fhir/administrative-gender|male,female",
                        "SELECT INTERNALID" + LIVE + " AND SEXCODE IN (1, 2)"),
                new Case("Patient?birthdate=ge1990-01-01&birthdate=lt2000-01-01",
                        "SELECT INTERNALID" + LIVE + " AND DOB >= '1990-01-01' AND DOB < '2000-01-01'"),
                new Case("Patient?birthdate=1985", "SELECT INTERNALID" + LIVE + " AND DOB >= '1985-01-01' AND DOB < '1986-01-01'"),
                new Case("Patient?family=" + surname + "&gender=male",
                        "SELECT INTERNALID" + LIVE + " AND UPPER(TRIM(SURNAME)) LIKE '" + surname.toUpperCase() + "%' AND SEXCODE = 1"),
                new Case("Patient?indigenous-status=4", "SELECT INTERNALID" + LIVE + " AND ETHNICCODE = 4"),
                new Case("Practitioner?identifier=http://ns.electronichealth.net.au/id/hi/hpii/1.0|"
                        + one("SELECT MIN(HPII) FROM USERS WHERE RECORDSTATUS = 1 AND GROUPCODE IN (1, 2, 3, 4, 7) AND HPII IS NOT NULL"),
                        "SELECT USERID FROM USERS WHERE RECORDSTATUS = 1 AND GROUPCODE IN (1, 2, 3, 4, 7) AND HPII = '"
                                + one("SELECT MIN(HPII) FROM USERS WHERE RECORDSTATUS = 1 AND GROUPCODE IN (1, 2, 3, 4, 7) AND HPII IS NOT NULL") + "'"),
                new Case("Practitioner", "SELECT USERID FROM USERS WHERE RECORDSTATUS = 1 AND GROUPCODE IN (1, 2, 3, 4, 7)"));
        for (Case c : cases) {
            List<Resource> found = all("bp-premier", key, c.search() + (c.search().contains("?") ? "&" : "?") + "_count=100");
            assertThat(ids(found)).as(c.search()).containsExactlyInAnyOrderElementsOf(dbIds(c.sql()));
            key = acme(); // each case may page: keep well inside the rate limit
        }
    }

    @Test
    void pagingWalksEveryMatchOnceWithoutRescanning() throws Exception {
        List<String> expected = dbIds("SELECT INTERNALID" + LIVE + " AND SEXCODE = 2 ORDER BY INTERNALID");
        List<Resource> walked = all("bp-premier", key, "Patient?gender=female&_count=3");
        assertThat(ids(walked)).containsExactlyElementsOf(expected); // in key order, no gaps, no repeats
        // a next link carries its search sealed: tampering with it is refused, not obeyed
        var first = bundle(fhir("bp-premier", key, "Patient?gender=female&_count=3"));
        String next = first.getLink("next").getUrl();
        int at = next.indexOf("_pageId=") + "_pageId=".length();
        String tampered = next.substring(0, at) + (next.charAt(at) == 'A' ? 'B' : 'A') + next.substring(at + 1);
        assertThat(getUrl(tampered, key).statusCode()).isEqualTo(410);
        // and it only works at the site that made it
        String elsewhere = next.replace(site("bp-premier").haloGuid(), site("bp-premier", false).haloGuid());
        assertThat(getUrl(elsewhere, key).statusCode()).isEqualTo(403);
        assertThat(bundle(fhir("bp-premier", key, "Patient?_count=1000")).getEntry()).hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void injectionStringsAreValuesNotCode() throws Exception {
        long before = Long.parseLong(one("SELECT COUNT(*) FROM PATIENTS"));
        String[] attacks = {"x' OR '1'='1", "'; DROP TABLE PATIENTS; --", "%' OR 1=1 --", "\\'); DELETE FROM PATIENTS; --",
                "@1", "?"};
        for (String attack : attacks) {
            for (String search : List.of("Patient?family=", "Patient?name=", "Patient?identifier=", "Patient?_id=",
                    "Patient?gender=", "Patient?birthdate=", "Practitioner?name=", "Patient?identifier=http://ns.electronichealth.net.au/id/hi/ihi/1.0|")) {
                HttpResponse<String> r = fhir("bp-premier", key, search + attack);
                assertThat(r.statusCode()).as(search + attack + " → " + r.body()).isIn(200, 400);
                if (r.statusCode() == 200) {
                    assertThat(bundle(r).getEntry()).as(search + attack).isEmpty();
                }
                key = acme();
            }
        }
        assertThat(Long.parseLong(one("SELECT COUNT(*) FROM PATIENTS"))).isEqualTo(before);
    }

    @Test
    void metadataDeclaresExactlyWhatIsServedAndEveryDeclaredParameterWorks() throws Exception {
        HttpResponse<String> response = fhir("bp-premier", key, "metadata");
        assertThat(response.statusCode()).isEqualTo(200);
        CapabilityStatement cs = (CapabilityStatement) parse(response);
        assertThat(cs.getInstantiates()).extracting(c -> c.getValue())
                .contains("http://hl7.org.au/fhir/core/CapabilityStatement/au-core-responder");
        var resources = cs.getRestFirstRep().getResource();
        assertThat(resources).extracting(r -> r.getType()).contains("Patient", "Practitioner");
        for (var resource : resources) {
            if (List.of("Appointment", "Schedule", "Slot").contains(resource.getType())) {
                assertThat(resource.getSupportedProfile()).as(resource.getType() + ": base R4, no AU profile").isEmpty();
            } else {
                assertThat(resource.getSupportedProfile()).as(resource.getType()).isNotEmpty();
            }
            for (var param : resource.getSearchParam()) {
                String value = switch (param.getType()) {
                    case DATE -> "ge1900-01-01";
                    case TOKEN -> param.getName().equals("gender") ? "female" : "1";
                    case REFERENCE -> "1";
                    default -> "a";
                };
                HttpResponse<String> r = fhir("bp-premier", key, resource.getType() + "?" + param.getName() + "=" + value + "&_count=1" + requiredBounds(resource));
                assertThat(r.statusCode()).as(resource.getType() + "?" + param.getName() + " → " + r.body()).isEqualTo(200);
                key = acme();
            }
        }
        // a PMS that serves no FHIR resource yet says so with an OperationOutcome, not a stack trace
        assertThat(fhir("d4w", key, "Patient").statusCode()).isIn(200, 404);
    }

    @Test
    void practitionerReadAndPatientsUsualDoctorResolves() throws Exception {
        String patient = one("SELECT MIN(INTERNALID)" + LIVE + " AND USERID > 0");
        Patient p = (Patient) parse(fhir("bp-premier", key, "Patient/" + patient));
        String ref = p.getGeneralPractitionerFirstRep().getReference();
        assertThat(ref).startsWith("Practitioner/");
        HttpResponse<String> doctor = fhir("bp-premier", key, ref);
        assertThat(doctor.statusCode()).isEqualTo(200);
        assertThat(((Practitioner) parse(doctor)).getNameFirstRep().getFamily()).isNotBlank();
    }
}
