package org.halocloud.mappings.zedmed.fhir;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The Zedmed tables and columns the FHIR mapping reads, by their real names. Zedmed is a pair of databases:
 * {@link #ADMIN} (practice, people, appointment book) and {@link #CLINICAL} (the clinical record), with no keys
 * across them. Where a resource needs columns of two tables, or a key the vendor does not have, it reads a derived
 * table whose column names are unique (the engine labels columns by their unqualified names).
 */
final class ZedmedTables {

    private ZedmedTables() {
    }

    static final String ADMIN = "ZEDMED_ADMIN";
    static final String CLINICAL = "ZEDMED_CLINICAL";

    private static <T> Field<T> f(String table, String column, Class<T> type) {
        return DSL.field(DSL.name(table, column), type);
    }

    // ---------------------------------------------------------------- ADMIN

    static final Table<?> BRANCH = DSL.table(DSL.name("BRANCH"));
    static final Field<Integer> BRANCH_ID = f("BRANCH", "BRANCH_ID", Integer.class);
    static final Field<String> BRANCH_NAME = f("BRANCH", "BRANCH_NAME", String.class);
    static final Field<String> BRANCH_ADDR_LINE1 = f("BRANCH", "ADDR_LINE1", String.class);
    static final Field<String> BRANCH_ADDR_LINE2 = f("BRANCH", "ADDR_LINE2", String.class);
    static final Field<String> BRANCH_SUBURB = f("BRANCH", "SUBURB", String.class);
    static final Field<String> BRANCH_STATE = f("BRANCH", "STATE", String.class);
    static final Field<String> BRANCH_POSTCODE = f("BRANCH", "POSTCODE", String.class);
    static final Field<String> BRANCH_PHONE = f("BRANCH", "PHONE", String.class);
    static final Field<String> BRANCH_HPIO = f("BRANCH", "HPIO", String.class);
    static final Field<String> BRANCH_ABN = f("BRANCH", "ABN", String.class);
    static final Field<Integer> BRANCH_DELETED = f("BRANCH", "DELETED", Integer.class);

    static final Table<?> DOCTOR = DSL.table(DSL.name("DOCTOR"));
    static final Field<String> DR_CODE = f("DOCTOR", "DR_CODE", String.class);
    static final Field<String> DR_TITLE = f("DOCTOR", "TITLE", String.class);
    static final Field<String> DR_GIVEN_NAME = f("DOCTOR", "GIVEN_NAME", String.class);
    static final Field<String> DR_FAMILY_NAME = f("DOCTOR", "FAMILY_NAME", String.class);
    static final Field<String> DR_SEX = f("DOCTOR", "SEX", String.class);
    static final Field<String> DR_HPII = f("DOCTOR", "HPII", String.class);
    static final Field<String> DR_PRESCRIBER_NO = f("DOCTOR", "PRESCRIBER_NO", String.class);
    static final Field<String> DR_AHPRA_NO = f("DOCTOR", "AHPRA_NO", String.class);
    static final Field<String> DR_SPECIALTY = f("DOCTOR", "SPECIALTY", String.class);
    static final Field<Integer> DR_IS_ACTIVE = f("DOCTOR", "IS_ACTIVE", Integer.class);

    static final Table<?> DR_SCHEDULE = DSL.table(DSL.name("DR_SCHEDULE"));
    static final Field<String> SCHEDULE_DR_CODE = f("DR_SCHEDULE", "DR_CODE", String.class);
    /** 1 = Monday .. 7 = Sunday. */
    static final Field<Integer> SCHEDULE_WEEKDAY = f("DR_SCHEDULE", "WEEKDAY", Integer.class);
    static final Field<Integer> SCHEDULE_BRANCH_ID = f("DR_SCHEDULE", "BRANCH_ID", Integer.class);
    static final Field<Object> SCHEDULE_START_TIME = f("DR_SCHEDULE", "START_TIME", Object.class);
    static final Field<Object> SCHEDULE_END_TIME = f("DR_SCHEDULE", "END_TIME", Object.class);
    static final Field<Integer> SCHEDULE_SLOT_MINUTES = f("DR_SCHEDULE", "SLOT_MINUTES", Integer.class);
    static final Field<Integer> SCHEDULE_ACTIVITY_TYPE_ID = f("DR_SCHEDULE", "ACTIVITY_TYPE_ID", Integer.class);
    static final Field<LocalDateTime> SCHEDULE_EFFECTIVE_FROM = f("DR_SCHEDULE", "EFFECTIVE_FROM", LocalDateTime.class);
    static final Field<LocalDateTime> SCHEDULE_EFFECTIVE_TO = f("DR_SCHEDULE", "EFFECTIVE_TO", LocalDateTime.class);

    /** The Appointment Grid's activity types: BOOKABLE 0 blocks (lunch, admin) are not appointment time. */
    static final Table<?> ACTIVITY_TYPE = DSL.table(DSL.name("ACTIVITY_TYPE"));
    static final Field<Integer> ACTIVITY_TYPE_ID = f("ACTIVITY_TYPE", "ACTIVITY_TYPE_ID", Integer.class);
    static final Field<Integer> ACTIVITY_BOOKABLE = f("ACTIVITY_TYPE", "BOOKABLE", Integer.class);

    static final Table<?> DOCTOR_BRANCH = DSL.table(DSL.name("DOCTOR_BRANCH"));
    static final Field<String> DB_DR_CODE = f("DOCTOR_BRANCH", "DR_CODE", String.class);
    static final Field<Integer> DB_BRANCH_ID = f("DOCTOR_BRANCH", "BRANCH_ID", Integer.class);
    static final Field<String> DB_PROVIDER_NO = f("DOCTOR_BRANCH", "PROVIDER_NO", String.class);

    static final Table<?> PATIENT = DSL.table(DSL.name("PATIENT"));
    static final Field<Integer> PATIENT_ID = f("PATIENT", "PATIENT_ID", Integer.class);
    static final Field<String> CHART_NO = f("PATIENT", "CHART_NO", String.class);
    static final Field<String> TITLE = f("PATIENT", "TITLE", String.class);
    static final Field<String> GIVEN_NAME = f("PATIENT", "GIVEN_NAME", String.class);
    static final Field<String> MIDDLE_NAME = f("PATIENT", "MIDDLE_NAME", String.class);
    static final Field<String> FAMILY_NAME = f("PATIENT", "FAMILY_NAME", String.class);
    static final Field<String> PREFERRED_NAME = f("PATIENT", "PREFERRED_NAME", String.class);
    static final Field<LocalDateTime> DOB = f("PATIENT", "DOB", LocalDateTime.class);
    static final Field<String> SEX = f("PATIENT", "SEX", String.class);
    static final Field<String> ADDR_LINE1 = f("PATIENT", "ADDR_LINE1", String.class);
    static final Field<String> ADDR_LINE2 = f("PATIENT", "ADDR_LINE2", String.class);
    static final Field<String> SUBURB = f("PATIENT", "SUBURB", String.class);
    static final Field<String> STATE = f("PATIENT", "STATE", String.class);
    static final Field<String> POSTCODE = f("PATIENT", "POSTCODE", String.class);
    static final Field<String> HOME_PHONE = f("PATIENT", "HOME_PHONE", String.class);
    static final Field<String> WORK_PHONE = f("PATIENT", "WORK_PHONE", String.class);
    static final Field<String> MOBILE_PHONE = f("PATIENT", "MOBILE_PHONE", String.class);
    static final Field<String> EMAIL = f("PATIENT", "EMAIL", String.class);
    static final Field<String> MEDICARE_NO = f("PATIENT", "MEDICARE_NO", String.class);
    static final Field<String> MEDICARE_IRN = f("PATIENT", "MEDICARE_IRN", String.class);
    static final Field<String> MEDICARE_EXPIRY = f("PATIENT", "MEDICARE_EXPIRY", String.class);
    static final Field<String> DVA_NO = f("PATIENT", "DVA_NO", String.class);
    static final Field<String> DVA_CARD_TYPE = f("PATIENT", "DVA_CARD_TYPE", String.class);
    static final Field<String> CONCESSION_NO = f("PATIENT", "CONCESSION_NO", String.class);
    static final Field<String> CONCESSION_TYPE = f("PATIENT", "CONCESSION_TYPE", String.class);
    static final Field<String> IHI = f("PATIENT", "IHI", String.class);
    static final Field<String> IHI_STATUS = f("PATIENT", "IHI_STATUS", String.class);
    static final Field<String> IHI_RECORD_STATUS = f("PATIENT", "IHI_RECORD_STATUS", String.class);
    static final Field<Integer> INDIGENOUS_STATUS = f("PATIENT", "INDIGENOUS_STATUS", Integer.class);
    static final Field<String> USUAL_DR_CODE = f("PATIENT", "USUAL_DR_CODE", String.class);
    static final Field<LocalDateTime> DECEASED_DATE = f("PATIENT", "DECEASED_DATE", LocalDateTime.class);
    static final Field<Integer> PATIENT_IS_ACTIVE = f("PATIENT", "IS_ACTIVE", Integer.class);
    static final Field<LocalDateTime> PATIENT_CREATED_AT = f("PATIENT", "CREATED_AT", LocalDateTime.class);
    static final Field<LocalDateTime> PATIENT_UPDATED_AT = f("PATIENT", "UPDATED_AT", LocalDateTime.class);
    /** Zedmed's generator of patient ids (a sequence of the same name in the H2 demo). */
    static final org.jooq.Sequence<Integer> GEN_PATIENT_ID = DSL.sequence(DSL.name("GEN_PATIENT_ID"), Integer.class);

    /** The practice the chart numbers belong to: the first branch still open (its HPI-O scopes the MRN). */
    static final Table<?> PRACTICE = DSL.select(BRANCH_HPIO.as("PRACTICE_HPIO"), BRANCH_NAME.as("PRACTICE_NAME"))
            .from(BRANCH)
            .where(BRANCH_ID.eq(DSL.select(DSL.min(BRANCH_ID)).from(BRANCH).where(BRANCH_DELETED.eq(0))))
            .asTable("ZM_PRACTICE");
    static final Field<String> PRACTICE_HPIO = f("ZM_PRACTICE", "PRACTICE_HPIO", String.class);
    static final Field<String> PRACTICE_NAME = f("ZM_PRACTICE", "PRACTICE_NAME", String.class);

    /** A doctor at a branch (DOCTOR_BRANCH with both ends): the key is {@code DR_CODE-BRANCH_ID}. */
    static final Table<?> ROLE = DSL.select(
                    DSL.concat(DB_DR_CODE, DSL.inline("-"), DB_BRANCH_ID.cast(SQLDataType.VARCHAR(11))).as("ROLE_ID"),
                    DB_DR_CODE.as("ROLE_DR_CODE"), DB_BRANCH_ID.as("ROLE_BRANCH_ID"), DB_PROVIDER_NO.as("PROVIDER_NO"),
                    DR_TITLE.as("ROLE_DR_TITLE"), DR_GIVEN_NAME.as("ROLE_DR_GIVEN"), DR_FAMILY_NAME.as("ROLE_DR_FAMILY"),
                    DR_SPECIALTY.as("ROLE_SPECIALTY"), DR_IS_ACTIVE.as("ROLE_ACTIVE"),
                    BRANCH_NAME.as("ROLE_BRANCH_NAME"), BRANCH_PHONE.as("ROLE_PHONE"))
            .from(DOCTOR_BRANCH)
            .join(DOCTOR).on(DR_CODE.eq(DB_DR_CODE))
            .join(BRANCH).on(BRANCH_ID.eq(DB_BRANCH_ID))
            .where(BRANCH_DELETED.eq(0))
            .asTable("ZM_ROLE");
    static final Field<String> ROLE_ID = f("ZM_ROLE", "ROLE_ID", String.class);
    static final Field<String> ROLE_DR_CODE = f("ZM_ROLE", "ROLE_DR_CODE", String.class);
    static final Field<Integer> ROLE_BRANCH_ID = f("ZM_ROLE", "ROLE_BRANCH_ID", Integer.class);
    static final Field<String> PROVIDER_NO = f("ZM_ROLE", "PROVIDER_NO", String.class);
    static final Field<String> ROLE_DR_TITLE = f("ZM_ROLE", "ROLE_DR_TITLE", String.class);
    static final Field<String> ROLE_DR_GIVEN = f("ZM_ROLE", "ROLE_DR_GIVEN", String.class);
    static final Field<String> ROLE_DR_FAMILY = f("ZM_ROLE", "ROLE_DR_FAMILY", String.class);
    static final Field<String> ROLE_SPECIALTY = f("ZM_ROLE", "ROLE_SPECIALTY", String.class);
    static final Field<Integer> ROLE_ACTIVE = f("ZM_ROLE", "ROLE_ACTIVE", Integer.class);
    static final Field<String> ROLE_BRANCH_NAME = f("ZM_ROLE", "ROLE_BRANCH_NAME", String.class);
    static final Field<String> ROLE_PHONE = f("ZM_ROLE", "ROLE_PHONE", String.class);

    static final Table<?> APPOINTMENT = DSL.table(DSL.name("APPOINTMENT"));
    static final Field<Long> AP_APPT_ID = f("APPOINTMENT", "APPT_ID", Long.class);
    static final Field<LocalDateTime> AP_APPT_DATE = f("APPOINTMENT", "APPT_DATE", LocalDateTime.class);
    static final Field<Object> AP_START_TIME = f("APPOINTMENT", "START_TIME", Object.class);
    static final Field<String> AP_DR_CODE = f("APPOINTMENT", "DR_CODE", String.class);
    static final Field<Integer> AP_DURATION_MIN = f("APPOINTMENT", "DURATION_MIN", Integer.class);
    static final Field<String> AP_STATUS = f("APPOINTMENT", "STATUS", String.class);
    static final Field<Integer> AP_PATIENT_ID = f("APPOINTMENT", "PATIENT_ID", Integer.class);
    static final Field<Integer> AP_BRANCH_ID = f("APPOINTMENT", "BRANCH_ID", Integer.class);
    static final Field<String> AP_REASON = f("APPOINTMENT", "REASON", String.class);
    static final Field<String> AP_SOURCE = f("APPOINTMENT", "SOURCE", String.class);
    static final Field<String> AP_CANCEL_REASON = f("APPOINTMENT", "CANCEL_REASON", String.class);
    static final Field<LocalDateTime> AP_CREATED_AT = f("APPOINTMENT", "CREATED_AT", LocalDateTime.class);
    static final Field<String> AP_CREATED_BY = f("APPOINTMENT", "CREATED_BY", String.class);
    static final Field<LocalDateTime> AP_UPDATED_AT = f("APPOINTMENT", "UPDATED_AT", LocalDateTime.class);
    /** Zedmed's generator of appointment ids (a sequence of the same name in the H2 demo). */
    static final org.jooq.Sequence<Long> GEN_APPT_ID = DSL.sequence(DSL.name("GEN_APPT_ID"), Long.class);
    static final Table<?> APPT_TYPE = DSL.table(DSL.name("APPT_TYPE"));
    static final Field<Integer> AT_APPT_TYPE_ID = f("APPT_TYPE", "APPT_TYPE_ID", Integer.class);

    /** APPOINTMENT with its start as one timestamp (date and time are two columns) and its type's name. */
    static final Table<?> APPT = DSL.select(
                    AP_APPT_ID.as("APPT_ID"), f("APPOINTMENT", "PATIENT_ID", Integer.class).as("APPT_PATIENT_ID"),
                    f("APPOINTMENT", "DR_CODE", String.class).as("APPT_DR_CODE"),
                    f("APPOINTMENT", "BRANCH_ID", Integer.class).as("APPT_BRANCH_ID"),
                    DSL.concat(AP_APPT_DATE.cast(SQLDataType.VARCHAR(10)), DSL.inline(" "),
                            AP_START_TIME.cast(SQLDataType.VARCHAR(13))).cast(SQLDataType.LOCALDATETIME).as("APPT_START"), // 13: Firebird writes 09:00:00.0000
                    f("APPOINTMENT", "DURATION_MIN", Integer.class).as("DURATION_MIN"),
                    f("APPOINTMENT", "STATUS", String.class).as("APPT_STATUS"),
                    f("APPOINTMENT", "REASON", String.class).as("APPT_REASON"),
                    f("APPOINTMENT", "NOTE", String.class).as("APPT_NOTE"),
                    f("APPOINTMENT", "CANCEL_REASON", String.class).as("CANCEL_REASON"),
                    f("APPOINTMENT", "CREATED_AT", LocalDateTime.class).as("APPT_CREATED_AT"),
                    f("APPT_TYPE", "DESCRIPTION", String.class).as("APPT_TYPE_NAME"),
                    ACTIVITY_TYPE_ID.as("APPT_ACTIVITY_ID"), f("ACTIVITY_TYPE", "DESCRIPTION", String.class).as("APPT_ACTIVITY_NAME"))
            .from(APPOINTMENT)
            .leftJoin(APPT_TYPE).on(AT_APPT_TYPE_ID.eq(f("APPOINTMENT", "APPT_TYPE_ID", Integer.class)))
            .leftJoin(ACTIVITY_TYPE).on(ACTIVITY_TYPE_ID.eq(f("APPT_TYPE", "ACTIVITY_TYPE_ID", Integer.class)))
            .asTable("ZM_APPT");
    static final Field<Long> APPT_ID = f("ZM_APPT", "APPT_ID", Long.class);
    static final Field<Integer> APPT_PATIENT_ID = f("ZM_APPT", "APPT_PATIENT_ID", Integer.class);
    static final Field<String> APPT_DR_CODE = f("ZM_APPT", "APPT_DR_CODE", String.class);
    static final Field<Integer> APPT_BRANCH_ID = f("ZM_APPT", "APPT_BRANCH_ID", Integer.class);
    static final Field<LocalDateTime> APPT_START = f("ZM_APPT", "APPT_START", LocalDateTime.class);
    static final Field<Integer> DURATION_MIN = f("ZM_APPT", "DURATION_MIN", Integer.class);
    static final Field<String> APPT_STATUS = f("ZM_APPT", "APPT_STATUS", String.class);
    static final Field<String> APPT_REASON = f("ZM_APPT", "APPT_REASON", String.class);
    static final Field<String> APPT_NOTE = f("ZM_APPT", "APPT_NOTE", String.class);
    static final Field<String> CANCEL_REASON = f("ZM_APPT", "CANCEL_REASON", String.class);
    static final Field<LocalDateTime> APPT_CREATED_AT = f("ZM_APPT", "APPT_CREATED_AT", LocalDateTime.class);
    static final Field<String> APPT_TYPE_NAME = f("ZM_APPT", "APPT_TYPE_NAME", String.class);
    /** The Appointment Grid activity (Consulting, Procedures, Telehealth) the appointment type belongs to. */
    static final Field<Integer> APPT_ACTIVITY_ID = f("ZM_APPT", "APPT_ACTIVITY_ID", Integer.class);
    static final Field<String> APPT_ACTIVITY_NAME = f("ZM_APPT", "APPT_ACTIVITY_NAME", String.class);

    // ---------------------------------------------------------------- CLINICAL

    static final Table<?> CONSULT = DSL.table(DSL.name("CONSULT"));
    static final Field<Long> CONSULT_ID = f("CONSULT", "CONSULT_ID", Long.class);
    static final Field<Integer> CONSULT_PATIENT_ID = f("CONSULT", "PATIENT_ID", Integer.class);
    static final Field<String> CONSULT_DR_CODE = f("CONSULT", "DR_CODE", String.class);
    static final Field<Integer> CONSULT_BRANCH_ID = f("CONSULT", "BRANCH_ID", Integer.class);
    static final Field<Long> CONSULT_APPT_ID = f("CONSULT", "APPT_ID", Long.class);
    static final Field<LocalDateTime> CONSULT_START = f("CONSULT", "CONSULT_START", LocalDateTime.class);
    static final Field<LocalDateTime> CONSULT_END = f("CONSULT", "CONSULT_END", LocalDateTime.class);
    static final Field<String> CONSULT_TYPE = f("CONSULT", "CONSULT_TYPE", String.class);
    static final Field<String> CONSULT_REASON = f("CONSULT", "REASON", String.class);

    static final Table<?> PROBLEM = DSL.table(DSL.name("PROBLEM"));
    static final Field<Long> PROBLEM_ID = f("PROBLEM", "PROBLEM_ID", Long.class);
    static final Field<Integer> PROBLEM_PATIENT_ID = f("PROBLEM", "PATIENT_ID", Integer.class);
    static final Field<String> PROBLEM_DESCRIPTION = f("PROBLEM", "DESCRIPTION", String.class);
    static final Field<String> SNOMED_ID = f("PROBLEM", "SNOMED_ID", String.class);
    static final Field<LocalDateTime> ONSET_DATE = f("PROBLEM", "ONSET_DATE", LocalDateTime.class);
    static final Field<LocalDateTime> RESOLVED_DATE = f("PROBLEM", "RESOLVED_DATE", LocalDateTime.class);
    static final Field<Integer> PROBLEM_IS_ACTIVE = f("PROBLEM", "IS_ACTIVE", Integer.class);
    static final Field<Integer> IS_PAST_HISTORY = f("PROBLEM", "IS_PAST_HISTORY", Integer.class);
    static final Field<Long> PROBLEM_CONSULT_ID = f("PROBLEM", "CONSULT_ID", Long.class);
    static final Field<LocalDateTime> PROBLEM_RECORDED_AT = f("PROBLEM", "RECORDED_AT", LocalDateTime.class);
    static final Field<Integer> PROBLEM_DELETED = f("PROBLEM", "DELETED", Integer.class);

    static final Table<?> ALLERGY = DSL.table(DSL.name("ALLERGY"));
    static final Field<Long> ALLERGY_ID = f("ALLERGY", "ALLERGY_ID", Long.class);
    static final Field<Integer> ALLERGY_PATIENT_ID = f("ALLERGY", "PATIENT_ID", Integer.class);
    static final Field<String> AGENT = f("ALLERGY", "AGENT", String.class);
    static final Field<String> AGENT_SNOMED = f("ALLERGY", "AGENT_SNOMED", String.class);
    static final Field<String> REACTION = f("ALLERGY", "REACTION", String.class);
    static final Field<String> SEVERITY = f("ALLERGY", "SEVERITY", String.class);
    static final Field<String> ALLERGY_TYPE = f("ALLERGY", "ALLERGY_TYPE", String.class);
    static final Field<Integer> ALLERGY_IS_ACTIVE = f("ALLERGY", "IS_ACTIVE", Integer.class);
    static final Field<LocalDateTime> ALLERGY_RECORDED_AT = f("ALLERGY", "RECORDED_AT", LocalDateTime.class);
    static final Field<Integer> ALLERGY_DELETED = f("ALLERGY", "DELETED", Integer.class);

    static final Table<?> CURRENT_MED = DSL.table(DSL.name("CURRENT_MED"));
    static final Field<Long> MED_ID = f("CURRENT_MED", "MED_ID", Long.class);
    static final Field<Integer> MED_PATIENT_ID = f("CURRENT_MED", "PATIENT_ID", Integer.class);
    static final Field<String> DRUG_NAME = f("CURRENT_MED", "DRUG_NAME", String.class);
    static final Field<String> AMT_CODE = f("CURRENT_MED", "AMT_CODE", String.class);
    static final Field<String> PBS_CODE = f("CURRENT_MED", "PBS_CODE", String.class);
    static final Field<String> STRENGTH = f("CURRENT_MED", "STRENGTH", String.class);
    static final Field<String> FORM = f("CURRENT_MED", "FORM", String.class);
    static final Field<String> DOSE_TEXT = f("CURRENT_MED", "DOSE_TEXT", String.class);
    static final Field<Integer> LONG_TERM = f("CURRENT_MED", "LONG_TERM", Integer.class);
    static final Field<LocalDateTime> START_DATE = f("CURRENT_MED", "START_DATE", LocalDateTime.class);
    static final Field<LocalDateTime> CEASED_DATE = f("CURRENT_MED", "CEASED_DATE", LocalDateTime.class);
    static final Field<String> CEASED_REASON = f("CURRENT_MED", "CEASED_REASON", String.class);
    static final Field<String> PRESCRIBER_DR_CODE = f("CURRENT_MED", "PRESCRIBER_DR_CODE", String.class);
    static final Field<Integer> MED_DELETED = f("CURRENT_MED", "DELETED", Integer.class);

    static final Table<?> SCRIPT = DSL.table(DSL.name("SCRIPT"));

    /** A script with the medicine it was written for (SCRIPT and CURRENT_MED share column names). */
    static final Table<?> RX = DSL.select(
                    f("SCRIPT", "SCRIPT_ID", Long.class).as("SCRIPT_ID"),
                    f("SCRIPT", "PATIENT_ID", Integer.class).as("RX_PATIENT_ID"),
                    f("SCRIPT", "DR_CODE", String.class).as("RX_DR_CODE"),
                    f("SCRIPT", "SCRIPT_DATE", LocalDateTime.class).as("SCRIPT_DATE"),
                    f("SCRIPT", "QUANTITY", Integer.class).as("QUANTITY"),
                    f("SCRIPT", "REPEATS", Integer.class).as("REPEATS"),
                    f("SCRIPT", "PBS_TYPE", String.class).as("PBS_TYPE"),
                    f("SCRIPT", "ETP_TOKEN", String.class).as("ETP_TOKEN"),
                    f("SCRIPT", "STATUS", String.class).as("RX_STATUS"),
                    DRUG_NAME.as("RX_DRUG_NAME"), AMT_CODE.as("RX_AMT_CODE"), PBS_CODE.as("RX_PBS_CODE"),
                    STRENGTH.as("RX_STRENGTH"), FORM.as("RX_FORM"), DOSE_TEXT.as("RX_DOSE_TEXT"))
            .from(SCRIPT)
            .join(CURRENT_MED).on(MED_ID.eq(f("SCRIPT", "MED_ID", Long.class)))
            .where(MED_DELETED.eq(0))
            .asTable("ZM_RX");
    static final Field<Long> SCRIPT_ID = f("ZM_RX", "SCRIPT_ID", Long.class);
    static final Field<Integer> RX_PATIENT_ID = f("ZM_RX", "RX_PATIENT_ID", Integer.class);
    static final Field<String> RX_DR_CODE = f("ZM_RX", "RX_DR_CODE", String.class);
    static final Field<LocalDateTime> SCRIPT_DATE = f("ZM_RX", "SCRIPT_DATE", LocalDateTime.class);
    static final Field<Integer> QUANTITY = f("ZM_RX", "QUANTITY", Integer.class);
    static final Field<Integer> REPEATS = f("ZM_RX", "REPEATS", Integer.class);
    static final Field<String> PBS_TYPE = f("ZM_RX", "PBS_TYPE", String.class);
    static final Field<String> ETP_TOKEN = f("ZM_RX", "ETP_TOKEN", String.class);
    static final Field<String> RX_STATUS = f("ZM_RX", "RX_STATUS", String.class);
    static final Field<String> RX_DRUG_NAME = f("ZM_RX", "RX_DRUG_NAME", String.class);
    static final Field<String> RX_AMT_CODE = f("ZM_RX", "RX_AMT_CODE", String.class);
    static final Field<String> RX_PBS_CODE = f("ZM_RX", "RX_PBS_CODE", String.class);
    static final Field<String> RX_STRENGTH = f("ZM_RX", "RX_STRENGTH", String.class);
    static final Field<String> RX_FORM = f("ZM_RX", "RX_FORM", String.class);
    static final Field<String> RX_DOSE_TEXT = f("ZM_RX", "RX_DOSE_TEXT", String.class);

    static final Table<?> IMMUNISATION = DSL.table(DSL.name("IMMUNISATION"));
    static final Field<Long> IMM_ID = f("IMMUNISATION", "IMM_ID", Long.class);
    static final Field<Integer> IMM_PATIENT_ID = f("IMMUNISATION", "PATIENT_ID", Integer.class);
    static final Field<String> VACCINE_NAME = f("IMMUNISATION", "VACCINE_NAME", String.class);
    static final Field<String> AIR_CODE = f("IMMUNISATION", "AIR_CODE", String.class);
    static final Field<String> IMM_AMT_CODE = f("IMMUNISATION", "AMT_CODE", String.class);
    static final Field<String> BATCH_NO = f("IMMUNISATION", "BATCH_NO", String.class);
    static final Field<Integer> DOSE_NO = f("IMMUNISATION", "DOSE_NO", Integer.class);
    static final Field<LocalDateTime> GIVEN_DATE = f("IMMUNISATION", "GIVEN_DATE", LocalDateTime.class);
    static final Field<String> IMM_SITE = f("IMMUNISATION", "SITE", String.class);
    static final Field<String> IMM_ROUTE = f("IMMUNISATION", "ROUTE", String.class);
    static final Field<Integer> GIVEN_ELSEWHERE = f("IMMUNISATION", "GIVEN_ELSEWHERE", Integer.class);
    static final Field<String> IMM_DR_CODE = f("IMMUNISATION", "DR_CODE", String.class);

    static final Table<?> MEASUREMENT = DSL.table(DSL.name("MEASUREMENT"));
    static final Table<?> SOCIAL_HX = DSL.table(DSL.name("SOCIAL_HX"));

    /** Smoking status's pseudo-type in {@link #OBS} (MEASUREMENT's own types are BP, HR, TEMP, WT, HT, BMI, WAIST, RR). */
    static final String SMOKING = "SMOKING";

    /**
     * Every Observation: a MEASUREMENT row ({@code vs-MEAS_ID}) or a patient's SOCIAL_HX smoking status
     * ({@code sh-PATIENT_ID}), as one table with a unique string key.
     */
    static final Table<?> OBS = DSL.select(
                    DSL.concat(DSL.inline("vs-"), f("MEASUREMENT", "MEAS_ID", Long.class).cast(SQLDataType.VARCHAR(20))).as("OBS_ID"),
                    f("MEASUREMENT", "PATIENT_ID", Integer.class).as("OBS_PATIENT_ID"),
                    f("MEASUREMENT", "CONSULT_ID", Long.class).as("OBS_CONSULT_ID"),
                    f("MEASUREMENT", "MEAS_TYPE", String.class).cast(SQLDataType.VARCHAR(10)).as("OBS_TYPE"),
                    f("MEASUREMENT", "VALUE1", BigDecimal.class).as("VALUE1"),
                    f("MEASUREMENT", "VALUE2", BigDecimal.class).as("VALUE2"),
                    f("MEASUREMENT", "UNITS", String.class).cast(SQLDataType.VARCHAR(10)).as("OBS_TEXT"),
                    f("MEASUREMENT", "TAKEN_AT", LocalDateTime.class).as("OBS_EFFECTIVE"))
            .from(MEASUREMENT)
            .unionAll(DSL.select(
                    DSL.concat(DSL.inline("sh-"), f("SOCIAL_HX", "PATIENT_ID", Integer.class).cast(SQLDataType.VARCHAR(20))),
                    f("SOCIAL_HX", "PATIENT_ID", Integer.class),
                    DSL.castNull(SQLDataType.BIGINT),
                    DSL.inline(SMOKING).cast(SQLDataType.VARCHAR(10)),
                    DSL.castNull(SQLDataType.NUMERIC(7, 2)),
                    DSL.castNull(SQLDataType.NUMERIC(7, 2)),
                    f("SOCIAL_HX", "SMOKING", String.class).cast(SQLDataType.VARCHAR(10)),
                    f("SOCIAL_HX", "SMOKING_UPDATED", LocalDateTime.class).cast(SQLDataType.LOCALDATETIME))
                    .from(SOCIAL_HX))
            .asTable("ZM_OBS");
    static final Field<String> OBS_ID = f("ZM_OBS", "OBS_ID", String.class);
    static final Field<Integer> OBS_PATIENT_ID = f("ZM_OBS", "OBS_PATIENT_ID", Integer.class);
    static final Field<Long> OBS_CONSULT_ID = f("ZM_OBS", "OBS_CONSULT_ID", Long.class);
    static final Field<String> OBS_TYPE = f("ZM_OBS", "OBS_TYPE", String.class);
    static final Field<BigDecimal> VALUE1 = f("ZM_OBS", "VALUE1", BigDecimal.class);
    static final Field<BigDecimal> VALUE2 = f("ZM_OBS", "VALUE2", BigDecimal.class);
    /** MEASUREMENT.UNITS, or SOCIAL_HX.SMOKING (N, X, C, U) for smoking status. */
    static final Field<String> OBS_TEXT = f("ZM_OBS", "OBS_TEXT", String.class);
    static final Field<LocalDateTime> OBS_EFFECTIVE = f("ZM_OBS", "OBS_EFFECTIVE", LocalDateTime.class);
}
