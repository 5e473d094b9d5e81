package org.halocloud.mappings.au;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.StringType;

/** Australian code systems and identifier shapes shared by every vendor's mapping. */
public final class AuCodes {

    public static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public static final String AU_V2_0203 = "http://terminology.hl7.org.au/CodeSystem/v2-0203";
    public static final String INDIGENOUS_STATUS_SYSTEM = "https://healthterminologies.gov.au/fhir/CodeSystem/australian-indigenous-status-1";
    public static final String PRESCRIBER_NUMBER_SYSTEM = "http://ns.electronichealth.net.au/id/medicare-prescriber-number";
    public static final String PROVIDER_NUMBER_SYSTEM = "http://ns.electronichealth.net.au/id/medicare-provider-number";
    public static final String ABN_SYSTEM = "http://hl7.org.au/id/abn";
    /** AU Base medical record numbers: this prefix followed by the HPI-O of the organisation that assigned them. */
    public static final String MEDICAL_RECORD_PREFIX = "http://ns.electronichealth.net.au/id/hpio-scoped/medicalrecord/1.0/";
    public static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
    public static final String DATA_ABSENT_REASON_SYSTEM = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String GENDER_SYSTEM = "http://hl7.org/fhir/administrative-gender";
    public static final String LOINC = "http://loinc.org";
    public static final String UCUM = "http://unitsofmeasure.org";
    /** The Australian Immunisation Register's vaccine codes (e.g. COMIRN). */
    public static final String AIR_VACCINE_SYSTEM =
            "https://www.humanservices.gov.au/organisations/health-professionals/enablers/air-vaccine-code-formats";
    public static final String AHPRA_SYSTEM = "http://hl7.org.au/id/ahpra-registration-number";
    /**
     * ADA item numbers (The Australian Schedule of Dental Services and Glossary). No official canonical URI is
     * published, so this is Halo's own, shared by every dental PMS mapping.
     */
    public static final String ADA_ITEM_SYSTEM = "https://halocloud.org/fhir/CodeSystem/ada-item";

    private AuCodes() {
    }

    public static Identifier ihi(String value) {
        return identifier(V2_0203, "NI", "National unique individual identifier", AuIdentifiers.IHI_SYSTEM, value);
    }

    /** A Medicare card number: 10 digits, or 11 with the individual reference number. */
    public static Identifier medicare(String value) {
        return identifier(V2_0203, "MC", "Patient's Medicare number", AuIdentifiers.MEDICARE_SYSTEM, value);
    }

    /** A DVA file number; {@code cardCode} is DVAU, DVG, DVW, DVO or DVL. */
    public static Identifier dva(String value, String cardCode, String display) {
        return identifier(AU_V2_0203, cardCode, display, AuIdentifiers.DVA_SYSTEM, value);
    }

    public static Identifier hpii(String value) {
        return identifier(V2_0203, "NPI", "National provider identifier", AuIdentifiers.HPII_SYSTEM, value);
    }

    public static Identifier hpio(String value) {
        return identifier(AU_V2_0203, "NOI", "National Organisation Identifier", AuIdentifiers.HPIO_SYSTEM, value);
    }

    public static Identifier prescriberNumber(String value) {
        return identifier(AU_V2_0203, "PRES", "Prescriber Number", PRESCRIBER_NUMBER_SYSTEM, value);
    }

    /** An Ahpra registration number: three letters (the profession) and ten digits. */
    public static Identifier ahpra(String value) {
        return identifier(AU_V2_0203, "AHPRA", "Ahpra Registration Number", AHPRA_SYSTEM, value);
    }

    public static Identifier providerNumber(String value) {
        return identifier(AU_V2_0203, "UPIN", "Medicare Provider Number", PROVIDER_NUMBER_SYSTEM, value);
    }

    /** An ABN: AU Base has no ABN identifier type, its examples use v2-0203 XX (organisation identifier). */
    public static Identifier abn(String value) {
        return identifier(V2_0203, "XX", "ABN", ABN_SYSTEM, value);
    }

    /** A local medical record number, scoped to the practice's HPI-O as AU Base recommends. */
    public static Identifier medicalRecordNumber(String hpio, String value, String practiceName) {
        Identifier id = identifier(V2_0203, "MR", "Medical record number",
                MEDICAL_RECORD_PREFIX + hpio, value);
        id.getAssigner().setDisplay(practiceName);
        return id;
    }

    /** Indigenous status (1 Aboriginal, 2 Torres Strait Islander, 3 both, 4 neither, 9 not stated). */
    public static Extension indigenousStatus(int code) {
        String display = switch (code) {
            case 1 -> "Aboriginal but not Torres Strait Islander origin";
            case 2 -> "Torres Strait Islander but not Aboriginal origin";
            case 3 -> "Both Aboriginal and Torres Strait Islander origin";
            case 4 -> "Neither Aboriginal nor Torres Strait Islander origin";
            default -> "Not stated/inadequately described";
        };
        return new Extension(AuProfiles.INDIGENOUS_STATUS,
                new Coding(INDIGENOUS_STATUS_SYSTEM, code >= 1 && code <= 4 ? Integer.toString(code) : "9", display));
    }

    /** Marks a mandatory element whose value the PMS does not hold. */
    public static Extension unknown() {
        return new Extension(DATA_ABSENT_REASON, new org.hl7.fhir.r4.model.CodeType("unknown"));
    }

    // ---- added for the Zedmed mapping (Centrelink concession cards, IHI statuses) ----

    public static final String CENTRELINK_CRN_SYSTEM = "http://ns.electronichealth.net.au/id/centrelink-customer-reference-number";
    public static final String IHI_STATUS = "http://hl7.org.au/fhir/StructureDefinition/ihi-status";
    public static final String IHI_RECORD_STATUS = "http://hl7.org.au/fhir/StructureDefinition/ihi-record-status";
    public static final String IHI_STATUS_CODES = "https://healthterminologies.gov.au/fhir/CodeSystem/ihi-status-1";
    public static final String IHI_RECORD_STATUS_CODES = "https://healthterminologies.gov.au/fhir/CodeSystem/ihi-record-status-1";

    /** A Pensioner Concession Card (Centrelink customer reference number). */
    public static Identifier pensionerConcessionCard(String value) {
        return identifier(V2_0203, "PEN", "Pensioner Concession Card", CENTRELINK_CRN_SYSTEM, value);
    }

    /** A Health Care Card (Centrelink customer reference number). */
    public static Identifier healthCareCard(String value) {
        return identifier(V2_0203, "HC", "Health Care Card", CENTRELINK_CRN_SYSTEM, value);
    }

    /** A Commonwealth Seniors Health Card (Centrelink customer reference number). */
    public static Identifier seniorsHealthCard(String value) {
        return identifier(AU_V2_0203, "SEN", "Commonwealth Seniors Health Card", CENTRELINK_CRN_SYSTEM, value);
    }

    /** IHI status on an IHI identifier: active, deceased, retired, expired or resolved. */
    public static Extension ihiStatus(String code) {
        return new Extension(IHI_STATUS, new Coding(IHI_STATUS_CODES, code, null));
    }

    /** IHI record status on an IHI identifier: verified, unverified or provisional. */
    public static Extension ihiRecordStatus(String code) {
        return new Extension(IHI_RECORD_STATUS,
                new Coding(IHI_RECORD_STATUS_CODES, code, null));
    }

    /** A coded value the PMS does not hold (e.g. Observation.dataAbsentReason): data-absent-reason {@code unknown}. */
    public static CodeableConcept unknownConcept() {
        return new CodeableConcept(new Coding(DATA_ABSENT_REASON_SYSTEM, "unknown", "Unknown"));
    }

    private static Identifier identifier(String typeSystem, String typeCode, String typeText, String system, String value) {
        Identifier id = new Identifier().setSystem(system).setValue(value);
        id.setType(new CodeableConcept(new Coding(typeSystem, typeCode, null)).setTextElement(new StringType(typeText)));
        return id;
    }
}
