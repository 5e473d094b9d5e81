package org.halocloud.mappings.bppremier.fhir;

import static org.halocloud.mappings.bppremier.fhir.BpTables.*;
import static org.halocloud.mappings.bppremier.fhir.BpPremierFhir.*;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;
import org.halocloud.mappings.au.AuCodes;
import org.halocloud.mappings.au.AuProfiles;
import org.halocloud.mappings.fhir.Row;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/** Row mappers of Bp's observations: the vital signs (OBSERVATIONS.DATACODE) and the smoking status. */
final class BpObservations {

    private BpObservations() {
    }

    /** A vital sign Bp records (OBSERVATIONS.DATACODE), as its AU Core profile codes it. */
    record Vital(String profile, String loinc, String loincDisplay, String snomed, String snomedDisplay, String unit,
                 String ucum) {
    }

    /** DATACODE → vital. 3 is the systolic row, which carries its diastolic (4) as a blood pressure panel. */
    static final Map<Integer, Vital> VITALS = Map.of(
            1, new Vital(AuProfiles.BODY_TEMPERATURE, "8310-5", "Body temperature", "386725007", "Body temperature",
                    "°C", "Cel"),
            2, new Vital(AuProfiles.HEART_RATE, "8867-4", "Heart rate", "364075005", "Heart rate", "beats/minute", "/min"),
            3, new Vital(AuProfiles.BLOOD_PRESSURE, "85354-9", "Blood pressure panel with all children optional",
                    "75367002", "Blood pressure", "mmHg", "mm[Hg]"),
            7, new Vital(AuProfiles.BODY_HEIGHT, "8302-2", "Body height", "50373000", "Body height", "cm", "cm"),
            8, new Vital(AuProfiles.BODY_WEIGHT, "29463-7", "Body weight", "27113001", "Body weight", "kg", "kg"),
            17, new Vital(AuProfiles.WAIST_CIRCUMFERENCE, "8280-0", "Waist Circumference at umbilicus by Tape measure",
                    "276361009", "Waist circumference", "cm", "cm"));

    static final String SMOKING_LOINC = "72166-2";
    static final String SMOKING_SNOMED = "1747861000168109";

    static Observation observation(Row r) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setSubject(new Reference("Patient/" + r.integer(OBS_SUBJECT)));
        LocalDateTime effective = r.dateTime(OBS_EFFECTIVE);
        int kind = r.integer(OBS_KIND);
        if (kind > SMOKING) {
            smokingStatus(o, kind - SMOKING);
            if (effective != null) {
                o.setEffective(BpResources.instant(effective));
            }
            return o;
        }
        Vital vital = VITALS.get(kind);
        o.getMeta().addProfile(vital.profile());
        o.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/observation-category",
                "vital-signs", "Vital Signs")).setText("Vital Signs"));
        o.setCode(new CodeableConcept().addCoding(new Coding(AuCodes.LOINC, vital.loinc(), vital.loincDisplay()))
                .addCoding(new Coding(AuCodes.SNOMED, vital.snomed(), vital.snomedDisplay())).setText(vital.snomedDisplay()));
        if (effective != null) {
            o.setEffective(BpResources.instant(effective));
        } else {
            DateTimeType unknown = new DateTimeType();
            unknown.addExtension(AuCodes.unknown());
            o.setEffective(unknown);
        }
        Integer performer = r.integer(OBS_PERFORMER);
        if (performer != null && performer > 0) {
            o.addPerformer(new Reference("Practitioner/" + performer));
        }
        if (kind == 3) {
            component(o, "8480-6", "Systolic blood pressure", "271649006", "Systolic blood pressure", r.text(OBS_VALUE), vital);
            component(o, "8462-4", "Diastolic blood pressure", "271650006", "Diastolic blood pressure", r.text(OBS_DIASTOLIC), vital);
        } else {
            BigDecimal value = number(r.text(OBS_VALUE));
            if (value != null) {
                o.setValue(quantity(value, vital));
            } else {
                o.setDataAbsentReason(AuCodes.unknownConcept());
            }
        }
        return o;
    }

    private static void component(Observation o, String loinc, String loincDisplay, String snomed, String snomedDisplay,
                                  String value, Vital vital) {
        var c = o.addComponent().setCode(new CodeableConcept().addCoding(new Coding(AuCodes.LOINC, loinc, loincDisplay))
                .addCoding(new Coding(AuCodes.SNOMED, snomed, snomedDisplay)).setText(snomedDisplay));
        BigDecimal number = number(value);
        if (number != null) {
            c.setValue(quantity(number, vital));
        } else {
            c.setDataAbsentReason(AuCodes.unknownConcept());
        }
    }

    /** CLINICAL.SMOKINGSTATUS 1 Non smoker, 2 Ex smoker, 3 Smoker (0, not recorded, is not served). */
    private static void smokingStatus(Observation o, int status) {
        o.getMeta().addProfile(AuProfiles.SMOKING_STATUS);
        o.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/observation-category",
                "social-history", "Social History")).setText("Social History"));
        o.setCode(new CodeableConcept().addCoding(new Coding(AuCodes.SNOMED, SMOKING_SNOMED, null))
                .addCoding(new Coding(AuCodes.LOINC, SMOKING_LOINC, "Tobacco smoking status")).setText("Smoking status"));
        o.setValue(switch (status) {
            case 1 -> new CodeableConcept(new Coding(AuCodes.SNOMED, "266919005", "Never smoked tobacco")).setText("Non smoker");
            case 2 -> new CodeableConcept(new Coding(AuCodes.SNOMED, "8517006", "Ex-smoker")).setText("Ex smoker");
            default -> new CodeableConcept(new Coding(AuCodes.SNOMED, "77176002", "Smoker")).setText("Smoker");
        });
    }

    private static Quantity quantity(BigDecimal value, Vital vital) {
        return new Quantity().setValue(value).setUnit(vital.unit()).setSystem(AuCodes.UCUM).setCode(vital.ucum());
    }

    private static BigDecimal number(String text) {
        if (text == null || !text.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(text);
    }

}
