package org.halocloud.mappings.au;

/** Canonical URLs of the AU Core 2.0.0 profiles and AU Base 6.0.0 extensions the mappings declare and fill. */
public final class AuProfiles {

    private static final String CORE = "http://hl7.org.au/fhir/core/StructureDefinition/";
    private static final String BASE = "http://hl7.org.au/fhir/StructureDefinition/";

    public static final String PATIENT = CORE + "au-core-patient";
    public static final String PRACTITIONER = CORE + "au-core-practitioner";
    public static final String PRACTITIONER_ROLE = CORE + "au-core-practitionerrole";
    public static final String ORGANIZATION = CORE + "au-core-organization";
    public static final String LOCATION = CORE + "au-core-location";
    public static final String ENCOUNTER = CORE + "au-core-encounter";
    public static final String CONDITION = CORE + "au-core-condition";
    public static final String ALLERGY_INTOLERANCE = CORE + "au-core-allergyintolerance";
    public static final String MEDICATION = CORE + "au-core-medication";
    public static final String MEDICATION_STATEMENT = CORE + "au-core-medicationstatement";
    public static final String MEDICATION_REQUEST = CORE + "au-core-medicationrequest";
    public static final String IMMUNIZATION = CORE + "au-core-immunization";
    public static final String PROCEDURE = CORE + "au-core-procedure";
    public static final String BLOOD_PRESSURE = CORE + "au-core-bloodpressure";
    public static final String BODY_WEIGHT = CORE + "au-core-bodyweight";
    public static final String BODY_HEIGHT = CORE + "au-core-bodyheight";
    public static final String BODY_TEMPERATURE = CORE + "au-core-bodytemp";
    public static final String HEART_RATE = CORE + "au-core-heartrate";
    public static final String WAIST_CIRCUMFERENCE = CORE + "au-core-waistcircum";
    public static final String SMOKING_STATUS = CORE + "au-core-smokingstatus";

    public static final String INDIGENOUS_STATUS = BASE + "indigenous-status";
    public static final String MEDICATION_LONG_TERM = BASE + "medication-long-term";

    private AuProfiles() {
    }
}
