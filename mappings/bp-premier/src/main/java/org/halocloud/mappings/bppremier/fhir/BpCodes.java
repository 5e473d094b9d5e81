package org.halocloud.mappings.bppremier.fhir;

import static org.halocloud.mappings.bppremier.fhir.BpTables.*;

import java.util.List;
import org.halocloud.mappings.au.AuCodeTables;
import org.halocloud.mappings.au.AuCodes;
import org.halocloud.mappings.fhir.CodeTable;
import org.halocloud.mappings.fhir.CodeTable.Code;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;

/** Bp Premier's code tables, each read by the row mapper and searched through the same declaration. */
final class BpCodes {

    private BpCodes() {
    }

    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";

    /** PATIENTS.SEXCODE (Bp's SEX table): 0 not recorded, 1 male, 2 female, 3 intersex, 4 other; others unknown. */
    static final CodeTable<Integer, AdministrativeGender> SEX = CodeTable
            .of(SEXCODE, AuCodes.GENDER_SYSTEM, AdministrativeGender::toCode)
            .code(AdministrativeGender.MALE, 1)
            .code(AdministrativeGender.FEMALE, 2)
            .code(AdministrativeGender.OTHER, 3, 4)
            .code(AdministrativeGender.UNKNOWN, 0)
            .otherwise(AdministrativeGender.UNKNOWN);

    /** PATIENTS.ETHNICCODE (Bp's ETHNICITY table): AIHW's 1–4, 0 not stated. */
    static final CodeTable<Integer, Integer> INDIGENOUS_STATUS = AuCodeTables.indigenousStatus(ETHNICCODE, 0)
            .absent(AuCodeTables.INDIGENOUS_NOT_STATED).build();

    /** PATIENTS.DVACODE (Bp's DVATYPE table): 1 gold, 2 white, 3 orange; 0 a number without a card type. */
    static final CodeTable<Integer, Code> DVA_CARD = CodeTable.coded(DVACODE, AuCodes.AU_V2_0203)
            .code(AuCodeTables.DVA_GOLD, 1)
            .code(AuCodeTables.DVA_WHITE, 2)
            .code(AuCodeTables.DVA_ORANGE, 3)
            .code(AuCodeTables.DVA_NUMBER, 0)
            .otherwise(AuCodeTables.DVA_NUMBER);

    /** VISITS.VISITCODE (Bp's visit types) as the v3 ActCode class; other types have none (12 is no visit). */
    static final CodeTable<Integer, Code> VISIT_CLASS = CodeTable.coded(VISITCODE, ACT_CODE)
            .code(new Code("AMB", "ambulatory"), 1)
            .code(new Code("HH", "home health"), 2, 4, 8, 11)
            .code(new Code("IMP", "inpatient encounter"), 3)
            .code(new Code("VR", "virtual"), 5, 6, 7, 13)
            .code(new Code("FLD", "field"), 9)
            .build();

    /** PASTHISTORY.STATUSCODE: 1 active; anything else is no longer active. */
    static final CodeTable<Integer, Code> HISTORY_STATUS = CodeTable.coded(HISTORY_STATUSCODE, CONDITION_CLINICAL)
            .code(new Code("active", null), 1)
            .otherwise(new Code("inactive", null));

    /** USERS.USERSTATUS: 1 active, anything else not (a Schedule's {@code active}, a Practitioner's). */
    static final CodeTable<Integer, Boolean> USER_ACTIVE = CodeTable.<Integer, Boolean>of(USERSTATUS, "", String::valueOf)
            .code(true, 1)
            .otherwise(false);

    /** PATIENTS.PATIENTSTATUS (Bp's PATIENTSTATUS table): 2 inactive; 1 active, 3 deceased and any other active. */
    static final CodeTable<Integer, Boolean> PATIENT_ACTIVE = CodeTable.<Integer, Boolean>of(PATIENTSTATUS, "", String::valueOf)
            .code(true, 1)
            .code(false, 2)
            .otherwise(true);

    /** Every table, for the contract test. */
    static final List<CodeTable<?, ?>> ALL = List.of(SEX, INDIGENOUS_STATUS, DVA_CARD, VISIT_CLASS, HISTORY_STATUS,
            USER_ACTIVE, PATIENT_ACTIVE);
}
