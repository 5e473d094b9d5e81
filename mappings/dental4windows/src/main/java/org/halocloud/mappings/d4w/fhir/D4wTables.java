package org.halocloud.mappings.d4w.fhir;

import java.time.LocalDateTime;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The D4W / D4Web tables and columns the FHIR mapping reads, by their names in the practice database. Columns are
 * prefixed by table here (the database's names repeat across tables); the SQL uses the real, table-qualified names.
 */
final class D4wTables {

    private D4wTables() {
    }

    static final Table<?> LOCATION_T = DSL.table(DSL.name("LOCATION"));
    static final Field<Integer> LOC_LOCATION_ID = DSL.field(DSL.name("LOCATION", "LOCATION_ID"), Integer.class);
    static final Field<String> LOC_LOCATION_CODE = DSL.field(DSL.name("LOCATION", "LOCATION_CODE"), String.class);
    static final Field<String> LOC_NAME = DSL.field(DSL.name("LOCATION", "NAME"), String.class);
    static final Field<String> LOC_ADDRESS1 = DSL.field(DSL.name("LOCATION", "ADDRESS1"), String.class);
    static final Field<String> LOC_ADDRESS2 = DSL.field(DSL.name("LOCATION", "ADDRESS2"), String.class);
    static final Field<String> LOC_SUBURB = DSL.field(DSL.name("LOCATION", "SUBURB"), String.class);
    static final Field<String> LOC_STATE = DSL.field(DSL.name("LOCATION", "STATE"), String.class);
    static final Field<String> LOC_POSTCODE = DSL.field(DSL.name("LOCATION", "POSTCODE"), String.class);
    static final Field<String> LOC_PHONE = DSL.field(DSL.name("LOCATION", "PHONE"), String.class);
    static final Field<String> LOC_EMAIL = DSL.field(DSL.name("LOCATION", "EMAIL"), String.class);
    static final Field<String> LOC_HPIO = DSL.field(DSL.name("LOCATION", "HPIO"), String.class);
    static final Field<String> LOC_ABN = DSL.field(DSL.name("LOCATION", "ABN"), String.class);
    static final Field<String> LOC_CRN = DSL.field(DSL.name("LOCATION", "CRN"), String.class);
    static final Field<Boolean> LOC_IS_ACTIVE = DSL.field(DSL.name("LOCATION", "IS_ACTIVE"), Boolean.class);

    static final Table<?> PROVIDER_T = DSL.table(DSL.name("PROVIDER"));
    static final Field<Integer> PRV_PROVIDER_ID = DSL.field(DSL.name("PROVIDER", "PROVIDER_ID"), Integer.class);
    static final Field<String> PRV_CODE = DSL.field(DSL.name("PROVIDER", "PRV_CODE"), String.class);
    static final Field<String> PRV_TITLE = DSL.field(DSL.name("PROVIDER", "TITLE"), String.class);
    static final Field<String> PRV_FIRST_NAME = DSL.field(DSL.name("PROVIDER", "FIRST_NAME"), String.class);
    static final Field<String> PRV_SURNAME = DSL.field(DSL.name("PROVIDER", "SURNAME"), String.class);
    static final Field<String> PRV_PROVIDER_TYPE = DSL.field(DSL.name("PROVIDER", "PROVIDER_TYPE"), String.class);
    static final Field<String> PRV_AHPRA_NO = DSL.field(DSL.name("PROVIDER", "AHPRA_NO"), String.class);
    static final Field<String> PRV_HPII = DSL.field(DSL.name("PROVIDER", "HPII"), String.class);
    static final Field<String> PRV_MEDICARE_PROVIDER_NO = DSL.field(DSL.name("PROVIDER", "MEDICARE_PROVIDER_NO"), String.class);
    static final Field<Integer> PRV_LOCATION_ID = DSL.field(DSL.name("PROVIDER", "LOCATION_ID"), Integer.class);
    static final Field<Boolean> PRV_IS_ACTIVE = DSL.field(DSL.name("PROVIDER", "IS_ACTIVE"), Boolean.class);

    static final Table<?> APPT_BOOK_T = DSL.table(DSL.name("APPT_BOOK"));
    static final Field<Integer> BOOK_BOOK_ID = DSL.field(DSL.name("APPT_BOOK", "BOOK_ID"), Integer.class);
    static final Field<Integer> BOOK_PROVIDER_ID = DSL.field(DSL.name("APPT_BOOK", "PROVIDER_ID"), Integer.class);
    static final Field<Integer> BOOK_LOCATION_ID = DSL.field(DSL.name("APPT_BOOK", "LOCATION_ID"), Integer.class);
    static final Field<String> BOOK_CHAIR_NAME = DSL.field(DSL.name("APPT_BOOK", "CHAIR_NAME"), String.class);
    static final Field<Boolean> BOOK_IS_ACTIVE = DSL.field(DSL.name("APPT_BOOK", "IS_ACTIVE"), Boolean.class);

    /** A book's weekly hours, cut into SLOT_MIN slots; DAY_OF_WEEK 1 = Monday .. 7 = Sunday. */
    static final Table<?> APPT_TEMPLATE_T = DSL.table(DSL.name("APPT_TEMPLATE"));
    static final Field<Integer> TEMPLATE_BOOK_ID = DSL.field(DSL.name("APPT_TEMPLATE", "BOOK_ID"), Integer.class);
    static final Field<Integer> TEMPLATE_DAY_OF_WEEK = DSL.field(DSL.name("APPT_TEMPLATE", "DAY_OF_WEEK"), Integer.class);
    static final Field<Object> TEMPLATE_START_TIME = DSL.field(DSL.name("APPT_TEMPLATE", "START_TIME"), Object.class);
    static final Field<Object> TEMPLATE_END_TIME = DSL.field(DSL.name("APPT_TEMPLATE", "END_TIME"), Object.class);
    static final Field<Integer> TEMPLATE_SLOT_MIN = DSL.field(DSL.name("APPT_TEMPLATE", "SLOT_MIN"), Integer.class);

    static final Table<?> PATIENT_T = DSL.table(DSL.name("PATIENT"));
    static final Field<Integer> PAT_PATIENT_ID = DSL.field(DSL.name("PATIENT", "PATIENT_ID"), Integer.class);
    static final Field<String> PAT_CARD_NO = DSL.field(DSL.name("PATIENT", "CARD_NO"), String.class);
    static final Field<String> PAT_TITLE = DSL.field(DSL.name("PATIENT", "TITLE"), String.class);
    static final Field<String> PAT_FIRST_NAME = DSL.field(DSL.name("PATIENT", "FIRST_NAME"), String.class);
    static final Field<String> PAT_MIDDLE_NAME = DSL.field(DSL.name("PATIENT", "MIDDLE_NAME"), String.class);
    static final Field<String> PAT_SURNAME = DSL.field(DSL.name("PATIENT", "SURNAME"), String.class);
    static final Field<String> PAT_PREFERRED_NAME = DSL.field(DSL.name("PATIENT", "PREFERRED_NAME"), String.class);
    static final Field<LocalDateTime> PAT_DOB = DSL.field(DSL.name("PATIENT", "DOB"), LocalDateTime.class);
    static final Field<String> PAT_GENDER = DSL.field(DSL.name("PATIENT", "GENDER"), String.class);
    static final Field<String> PAT_ADDRESS1 = DSL.field(DSL.name("PATIENT", "ADDRESS1"), String.class);
    static final Field<String> PAT_ADDRESS2 = DSL.field(DSL.name("PATIENT", "ADDRESS2"), String.class);
    static final Field<String> PAT_SUBURB = DSL.field(DSL.name("PATIENT", "SUBURB"), String.class);
    static final Field<String> PAT_STATE = DSL.field(DSL.name("PATIENT", "STATE"), String.class);
    static final Field<String> PAT_POSTCODE = DSL.field(DSL.name("PATIENT", "POSTCODE"), String.class);
    static final Field<String> PAT_HOME_PH = DSL.field(DSL.name("PATIENT", "HOME_PH"), String.class);
    static final Field<String> PAT_WORK_PH = DSL.field(DSL.name("PATIENT", "WORK_PH"), String.class);
    static final Field<String> PAT_MOBILE_PH = DSL.field(DSL.name("PATIENT", "MOBILE_PH"), String.class);
    static final Field<String> PAT_EMAIL = DSL.field(DSL.name("PATIENT", "EMAIL"), String.class);
    static final Field<String> PAT_MEDICARE_NO = DSL.field(DSL.name("PATIENT", "MEDICARE_NO"), String.class);
    static final Field<String> PAT_MEDICARE_REF = DSL.field(DSL.name("PATIENT", "MEDICARE_REF"), String.class);
    static final Field<LocalDateTime> PAT_MEDICARE_EXP = DSL.field(DSL.name("PATIENT", "MEDICARE_EXP"), LocalDateTime.class);
    static final Field<String> PAT_DVA_NO = DSL.field(DSL.name("PATIENT", "DVA_NO"), String.class);
    static final Field<String> PAT_DVA_CARD = DSL.field(DSL.name("PATIENT", "DVA_CARD"), String.class);
    static final Field<String> PAT_IHI = DSL.field(DSL.name("PATIENT", "IHI"), String.class);
    static final Field<Integer> PAT_ATSI_STATUS = DSL.field(DSL.name("PATIENT", "ATSI_STATUS"), Integer.class);
    static final Field<Integer> PAT_MAIN_PROVIDER_ID = DSL.field(DSL.name("PATIENT", "MAIN_PROVIDER_ID"), Integer.class);
    static final Field<Integer> PAT_LOCATION_ID = DSL.field(DSL.name("PATIENT", "LOCATION_ID"), Integer.class);
    static final Field<Boolean> PAT_IS_ACTIVE = DSL.field(DSL.name("PATIENT", "IS_ACTIVE"), Boolean.class);
    static final Field<java.time.LocalDateTime> PAT_DATE_CREATED = DSL.field(DSL.name("PATIENT", "DATE_CREATED"), java.time.LocalDateTime.class);
    static final Field<java.time.LocalDateTime> PAT_DATE_MODIFIED = DSL.field(DSL.name("PATIENT", "DATE_MODIFIED"), java.time.LocalDateTime.class);
    static final org.jooq.Sequence<Integer> PATIENT_ID_SEQ = DSL.sequence(DSL.name("PATIENT_ID_SEQ"), Integer.class);

    static final Table<?> APPOINTMENT_T = DSL.table(DSL.name("APPOINTMENT"));
    static final Field<Integer> APPT_APPT_ID = DSL.field(DSL.name("APPOINTMENT", "APPT_ID"), Integer.class);
    static final Field<Integer> APPT_PATIENT_ID = DSL.field(DSL.name("APPOINTMENT", "PATIENT_ID"), Integer.class);
    static final Field<Integer> APPT_BOOK_ID = DSL.field(DSL.name("APPOINTMENT", "BOOK_ID"), Integer.class);
    static final Field<Integer> APPT_PROVIDER_ID = DSL.field(DSL.name("APPOINTMENT", "PROVIDER_ID"), Integer.class);
    static final Field<Integer> APPT_LOCATION_ID = DSL.field(DSL.name("APPOINTMENT", "LOCATION_ID"), Integer.class);
    static final Field<LocalDateTime> APPT_APPT_DATE = DSL.field(DSL.name("APPOINTMENT", "APPT_DATE"), LocalDateTime.class);
    static final Field<String> APPT_START_TIME = DSL.field(DSL.name("APPOINTMENT", "START_TIME"), String.class);
    static final Field<Integer> APPT_LENGTH_MIN = DSL.field(DSL.name("APPOINTMENT", "LENGTH_MIN"), Integer.class);
    static final Field<String> APPT_APPT_TYPE = DSL.field(DSL.name("APPOINTMENT", "APPT_TYPE"), String.class);
    static final Field<Integer> APPT_STATUS = DSL.field(DSL.name("APPOINTMENT", "STATUS"), Integer.class);
    static final Field<String> APPT_NOTE = DSL.field(DSL.name("APPOINTMENT", "NOTE"), String.class);
    static final Field<LocalDateTime> APPT_DATE_CREATED = DSL.field(DSL.name("APPOINTMENT", "DATE_CREATED"), LocalDateTime.class);

    static final Table<?> ITEM_T = DSL.table(DSL.name("ITEM"));
    static final Field<String> ITEM_CODE_KEY = DSL.field(DSL.name("ITEM", "ITEM_CODE"), String.class);
    static final Field<String> ITEM_DESCRIPTION = DSL.field(DSL.name("ITEM", "DESCRIPTION"), String.class);

    static final Table<?> TREATMENT_T = DSL.table(DSL.name("TREATMENT"));
    static final Field<Integer> TX_TREATMENT_ID = DSL.field(DSL.name("TREATMENT", "TREATMENT_ID"), Integer.class);
    static final Field<Integer> TX_PATIENT_ID = DSL.field(DSL.name("TREATMENT", "PATIENT_ID"), Integer.class);
    static final Field<Integer> TX_PROVIDER_ID = DSL.field(DSL.name("TREATMENT", "PROVIDER_ID"), Integer.class);
    static final Field<Integer> TX_LOCATION_ID = DSL.field(DSL.name("TREATMENT", "LOCATION_ID"), Integer.class);
    static final Field<Integer> TX_APPT_ID = DSL.field(DSL.name("TREATMENT", "APPT_ID"), Integer.class);
    static final Field<String> TX_ITEM_CODE = DSL.field(DSL.name("TREATMENT", "ITEM_CODE"), String.class);
    static final Field<String> TX_TOOTH = DSL.field(DSL.name("TREATMENT", "TOOTH"), String.class);
    static final Field<String> TX_SURFACES = DSL.field(DSL.name("TREATMENT", "SURFACES"), String.class);
    static final Field<String> TX_STATUS = DSL.field(DSL.name("TREATMENT", "STATUS"), String.class);
    static final Field<LocalDateTime> TX_TREATMENT_DATE = DSL.field(DSL.name("TREATMENT", "TREATMENT_DATE"), LocalDateTime.class);
    static final Field<String> TX_NOTE = DSL.field(DSL.name("TREATMENT", "NOTE"), String.class);

    static final Table<?> MEDICAL_HISTORY_T = DSL.table(DSL.name("MEDICAL_HISTORY"));
    static final Field<Integer> MH_MH_ID = DSL.field(DSL.name("MEDICAL_HISTORY", "MH_ID"), Integer.class);
    static final Field<Integer> MH_PATIENT_ID = DSL.field(DSL.name("MEDICAL_HISTORY", "PATIENT_ID"), Integer.class);
    static final Field<String> MH_CONDITION_CODE = DSL.field(DSL.name("MEDICAL_HISTORY", "CONDITION_CODE"), String.class);
    static final Field<String> MH_DESCRIPTION = DSL.field(DSL.name("MEDICAL_HISTORY", "DESCRIPTION"), String.class);
    static final Field<Boolean> MH_IS_ALERT = DSL.field(DSL.name("MEDICAL_HISTORY", "IS_ALERT"), Boolean.class);
    static final Field<LocalDateTime> MH_DATE_RECORDED = DSL.field(DSL.name("MEDICAL_HISTORY", "DATE_RECORDED"), LocalDateTime.class);
    static final Field<Boolean> MH_IS_ACTIVE = DSL.field(DSL.name("MEDICAL_HISTORY", "IS_ACTIVE"), Boolean.class);

    static final Table<?> PATIENT_ALLERGY_T = DSL.table(DSL.name("PATIENT_ALLERGY"));
    static final Field<Integer> ALG_ALLERGY_ID = DSL.field(DSL.name("PATIENT_ALLERGY", "ALLERGY_ID"), Integer.class);
    static final Field<Integer> ALG_PATIENT_ID = DSL.field(DSL.name("PATIENT_ALLERGY", "PATIENT_ID"), Integer.class);
    static final Field<String> ALG_ALLERGEN = DSL.field(DSL.name("PATIENT_ALLERGY", "ALLERGEN"), String.class);
    static final Field<String> ALG_REACTION = DSL.field(DSL.name("PATIENT_ALLERGY", "REACTION"), String.class);
    static final Field<String> ALG_SEVERITY = DSL.field(DSL.name("PATIENT_ALLERGY", "SEVERITY"), String.class);
    static final Field<LocalDateTime> ALG_DATE_RECORDED = DSL.field(DSL.name("PATIENT_ALLERGY", "DATE_RECORDED"), LocalDateTime.class);

    static final Table<?> PATIENT_MEDICATION_T = DSL.table(DSL.name("PATIENT_MEDICATION"));
    static final Field<Integer> MED_PM_ID = DSL.field(DSL.name("PATIENT_MEDICATION", "PM_ID"), Integer.class);
    static final Field<Integer> MED_PATIENT_ID = DSL.field(DSL.name("PATIENT_MEDICATION", "PATIENT_ID"), Integer.class);
    static final Field<String> MED_MEDICATION = DSL.field(DSL.name("PATIENT_MEDICATION", "MEDICATION"), String.class);
    static final Field<String> MED_DOSE_TEXT = DSL.field(DSL.name("PATIENT_MEDICATION", "DOSE_TEXT"), String.class);
    static final Field<LocalDateTime> MED_DATE_RECORDED = DSL.field(DSL.name("PATIENT_MEDICATION", "DATE_RECORDED"), LocalDateTime.class);
    static final Field<Boolean> MED_IS_CURRENT = DSL.field(DSL.name("PATIENT_MEDICATION", "IS_CURRENT"), Boolean.class);
}
