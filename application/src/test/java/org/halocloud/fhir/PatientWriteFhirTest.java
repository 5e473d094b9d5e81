package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.halocloud.mappings.au.AuIdentifiers;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Patient create and update over real HTTP, through each PMS's own write path as the integrator's login: read back
 * equal, the row in the vendor's table, versions from the row's stamp (ETag, If-Match, 412), conditional create,
 * refusals that write nothing, the database's grants deciding.
 */
class PatientWriteFhirTest extends FhirIntegrationTest {

    /** Where each PMS keeps its patients: catalogue, table, key and family-name columns. */
    private record Table(String catalogue, String name, String key, String family) {
    }

    private static final Map<String, Table> TABLES = Map.of(
            "bp-premier", new Table(null, "dbo.PATIENTS", "INTERNALID", "SURNAME"),
            "zedmed", new Table("ZEDMED_ADMIN", "PATIENT", "PATIENT_ID", "FAMILY_NAME"),
            "d4w", new Table(null, "PATIENT", "PATIENT_ID", "SURNAME"),
            "d4web", new Table(null, "PATIENT", "PATIENT_ID", "SURNAME"));

    private static final Random RANDOM = new Random();

    private HttpResponse<String> send(String method, String pms, String key, String path, String body, String... headers)
            throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + base(pms) + "/" + path))
                    .header(KEY, key).header("Content-Type", "application/fhir+json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            for (int i = 0; i < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429 || attempt == 6) {
                return response;
            }
            Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
        }
    }

    private static String medicare() {
        return AuIdentifiers.medicareCard(RANDOM); // 10 digits with its check digit and IRN 1
    }

    /** A patient every PMS can hold: names, a mobile, gender, birth date, an Australian address, Medicare, GP. */
    private Patient patient(String pms, String family, String medicare) throws Exception {
        Patient p = new Patient();
        p.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family).addGiven("Ada").addGiven("Mary");
        p.addName().setUse(HumanName.NameUse.USUAL).setFamily(family).addGiven("Addy");
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.MOBILE)
                .setValue("0412 345 678");
        p.setGender(AdministrativeGender.FEMALE);
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1984-02-29"));
        p.addAddress().addLine("12 Wattle St").setCity("Glebe").setPostalCode("2037").setCountry("AU");
        p.addIdentifier().setSystem(AuIdentifiers.MEDICARE_SYSTEM).setValue(medicare);
        if (!pms.equals("bp-premier")) { // BP_AddPatient takes no usual doctor
            String practitioner = bundle(fhir(pms, acme(), "Practitioner?_count=1")).getEntryFirstRep().getResource()
                    .getIdElement().getIdPart();
            p.addGeneralPractitioner().setReference("Practitioner/" + practitioner);
        }
        return p;
    }

    private static String json(Patient p) {
        return FHIR.newJsonParser().encodeResourceToString(p);
    }

    private long rows(String pms, String where) throws Exception {
        Table t = TABLES.get(pms);
        return count(site(pms).haloGuid(), t.catalogue(), "SELECT COUNT(*) FROM " + t.name() + " WHERE " + where);
    }

    private String familyInTable(String pms, String id) throws Exception {
        Table t = TABLES.get(pms);
        return value(pms, t.catalogue(), "SELECT " + t.family() + " FROM " + t.name() + " WHERE " + t.key() + " = " + id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp-premier", "zedmed", "d4w", "d4web"})
    void aCreatedPatientReadsBackAsWrittenAndItsRowIsInTheVendorTable(String pms) throws Exception {
        String key = acme();
        String family = "Writetest" + Math.abs(RANDOM.nextInt(100000));
        Patient sent = patient(pms, family, medicare());
        HttpResponse<String> created = send("POST", pms, key, "Patient", json(sent), "Prefer", "return=representation");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/Patient/\\d+/_history/\\d+$");
        String id = location.replaceAll(".*/Patient/(\\d+)/_history/.*", "$1");
        String etag = created.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("W/\"" + location.replaceAll(".*/_history/", "") + "\"");
        assertThat(familyInTable(pms, id)).isEqualTo(family);

        HttpResponse<String> read = send("GET", pms, key, "Patient/" + id, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).contains(etag);
        Patient back = (Patient) parse(read);
        assertThat(back.getName()).hasSize(2);
        HumanName official = back.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst().orElseThrow();
        assertThat(official.getFamily()).isEqualTo(family);
        assertThat(official.getGiven()).extracting(Object::toString).containsExactly("Ada", "Mary");
        assertThat(back.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.USUAL).findFirst().orElseThrow()
                .getGivenAsSingleString()).isEqualTo("Addy");
        assertThat(back.getTelecom()).extracting(ContactPoint::getValue).containsExactly("0412 345 678");
        assertThat(back.getGender()).isEqualTo(AdministrativeGender.FEMALE);
        assertThat(back.getBirthDateElement().getValueAsString()).isEqualTo("1984-02-29");
        assertThat(back.getAddressFirstRep().getLine().get(0).getValue()).isEqualTo("12 Wattle St");
        assertThat(back.getAddressFirstRep().getCity()).isEqualTo("Glebe");
        assertThat(back.getAddressFirstRep().getPostalCode()).isEqualTo("2037");
        Identifier medicare = back.getIdentifier().stream().filter(i -> AuIdentifiers.MEDICARE_SYSTEM.equals(i.getSystem()))
                .findFirst().orElseThrow();
        assertThat(medicare.getValue()).isEqualTo(sent.getIdentifierFirstRep().getValue());
        assertThat(back.getGeneralPractitionerFirstRep().getReference()).isEqualTo(sent.getGeneralPractitionerFirstRep().getReference());
        assertThat(back.getMeta().getLastUpdated()).isNotNull();
        // what was written reads back as AU Core Patient (where the AU Core package is beside the repo, as in CI)
        if (org.halocloud.fhir.validation.AuCoreValidator.available()) {
            var errors = org.halocloud.fhir.validation.AuCoreValidator.errors(back);
            assertThat(errors).as(org.halocloud.fhir.validation.AuCoreValidator.describe(errors)).isEmpty();
        }
        // vread of the current version answers it; another version is not known
        assertThat(send("GET", pms, key, "Patient/" + id + "/_history/" + back.getMeta().getVersionId(), null).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", pms, key, "Patient/" + id + "/_history/1", null).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp-premier", "zedmed", "d4w", "d4web"})
    void anUpdateNeedsTheCurrentVersionAndAStaleOneChangesNothing(String pms) throws Exception {
        String key = acme();
        String family = "Updatetest" + Math.abs(RANDOM.nextInt(100000));
        HttpResponse<String> created = send("POST", pms, key, "Patient", json(patient(pms, family, medicare())));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/Patient/(\\d+)/_history/.*", "$1");
        HttpResponse<String> read = send("GET", pms, key, "Patient/" + id, null);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        Patient p = (Patient) parse(read);
        p.getName().forEach(n -> n.setFamily(family + "son"));

        HttpResponse<String> updated = send("PUT", pms, key, "Patient/" + id, json(p), "If-Match", etag);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        String newTag = updated.headers().firstValue("ETag").orElseThrow();
        assertThat(newTag).isNotEqualTo(etag);
        assertThat(familyInTable(pms, id)).isEqualTo(family + "son");

        p.getName().forEach(n -> n.setFamily(family + "stale"));
        HttpResponse<String> stale = send("PUT", pms, key, "Patient/" + id, json(p), "If-Match", etag);
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        assertThat(outcome(stale).getIssueFirstRep().getDiagnostics()).contains("version");
        assertThat(familyInTable(pms, id)).isEqualTo(family + "son");
        assertThat(send("PUT", pms, key, "Patient/" + id, json(p), "If-Match", "3").statusCode()).isEqualTo(400);
        // without If-Match the update applies to the current version
        HttpResponse<String> blind = send("PUT", pms, key, "Patient/" + id, json(p));
        assertThat(blind.statusCode()).as(blind.body()).isEqualTo(200);
        assertThat(familyInTable(pms, id)).isEqualTo(family + "stale");
        assertThat(send("PUT", pms, key, "Patient/999999999", json((Patient) p.setId("999999999"))).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp-premier", "zedmed", "d4w", "d4web"})
    void aConditionalCreateWritesOnceAndRefusesAmbiguousCriteria(String pms) throws Exception {
        String key = acme();
        String number = medicare();
        String family = "Condtest" + Math.abs(RANDOM.nextInt(100000));
        String criteria = "identifier=" + AuIdentifiers.MEDICARE_SYSTEM + "|" + number;
        HttpResponse<String> first = send("POST", pms, key, "Patient", json(patient(pms, family, number)), "If-None-Exist", criteria);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> again = send("POST", pms, key, "Patient", json(patient(pms, family, number)), "If-None-Exist", criteria);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(((Patient) parse(again)).getIdElement().getIdPart())
                .isEqualTo(first.headers().firstValue("Location").orElseThrow().replaceAll(".*/Patient/(\\d+)/_history/.*", "$1"));
        assertThat(rows(pms, "TRIM(" + TABLES.get(pms).family() + ") = '" + family + "'")).isEqualTo(1);
        // two patients share the family name: the criteria are ambiguous
        assertThat(send("POST", pms, key, "Patient", json(patient(pms, family, medicare()))).statusCode()).isEqualTo(201);
        HttpResponse<String> many = send("POST", pms, key, "Patient", json(patient(pms, family, medicare())),
                "If-None-Exist", "family=" + family);
        assertThat(many.statusCode()).as(many.body()).isEqualTo(412);
        assertThat(rows(pms, "TRIM(" + TABLES.get(pms).family() + ") = '" + family + "'")).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp-premier", "zedmed", "d4w", "d4web"})
    void badInputIsRefusedWithAnOutcomeAndWritesNothing(String pms) throws Exception {
        String key = acme();
        String family = "Badtest" + Math.abs(RANDOM.nextInt(100000));
        String where = "TRIM(" + TABLES.get(pms).family() + ") = '" + family + "'";
        Patient good = patient(pms, family, medicare());

        HttpResponse<String> malformed = send("POST", pms, key, "Patient", "{\"resourceType\":\"Patient\",\"name\":[");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(parse(malformed)).isInstanceOf(OperationOutcome.class);
        assertThat(send("POST", pms, key, "Patient", "{\"resourceType\":\"Practitioner\"}").statusCode()).isEqualTo(400);

        Patient badMedicare = good.copy();
        badMedicare.getIdentifierFirstRep().setValue("2123456781"); // wrong check digit
        HttpResponse<String> checkDigit = send("POST", pms, key, "Patient", json(badMedicare));
        assertThat(checkDigit.statusCode()).as(checkDigit.body()).isEqualTo(422);
        assertThat(outcome(checkDigit).getIssueFirstRep().getDiagnostics()).contains("Medicare");

        Patient badIhi = good.copy();
        badIhi.addIdentifier().setSystem(AuIdentifiers.IHI_SYSTEM).setValue("8003608166690504");
        assertThat(send("POST", pms, key, "Patient", json(badIhi)).statusCode()).isEqualTo(422);

        Patient unknownGp = good.copy();
        unknownGp.getGeneralPractitioner().clear();
        unknownGp.addGeneralPractitioner().setReference("Organization/1");
        assertThat(send("POST", pms, key, "Patient", json(unknownGp)).statusCode()).isEqualTo(422);

        Patient nameless = good.copy();
        nameless.getName().clear();
        assertThat(send("POST", pms, key, "Patient", json(nameless)).statusCode()).isEqualTo(422);

        Patient emptyContact = good.copy();
        emptyContact.addContact().setGender(AdministrativeGender.MALE); // R4 pat-1: a contact needs a name, telecom, address or organisation
        HttpResponse<String> structure = send("POST", pms, key, "Patient", json(emptyContact));
        assertThat(structure.statusCode()).as(structure.body()).isEqualTo(422);
        assertThat(structure.body()).as("validated against AU Base before anything else").contains("pat-1");

        Patient married = good.copy();
        married.getMaritalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-MaritalStatus").setCode("M");
        HttpResponse<String> unheld = send("POST", pms, key, "Patient", json(married));
        assertThat(unheld.statusCode()).as(unheld.body()).isEqualTo(422);
        assertThat(unheld.body()).contains("Patient.maritalStatus");
        assertThat(rows(pms, where)).as("nothing written by a refused request").isZero();

        HttpResponse<String> lenient = send("POST", pms, key, "Patient", json(married), "Prefer", "handling=lenient");
        assertThat(lenient.statusCode()).as(lenient.body()).isEqualTo(201);
        assertThat(rows(pms, where)).isEqualTo(1);
        assertThat(((Patient) parse(send("GET", pms, key, lenient.headers().firstValue("Location").orElseThrow()
                .replaceAll(".*/(Patient/\\d+)/_history/.*", "$1"), null))).hasMaritalStatus()).isFalse();
    }

    @Test
    void bpPremiersAddPatientTakesNoIhiSoAnIhiIsRefusedNotDropped() throws Exception {
        Patient p = patient("bp-premier", "Ihitest" + Math.abs(RANDOM.nextInt(100000)), medicare());
        p.addIdentifier().setSystem(AuIdentifiers.IHI_SYSTEM).setValue(AuIdentifiers.ihi(RANDOM));
        HttpResponse<String> refused = send("POST", "bp-premier", acme(), "Patient", json(p));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("Patient.identifier (" + AuIdentifiers.IHI_SYSTEM + ")");
        p.getIdentifier().removeIf(i -> AuIdentifiers.IHI_SYSTEM.equals(i.getSystem()));
        p.addGeneralPractitioner().setReference("Practitioner/1");
        HttpResponse<String> gp = send("POST", "bp-premier", acme(), "Patient", json(p));
        assertThat(gp.statusCode()).as(gp.body()).isEqualTo(422);
        assertThat(gp.body()).contains("Patient.generalPractitioner");
    }

    @Test
    void aLoginWithoutThePracticesWriteGrantIsRefusedByTheDatabaseAndNothingIsWritten() throws Exception {
        String family = "Granttest" + Math.abs(RANDOM.nextInt(100000));
        assertThat(manifest().sites().stream().filter(s -> s.pms().equals("bp-premier") && s.authoritative())
                .findFirst().orElseThrow().writes()).containsEntry("Beta Bookings", List.of("bookings"))
                .containsEntry("Acme Health", List.of("bookings", "patients"));
        HttpResponse<String> refused = send("POST", "bp-premier", freshKey("Beta Bookings"), "Patient",
                json(patient("bp-premier", family, medicare())));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(outcome(refused).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
        assertThat(rows("bp-premier", "TRIM(SURNAME) = '" + family + "'")).isZero();
    }

    @Test
    void aWrittenPatientsNameNeverReachesTheLog() throws Exception {
        String planted = "Plantedname" + Math.abs(RANDOM.nextInt(100000));
        assertThat(send("POST", "bp-premier", acme(), "Patient", json(patient("bp-premier", planted, medicare())))
                .statusCode()).isEqualTo(201);
        assertThat(send("POST", "bp-premier", freshKey("Beta Bookings"), "Patient",
                json(patient("bp-premier", planted, medicare()))).statusCode()).isEqualTo(403);
        assertThat(logText()).doesNotContain(planted);
    }

    @Test
    void metadataDeclaresWhatEachSiteCanWrite() throws Exception {
        CapabilityStatement bp = (CapabilityStatement) parse(fhir("bp-premier", acme(), "metadata"));
        var patient = bp.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("Patient")).findFirst().orElseThrow();
        assertThat(patient.getInteraction()).extracting(i -> i.getCode().toCode()).contains("read", "vread", "create", "update");
        assertThat(patient.getConditionalCreate()).isTrue();
        assertThat(patient.getVersioning()).isEqualTo(CapabilityStatement.ResourceVersionPolicy.VERSIONEDUPDATE);
        for (String pms : List.of("bp-premier", "zedmed", "d4w", "d4web")) {
            CapabilityStatement site = (CapabilityStatement) parse(fhir(pms, acme(), "metadata"));
            var appointment = site.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("Appointment"))
                    .findFirst().orElseThrow();
            assertThat(appointment.getInteraction()).as(pms).extracting(i -> i.getCode().toCode())
                    .contains("create", "update", "patch");
            var slot = site.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("Slot")).findFirst().orElseThrow();
            assertThat(slot.getInteraction()).as(pms).extracting(i -> i.getCode().toCode()).doesNotContain("create", "patch");
        }
        var practitioner = bp.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("Practitioner")).findFirst().orElseThrow();
        assertThat(practitioner.getInteraction()).extracting(i -> i.getCode().toCode()).doesNotContain("create", "update");
        assertThat(send("POST", "bp-premier", acme(), "Practitioner", "{\"resourceType\":\"Practitioner\"}").statusCode())
                .isEqualTo(405);
    }
}
