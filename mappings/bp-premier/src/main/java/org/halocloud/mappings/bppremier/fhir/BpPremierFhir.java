package org.halocloud.mappings.bppremier.fhir;

import static org.halocloud.mappings.bppremier.fhir.BpTables.*;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.halocloud.mappings.au.AuIdentifiers;
import org.halocloud.mappings.au.AuProfiles;
import org.halocloud.mappings.fhir.Params;
import org.halocloud.mappings.fhir.PmsMapping;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Bp Premier (BPSPatients) as AU Core resources. The search specs say which FHIR parameter reads which column;
 * the row mappers are in {@link BpResources}.
 */
public final class BpPremierFhir implements PmsMapping {

    private static final ZoneId ZONE = ZoneId.of("Australia/Sydney");
    private static final String GENDER = "http://hl7.org/fhir/administrative-gender";
    /** Bp's pseudo-patients that block appointment slots: never people. */
    private static final List<String> PSEUDO_PATIENTS = List.of("DO NOT BOOK", "CARE PLAN");
    /** User groups that are clinicians (not reception or management). */
    private static final List<Integer> CLINICAL_GROUPS = List.of(1, 2, 3, 4, 7);

    static final ResourceMapping<Patient, Integer> PATIENT = ResourceMapping
            .of(Patient.class, AuProfiles.PATIENT, PATIENT_ID, Params::integerId)
            .from(PATIENTS.crossJoin(PRACTICE), PATIENT_ID, PATIENTSTATUS, IHI, FIRSTNAME, MIDDLENAME, SURNAME,
                    PREFERREDNAME, ADDRESS1, ADDRESS2, CITY, POSTCODE, DOB, DATEOFDEATH, SEXCODE, ETHNICCODE, HOMEPHONE,
                    WORKPHONE, MOBILEPHONE, MEDICARENO, MEDICARELINENO, MEDICAREEXPIRY, DVACODE, DVANO, RECORDNO,
                    USUAL_DOCTOR, PRACTICE_HPIO, PRACTICENAME)
            .where(PATIENT_RECORDSTATUS.eq(1).and(PATIENT_ID.gt(0)).and(DSL.trim(SURNAME).notIn(PSEUDO_PATIENTS)))
            .search("identifier", Params.identifier(Map.of(
                    AuIdentifiers.IHI_SYSTEM, IHI::eq,
                    AuIdentifiers.MEDICARE_SYSTEM, BpPremierFhir::medicareIs,
                    AuIdentifiers.DVA_SYSTEM, v -> DSL.trim(DVANO).eq(v))))
            .search("family", Params.string(SURNAME))
            .search("given", Params.string(FIRSTNAME, PREFERREDNAME))
            .search("name", Params.string(SURNAME, FIRSTNAME, MIDDLENAME, PREFERREDNAME))
            .search("birthdate", Params.date(DOB, ZONE))
            .search("gender", Params.token(GENDER, Map.of(
                    "male", SEXCODE.eq(1), "female", SEXCODE.eq(2), "other", SEXCODE.in(3, 4), "unknown", SEXCODE.eq(0))))
            .search("indigenous-status", Params.token(org.halocloud.mappings.au.AuCodes.INDIGENOUS_STATUS_SYSTEM, Map.of(
                    "1", ETHNICCODE.eq(1), "2", ETHNICCODE.eq(2), "3", ETHNICCODE.eq(3), "4", ETHNICCODE.eq(4),
                    "9", ETHNICCODE.eq(0))))
            .map(BpResources::patient);

    static final ResourceMapping<Practitioner, Integer> PRACTITIONER = ResourceMapping
            .of(Practitioner.class, AuProfiles.PRACTITIONER, USER_ID, Params::integerId)
            .from(USERS, USER_ID, USERSTATUS, HPII, USER_SURNAME, USER_FIRSTNAME, PRESCRIBERNO, USER_PHONE, USER_EMAIL)
            .where(USER_RECORDSTATUS.eq(1).and(GROUPCODE.in(CLINICAL_GROUPS)))
            .search("identifier", Params.identifier(Map.of(
                    AuIdentifiers.HPII_SYSTEM, HPII::eq,
                    org.halocloud.mappings.au.AuCodes.PRESCRIBER_NUMBER_SYSTEM, v -> DSL.trim(PRESCRIBERNO).eq(v))))
            .search("name", Params.string(USER_SURNAME, USER_FIRSTNAME))
            .search("family", Params.string(USER_SURNAME))
            .map(BpResources::practitioner);

    @Override
    public Set<String> pms() {
        return Set.of("bp-premier");
    }

    @Override
    public ZoneId zone() {
        return ZONE;
    }

    @Override
    public List<ResourceMapping<?, ?>> resources() {
        return List.of(PATIENT, PRACTITIONER);
    }

    /** Medicare as FHIR carries it: the 10-digit card number, optionally followed by the IRN. */
    private static Condition medicareIs(String value) {
        String digits = value.replaceAll("\\D", "");
        if (digits.length() != 10 && digits.length() != 11) {
            return DSL.falseCondition();
        }
        Condition card = DSL.replace(MEDICARENO, DSL.inline(" "), DSL.inline("")).eq(digits.substring(0, 10));
        return digits.length() == 11 ? card.and(DSL.trim(MEDICARELINENO).eq(digits.substring(10))) : card;
    }
}
