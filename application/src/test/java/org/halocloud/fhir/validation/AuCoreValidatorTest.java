package org.halocloud.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The validator has teeth: a valid AU Core patient passes, and breaking it in AU Core's own terms fails. No Spring. */
class AuCoreValidatorTest {

    static final String AU_CORE_PATIENT = "http://hl7.org.au/fhir/core/StructureDefinition/au-core-patient";
    static final String IHI_SYSTEM = "http://ns.electronichealth.net.au/id/hi/ihi/1.0";
    static final String INDIGENOUS_STATUS = "http://hl7.org.au/fhir/StructureDefinition/indigenous-status";
    static final String INDIGENOUS_STATUS_SYSTEM = "https://healthterminologies.gov.au/fhir/CodeSystem/australian-indigenous-status-1";

    @BeforeEach // not @BeforeAll: surefire drops a class-level skip without a trace, a per-test skip is reported
    void definitions() {
        assumeTrue(AuCoreValidator.available(), AuCoreValidator::why);
    }

    static Patient patient(String ihi) {
        Patient p = new Patient();
        p.setId("example");
        p.getMeta().addProfile(AU_CORE_PATIENT);
        p.addIdentifier().setSystem(IHI_SYSTEM).setValue(ihi)
                .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "NI", null))
                        .setText("IHI"));
        p.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily("Wang").addGiven("Grace");
        p.setGender(AdministrativeGender.FEMALE);
        p.setBirthDateElement(new DateType("1968-10-11"));
        return p;
    }

    @Test
    void aValidPatientHasNoErrors() {
        Patient valid = patient("8003608166690503");
        List<SingleValidationMessage> errors = AuCoreValidator.errors(valid);
        assertThat(errors).as("errors:\n%s\nall messages:\n%s", AuCoreValidator.describe(errors),
                AuCoreValidator.describe(AuCoreValidator.validate(valid).getMessages())).isEmpty();
    }

    @Test
    void anAuBaseExtensionIsValidatedByItsDefinition() {
        Patient p = patient("8003608166690503");
        p.addExtension(new Extension(INDIGENOUS_STATUS, new Coding(INDIGENOUS_STATUS_SYSTEM, "4",
                "Neither Aboriginal nor Torres Strait Islander origin")));
        List<SingleValidationMessage> errors = AuCoreValidator.errors(p);
        assertThat(errors).as("errors:\n%s", AuCoreValidator.describe(errors)).isEmpty();

        Patient wrongType = patient("8003608166690503");
        wrongType.addExtension(new Extension(INDIGENOUS_STATUS, new StringType("4")));
        assertThat(AuCoreValidator.describe(AuCoreValidator.errors(wrongType))).contains("indigenous-status");
    }

    @Test
    void usingAnExtensionThatIsOnlyStubbedIsAnError() {
        String pronouns = "http://hl7.org/fhir/StructureDefinition/individual-pronouns";
        assertThat(AuCoreValidator.stubbedExtensions()).contains(pronouns);
        Patient p = patient("8003608166690503");
        p.addExtension().setUrl(pronouns).addExtension("value", new CodeableConcept(new Coding("http://loinc.org", "LA29518-0", "he/him/his/his/himself")));
        assertThat(AuCoreValidator.describe(AuCoreValidator.errors(p))).contains(pronouns);
    }

    @Test
    void coreTypesNamedByVersionedCanonicalResolve() {
        // AU Base's snapshot types dispenseRequest.quantity as SimpleQuantity|4.0.1
        MedicationRequest mr = new MedicationRequest();
        mr.getMeta().addProfile("http://hl7.org.au/fhir/StructureDefinition/au-medicationrequest");
        mr.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE).setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        mr.setSubject(new Reference("Patient/1")).setMedication(new CodeableConcept().setText("Amoxicillin 500 mg capsule"));
        mr.getDispenseRequest().getQuantity().setValue(20).setUnit("capsule");
        List<SingleValidationMessage> errors = AuCoreValidator.errors(mr);
        assertThat(errors).as("errors:\n%s", AuCoreValidator.describe(errors)).isEmpty();
    }

    @Test
    void codesOfCodeSystemsWeCannotLoadAreWarnings() {
        Patient p = patient("8003608166690503");
        p.getMaritalStatus().addCoding().setSystem("http://snomed.info/sct").setCode("87915002"); // SNOMED CT: married
        p.addCommunication().getLanguage().addCoding().setSystem("http://loinc.org").setCode("LA43-2"); // LOINC answer
        var result = AuCoreValidator.validate(p);
        assertThat(AuCoreValidator.errorsOf(result)).as("errors:\n%s", AuCoreValidator.describe(result.getMessages()))
                .isEmpty();
        assertThat(AuCoreValidator.describe(result.getMessages())).contains("WARNING").contains("http://loinc.org");
    }

    @Test
    void aBadIhiCheckDigitIsAnError() {
        List<SingleValidationMessage> errors = AuCoreValidator.errors(patient("8003608166690504"));
        assertThat(errors).as("an IHI failing the Luhn check must be an error").isNotEmpty();
        assertThat(AuCoreValidator.describe(errors)).contains("Patient.identifier").contains("inv-ihi-value-2");
    }

    @Test
    void aPatientWithoutGenderIsAnError() {
        Patient p = patient("8003608166690503");
        p.setGender(null);
        List<SingleValidationMessage> errors = AuCoreValidator.errors(p);
        assertThat(errors).as("AU Core requires Patient.gender (1..1)").isNotEmpty();
        assertThat(AuCoreValidator.describe(errors)).contains("gender");
    }

    @Test
    void anUnknownProfileIsAnError() {
        Patient p = patient("8003608166690503");
        p.getMeta().getProfile().clear();
        p.getMeta().addProfile("http://example.org/StructureDefinition/nothing-here");
        assertThat(AuCoreValidator.describe(AuCoreValidator.errors(p))).contains("nothing-here");
    }

    @Test
    void theSerialisedFormIsValidatedToo() {
        String json = AuCoreValidator.context().newJsonParser().encodeResourceToString(patient("8003608166690503"));
        assertThat(AuCoreValidator.errors(json)).isEmpty();
        String unknownElement = json.replaceFirst("\\{", "{\"colour\":\"blue\",");
        assertThat(AuCoreValidator.describe(AuCoreValidator.errors(unknownElement))).contains("colour");
    }
}
