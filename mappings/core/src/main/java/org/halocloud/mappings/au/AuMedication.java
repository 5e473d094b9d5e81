package org.halocloud.mappings.au;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Reference;

/**
 * The medicine of a MedicationStatement or MedicationRequest as a contained AU Core Medication: every vendor's
 * mapping states its medicine this way (medicationReference "#med"), never as a bare medicationCodeableConcept.
 */
public final class AuMedication {

    /** The local id of the contained Medication. */
    public static final String CONTAINED_ID = "med";

    private AuMedication() {
    }

    /** An AU Core Medication whose code (1..1) is the medicine as the PMS codes and names it. */
    public static Medication of(CodeableConcept code) {
        Medication m = new Medication();
        m.setId(CONTAINED_ID);
        m.getMeta().addProfile(AuProfiles.MEDICATION);
        m.setCode(code);
        return m;
    }

    /**
     * Contains the Medication for {@code code} in {@code owner} and returns the reference to set as its
     * {@code medicationReference}.
     */
    public static Reference contain(DomainResource owner, CodeableConcept code) {
        owner.addContained(of(code));
        return new Reference("#" + CONTAINED_ID);
    }
}
