package org.halocloud.mappings.zedmed.fhir;

import static org.halocloud.mappings.zedmed.fhir.ZedmedFhir.LOINC;
import static org.halocloud.mappings.zedmed.fhir.ZedmedFhir.OBSERVATION_CATEGORY;
import static org.halocloud.mappings.zedmed.fhir.ZedmedFhir.SNOMED;
import static org.halocloud.mappings.zedmed.fhir.ZedmedTables.*;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.halocloud.mappings.fhir.Row;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * Observations from MEASUREMENT (vital signs, one AU Core vital-sign profile per MEAS_TYPE) and SOCIAL_HX (AU Core
 * smoking status). Each row's profile depends on its type, so the row mapper sets {@code meta.profile} itself.
 */
final class ZedmedObservations {

    private static final String CORE = "http://hl7.org.au/fhir/core/StructureDefinition/";
    static final String BLOOD_PRESSURE = CORE + "au-core-bloodpressure";
    static final String BODY_WEIGHT = CORE + "au-core-bodyweight";
    static final String BODY_HEIGHT = CORE + "au-core-bodyheight";
    static final String BODY_TEMP = CORE + "au-core-bodytemp";
    static final String HEART_RATE = CORE + "au-core-heartrate";
    static final String RESP_RATE = CORE + "au-core-resprate";
    static final String WAIST = CORE + "au-core-waistcircum";
    static final String SMOKING_STATUS = CORE + "au-core-smokingstatus";
    /** AU Core has no BMI profile: FHIR's own vital-signs BMI profile. */
    static final String BMI = "http://hl7.org/fhir/StructureDefinition/bmi";
    static final String UCUM = "http://unitsofmeasure.org";

    /** How each MEAS_TYPE (and the smoking pseudo-type) is coded, and the profile it meets. */
    record Kind(String loinc, String snomed, String text, String profile, String ucum) {
    }

    static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("BP", new Kind("85354-9", "75367002", "Blood pressure", BLOOD_PRESSURE, "mm[Hg]"));
        KINDS.put("HR", new Kind("8867-4", "364075005", "Heart rate", HEART_RATE, "/min"));
        KINDS.put("TEMP", new Kind("8310-5", "386725007", "Body temperature", BODY_TEMP, "Cel"));
        KINDS.put("WT", new Kind("29463-7", "27113001", "Body weight", BODY_WEIGHT, "kg"));
        KINDS.put("HT", new Kind("8302-2", "50373000", "Body height", BODY_HEIGHT, "cm"));
        KINDS.put("BMI", new Kind("39156-5", "60621009", "Body mass index", BMI, "kg/m2"));
        KINDS.put("WAIST", new Kind("8280-0", "276361009", "Waist circumference", WAIST, "cm"));
        KINDS.put("RR", new Kind("9279-1", "86290005", "Respiratory rate", RESP_RATE, "/min"));
        KINDS.put(SMOKING, new Kind("72166-2", "1747861000168109", "Smoking status", SMOKING_STATUS, null));
    }

    /** Observation.code → the row type, for the {@code code} search. */
    static final Map<String, String> LOINC_CODES = new LinkedHashMap<>();
    static final Map<String, String> SNOMED_CODES = new LinkedHashMap<>();

    static {
        KINDS.forEach((type, kind) -> {
            LOINC_CODES.put(kind.loinc(), type);
            SNOMED_CODES.put(kind.snomed(), type);
        });
    }

    private ZedmedObservations() {
    }

    static Observation observation(Row r) {
        String type = r.text(OBS_TYPE);
        Kind kind = KINDS.get(type);
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setSubject(new Reference("Patient/" + r.text(OBS_PATIENT_ID)));
        if (kind == null) { // a measurement type this mapping does not know: served uncoded, unprofiled
            o.addCategory(category("vital-signs", "Vital Signs"));
            o.setCode(new CodeableConcept().setText(type));
            o.setEffective(effective(r));
            if (r.decimal(VALUE1) != null) {
                o.setValue(new Quantity().setValue(r.decimal(VALUE1)).setUnit(r.text(OBS_TEXT)));
            }
            return o;
        }
        o.getMeta().addProfile(kind.profile());
        CodeableConcept code = new CodeableConcept().setText(kind.text());
        if (SMOKING.equals(type)) {
            code.addCoding(new Coding(SNOMED, kind.snomed(), "Smoking status"));
            code.addCoding(new Coding(LOINC, kind.loinc(), "Tobacco smoking status"));
            o.addCategory(category("social-history", "Social History"));
            o.setCode(code);
            o.setEffective(effective(r));
            smokingValue(o, r.text(OBS_TEXT));
            return o;
        }
        code.addCoding(new Coding(LOINC, kind.loinc(), null));
        code.addCoding(new Coding(SNOMED, kind.snomed(), null));
        o.addCategory(category("vital-signs", "Vital Signs"));
        o.setCode(code);
        o.setEffective(effective(r));
        if (r.text(OBS_CONSULT_ID) != null) {
            o.setEncounter(new Reference("Encounter/" + r.text(OBS_CONSULT_ID)));
        }
        if ("BP".equals(type)) {
            bloodPressure(o, r.decimal(VALUE1), r.decimal(VALUE2));
        } else {
            o.setValue(quantity(r.decimal(VALUE1), r.text(OBS_TEXT), kind.ucum()));
        }
        return o;
    }

    private static void bloodPressure(Observation o, BigDecimal systolic, BigDecimal diastolic) {
        component(o, "8480-6", "271649006", "Systolic blood pressure", systolic);
        component(o, "8462-4", "271650006", "Diastolic blood pressure", diastolic);
    }

    private static void component(Observation o, String loinc, String snomed, String text, BigDecimal value) {
        var c = o.addComponent();
        c.setCode(new CodeableConcept().setText(text)
                .addCoding(new Coding(LOINC, loinc, null))
                .addCoding(new Coding(SNOMED, snomed, null)));
        if (value != null) {
            c.setValue(quantity(value, "mmHg", "mm[Hg]"));
        } else {
            c.setDataAbsentReason(unknown());
        }
    }

    /** SOCIAL_HX.SMOKING: N never, X ex-smoker, C current, U unknown (no value: a data-absent reason instead). */
    private static void smokingValue(Observation o, String smoking) {
        Coding value = switch (String.valueOf(smoking)) {
            case "N" -> new Coding(SNOMED, "266919005", "Never smoked tobacco");
            case "X" -> new Coding(SNOMED, "8517006", "Ex-smoker");
            case "C" -> new Coding(SNOMED, "77176002", "Current smoker");
            default -> null;
        };
        if (value == null) {
            o.setDataAbsentReason(unknown());
        } else {
            o.setValue(new CodeableConcept(value));
        }
    }

    private static Quantity quantity(BigDecimal value, String units, String ucum) {
        Quantity q = new Quantity().setValue(value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros());
        String code = ucum(units, ucum);
        q.setUnit(units != null ? units : code);
        if (code != null) {
            q.setSystem(UCUM).setCode(code);
        }
        return q;
    }

    /** The UCUM code of a unit as Zedmed writes it; the type's own unit when none is recorded. */
    private static String ucum(String units, String expected) {
        if (units == null) {
            return expected;
        }
        return switch (units.strip()) {
            case "mmHg", "mm[Hg]" -> "mm[Hg]";
            case "/min", "bpm", "beats/min", "breaths/min" -> "/min";
            case "Cel", "C", "°C", "degC" -> "Cel";
            case "kg" -> "kg";
            case "g" -> "g";
            case "cm" -> "cm";
            case "m" -> "m";
            case "kg/m2", "kg/m²" -> "kg/m2";
            default -> null;
        };
    }

    private static CodeableConcept category(String code, String display) {
        return new CodeableConcept(new Coding(OBSERVATION_CATEGORY, code, display));
    }

    private static DateTimeType effective(Row r) {
        if (r.dateTime(OBS_EFFECTIVE) == null) {
            DateTimeType absent = new DateTimeType();
            absent.addExtension(org.halocloud.mappings.au.AuCodes.unknown());
            return absent;
        }
        // smoking status is recorded to the day (SMOKING_UPDATED is a date)
        return SMOKING.equals(r.text(OBS_TYPE)) ? ZedmedResources.date(r.date(OBS_EFFECTIVE))
                : ZedmedResources.dateTime(r.dateTime(OBS_EFFECTIVE));
    }

    private static CodeableConcept unknown() {
        return new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown", "Unknown"));
    }
}
