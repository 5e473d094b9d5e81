-- Dental4Windows / Dental4Web demo database. A vendor-like design: Centaur's real names are not public.
-- D4W runs on SQL Anywhere: BIT flags, LONG VARCHAR notes (CLOB here), per-provider appointment books.

CREATE TABLE LOCATION (
    LOCATION_ID    INTEGER      NOT NULL PRIMARY KEY,
    LOCATION_CODE  VARCHAR(6)   NOT NULL,
    NAME           VARCHAR(60)  NOT NULL,
    ADDRESS1       VARCHAR(60),
    ADDRESS2       VARCHAR(60),
    SUBURB         VARCHAR(40),
    STATE          CHAR(3),
    POSTCODE       CHAR(4),
    PHONE          VARCHAR(20),
    EMAIL          VARCHAR(120),
    HPIO           CHAR(16),
    ABN            CHAR(11),
    CRN            VARCHAR(20),
    IS_ACTIVE      BIT          DEFAULT 1 NOT NULL
);

-- PROVIDER_TYPE: DE dentist, HY hygienist, OH oral health therapist, DP prosthetist, DA assistant
CREATE TABLE PROVIDER (
    PROVIDER_ID           INTEGER      NOT NULL PRIMARY KEY,
    PRV_CODE              VARCHAR(6)   NOT NULL UNIQUE,
    TITLE                 VARCHAR(10),
    FIRST_NAME            VARCHAR(40)  NOT NULL,
    SURNAME               VARCHAR(40)  NOT NULL,
    PROVIDER_TYPE         CHAR(2)      NOT NULL,
    AHPRA_NO              CHAR(13),
    HPII                  CHAR(16),
    MEDICARE_PROVIDER_NO  CHAR(8),
    HICAPS_MERCHANT_ID    VARCHAR(10),
    ABN                   CHAR(11),
    LOCATION_ID           INTEGER      REFERENCES LOCATION,
    IS_ACTIVE             BIT          DEFAULT 1 NOT NULL
);

-- GENDER: M, F, X, U. DVA_CARD: G gold, W white. ATSI_STATUS: 1, 2, 3, 4, 9 (AIHW codes).
CREATE TABLE PATIENT (
    PATIENT_ID             INTEGER      NOT NULL PRIMARY KEY,
    CARD_NO                VARCHAR(10)  NOT NULL UNIQUE,
    TITLE                  VARCHAR(10),
    FIRST_NAME             VARCHAR(40)  NOT NULL,
    MIDDLE_NAME            VARCHAR(40),
    SURNAME                VARCHAR(40)  NOT NULL,
    PREFERRED_NAME         VARCHAR(40),
    DOB                    DATE,
    GENDER                 CHAR(1),
    ADDRESS1               VARCHAR(60),
    ADDRESS2               VARCHAR(60),
    SUBURB                 VARCHAR(40),
    STATE                  CHAR(3),
    POSTCODE               CHAR(4),
    HOME_PH                VARCHAR(20),
    WORK_PH                VARCHAR(20),
    MOBILE_PH              VARCHAR(20),
    EMAIL                  VARCHAR(120),
    MEDICARE_NO            CHAR(10),
    MEDICARE_REF           CHAR(1),
    MEDICARE_EXP           DATE,
    DVA_NO                 VARCHAR(9),
    DVA_CARD               CHAR(1),
    HEALTH_FUND_CODE       VARCHAR(6),
    HEALTH_FUND_MEMBER_NO  VARCHAR(20),
    IHI                    CHAR(16),
    ATSI_STATUS            SMALLINT,
    MAIN_PROVIDER_ID       INTEGER,
    LOCATION_ID            INTEGER,
    FAMILY_ID              INTEGER,
    ACCOUNT_HOLDER_ID      INTEGER,
    RECALL_DATE            DATE,
    IS_ACTIVE              BIT          DEFAULT 1 NOT NULL,
    DATE_CREATED           TIMESTAMP,
    DATE_MODIFIED          TIMESTAMP
);
-- numbers new patients (SQL Anywhere's autoincrement in D4W; far above the demo's generated ids)
CREATE SEQUENCE PATIENT_ID_SEQ START WITH 5000000;
CREATE INDEX PATIENT_SURNAME ON PATIENT (SURNAME, FIRST_NAME);
CREATE INDEX PATIENT_IHI ON PATIENT (IHI);

-- one appointment book (column) per provider and chair
CREATE TABLE APPT_BOOK (
    BOOK_ID        INTEGER      NOT NULL PRIMARY KEY,
    PROVIDER_ID    INTEGER      NOT NULL REFERENCES PROVIDER,
    LOCATION_ID    INTEGER      NOT NULL REFERENCES LOCATION,
    CHAIR_NAME     VARCHAR(20),
    IS_ACTIVE      BIT          DEFAULT 1 NOT NULL
);

-- DAY_OF_WEEK: 1 Monday .. 7 Sunday
CREATE TABLE APPT_TEMPLATE (
    TEMPLATE_ID      INTEGER      NOT NULL PRIMARY KEY,
    BOOK_ID          INTEGER      NOT NULL REFERENCES APPT_BOOK,
    DAY_OF_WEEK      SMALLINT     NOT NULL,
    START_TIME       TIME         NOT NULL,
    END_TIME         TIME         NOT NULL,
    SLOT_MIN         SMALLINT     NOT NULL,
    BOOKABLE_ONLINE  BIT          DEFAULT 0 NOT NULL
);

-- STATUS: 0 booked, 1 confirmed, 2 arrived, 3 in chair, 4 completed, 5 failed to attend (FTA), 6 cancelled
CREATE TABLE APPOINTMENT (
    APPT_ID        INTEGER      NOT NULL PRIMARY KEY,
    BOOK_ID        INTEGER      NOT NULL,
    PATIENT_ID     INTEGER      NOT NULL,
    PROVIDER_ID    INTEGER      NOT NULL,
    LOCATION_ID    INTEGER      NOT NULL,
    APPT_DATE      DATE         NOT NULL,
    START_TIME     TIME         NOT NULL,
    LENGTH_MIN     SMALLINT     NOT NULL,
    APPT_TYPE      VARCHAR(20),
    STATUS         SMALLINT     NOT NULL,
    NOTE           VARCHAR(255),
    PLANNED_ITEMS  VARCHAR(100),
    DATE_CREATED   TIMESTAMP,
    CREATED_BY     VARCHAR(20),
    -- PROPOSAL: the book's rule as a constraint: one live (not cancelled) appointment per book and
    -- start (a cancelled row keys by its own id, so it never clashes: NULLs would, in SQL Server's and H2's modes)
    LIVE_SLOT      VARCHAR(60)  GENERATED ALWAYS AS (CASE WHEN STATUS <> 6
                       THEN CAST(BOOK_ID AS VARCHAR(10)) || ' ' || CAST(APPT_DATE AS VARCHAR(10)) || ' ' || CAST(START_TIME AS VARCHAR(8))
                       ELSE 'cancelled ' || CAST(APPT_ID AS VARCHAR(20)) END)
);
CREATE UNIQUE INDEX APPOINTMENT_LIVE_SLOT ON APPOINTMENT (LIVE_SLOT);
-- numbers new appointments (SQL Anywhere's autoincrement in D4W)
CREATE SEQUENCE APPT_ID_SEQ START WITH 50000000;
CREATE INDEX APPOINTMENT_DATE ON APPOINTMENT (APPT_DATE, BOOK_ID);
CREATE INDEX APPOINTMENT_PATIENT ON APPOINTMENT (PATIENT_ID);

-- ADA item codes (Australian Schedule of Dental Services and Glossary) plus practice-local codes
CREATE TABLE ITEM (
    ITEM_CODE         VARCHAR(6)    NOT NULL PRIMARY KEY,
    DESCRIPTION       VARCHAR(120)  NOT NULL,
    CATEGORY          VARCHAR(30),
    TOOTH_REQUIRED    BIT           DEFAULT 0 NOT NULL,
    SURFACE_REQUIRED  BIT           DEFAULT 0 NOT NULL,
    IS_OBSOLETE       BIT           DEFAULT 0 NOT NULL,
    OBSOLETE_DATE     DATE,
    DEFAULT_FEE       NUMERIC(10,2)
);

-- STATUS: P proposed, A accepted, C completed, X declined
CREATE TABLE TREATMENT_PLAN (
    PLAN_ID        INTEGER      NOT NULL PRIMARY KEY,
    PATIENT_ID     INTEGER      NOT NULL,
    PROVIDER_ID    INTEGER      NOT NULL,
    CREATED        DATE         NOT NULL,
    STATUS         CHAR(1)      NOT NULL,
    DESCRIPTION    VARCHAR(120)
);

-- TOOTH: FDI notation ('16'); SURFACES: letters of M, O, I, D, B, L. STATUS: P planned, C completed.
CREATE TABLE TREATMENT (
    TREATMENT_ID   INTEGER       NOT NULL PRIMARY KEY,
    PATIENT_ID     INTEGER       NOT NULL,
    PROVIDER_ID    INTEGER       NOT NULL,
    LOCATION_ID    INTEGER,
    APPT_ID        INTEGER,
    ITEM_CODE      VARCHAR(6)    NOT NULL REFERENCES ITEM,
    TOOTH          VARCHAR(3),
    SURFACES       VARCHAR(5),
    STATUS         CHAR(1)       NOT NULL,
    PLAN_ID        INTEGER,
    TREATMENT_DATE DATE,
    FEE            NUMERIC(10,2),
    NOTE           VARCHAR(255)
);
CREATE INDEX TREATMENT_PATIENT ON TREATMENT (PATIENT_ID);

CREATE TABLE MEDICAL_HISTORY (
    MH_ID          INTEGER      NOT NULL PRIMARY KEY,
    PATIENT_ID     INTEGER      NOT NULL,
    CONDITION_CODE VARCHAR(10),
    DESCRIPTION    VARCHAR(120) NOT NULL,
    IS_ALERT       BIT          DEFAULT 0 NOT NULL,
    DATE_RECORDED  DATE,
    IS_ACTIVE      BIT          DEFAULT 1 NOT NULL
);
CREATE INDEX MEDICAL_HISTORY_PATIENT ON MEDICAL_HISTORY (PATIENT_ID);

-- SEVERITY: M mild, O moderate, S severe
CREATE TABLE PATIENT_ALLERGY (
    ALLERGY_ID     INTEGER      NOT NULL PRIMARY KEY,
    PATIENT_ID     INTEGER      NOT NULL,
    ALLERGEN       VARCHAR(80)  NOT NULL,
    REACTION       VARCHAR(80),
    SEVERITY       CHAR(1),
    DATE_RECORDED  DATE
);
CREATE INDEX PATIENT_ALLERGY_PATIENT ON PATIENT_ALLERGY (PATIENT_ID);

CREATE TABLE PATIENT_MEDICATION (
    PM_ID          INTEGER      NOT NULL PRIMARY KEY,
    PATIENT_ID     INTEGER      NOT NULL,
    MEDICATION     VARCHAR(120) NOT NULL,
    DOSE_TEXT      VARCHAR(120),
    DATE_RECORDED  DATE,
    IS_CURRENT     BIT          DEFAULT 1 NOT NULL
);
CREATE INDEX PATIENT_MEDICATION_PATIENT ON PATIENT_MEDICATION (PATIENT_ID);

CREATE TABLE CLINICAL_NOTE (
    NOTE_ID        INTEGER      NOT NULL PRIMARY KEY,
    PATIENT_ID     INTEGER      NOT NULL,
    PROVIDER_ID    INTEGER      NOT NULL,
    APPT_ID        INTEGER,
    NOTE_DATE      TIMESTAMP    NOT NULL,
    NOTE_TEXT      CLOB
);
CREATE INDEX CLINICAL_NOTE_PATIENT ON CLINICAL_NOTE (PATIENT_ID);

-- The practice's third-party access settings: one row per partner and its database login.
CREATE TABLE THIRD_PARTY_ACCESS (
    ACCESS_ID      INTEGER      NOT NULL PRIMARY KEY,
    PARTNER_NAME   VARCHAR(60)  NOT NULL,
    DB_LOGIN       VARCHAR(31)  NOT NULL UNIQUE,
    ENABLED        BIT          DEFAULT 0 NOT NULL,
    DATE_ENABLED   DATE,
    DATE_DISABLED  DATE,
    MODIFIED_BY    VARCHAR(20)
);

INSERT INTO ITEM (ITEM_CODE, DESCRIPTION, CATEGORY, TOOTH_REQUIRED, SURFACE_REQUIRED, DEFAULT_FEE) VALUES
    ('011', 'Comprehensive oral examination', 'Diagnostic', 0, 0, 75.00),
    ('012', 'Periodic oral examination', 'Diagnostic', 0, 0, 60.00),
    ('013', 'Oral examination - limited', 'Diagnostic', 0, 0, 55.00),
    ('022', 'Intraoral periapical or bitewing radiograph - per exposure', 'Diagnostic', 0, 0, 40.00),
    ('037', 'Panoramic radiograph - per exposure', 'Diagnostic', 0, 0, 110.00),
    ('114', 'Removal of calculus - first visit', 'Preventive', 0, 0, 120.00),
    ('121', 'Topical application of remineralisation and/or cariostatic agents, one treatment', 'Preventive', 0, 0, 40.00),
    ('141', 'Oral hygiene instruction', 'Preventive', 0, 0, 35.00),
    ('161', 'Fissure and/or tooth surface sealing - per tooth', 'Preventive', 1, 0, 65.00),
    ('311', 'Removal of a tooth or part(s) thereof', 'Oral surgery', 1, 0, 210.00),
    ('322', 'Surgical removal of a tooth or tooth fragment not requiring removal of bone or tooth division', 'Oral surgery', 1, 0, 350.00),
    ('415', 'Complete chemo-mechanical preparation of root canal - one canal', 'Endodontics', 1, 0, 380.00),
    ('417', 'Root canal obturation - one canal', 'Endodontics', 1, 0, 280.00),
    ('521', 'Adhesive restoration - one surface - anterior tooth - direct', 'Restorative', 1, 1, 150.00),
    ('522', 'Adhesive restoration - two surfaces - anterior tooth - direct', 'Restorative', 1, 1, 190.00),
    ('531', 'Adhesive restoration - one surface - posterior tooth - direct', 'Restorative', 1, 1, 170.00),
    ('532', 'Adhesive restoration - two surfaces - posterior tooth - direct', 'Restorative', 1, 1, 215.00),
    ('533', 'Adhesive restoration - three surfaces - posterior tooth - direct', 'Restorative', 1, 1, 260.00),
    ('615', 'Full crown - veneered - indirect', 'Crowns and bridges', 1, 0, 1650.00),
    ('711', 'Complete maxillary denture', 'Prosthodontics', 0, 0, 1500.00);

INSERT INTO ITEM (ITEM_CODE, DESCRIPTION, CATEGORY, TOOTH_REQUIRED, SURFACE_REQUIRED, IS_OBSOLETE, OBSOLETE_DATE, DEFAULT_FEE) VALUES
    ('WHT01', 'Take-home whitening kit (practice item)', 'Practice', 0, 0, 0, NULL, 450.00),
    ('SPORT', 'Sports mouthguard (superseded practice item)', 'Practice', 0, 0, 1, DATE '2022-06-30', 180.00);
