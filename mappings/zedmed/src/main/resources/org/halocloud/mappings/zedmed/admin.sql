-- Zedmed demo, ADMIN catalogue (ZEDMED_ADMIN). A vendor-like design: Zedmed's real names are not public.
-- Firebird idioms: UPPER_SNAKE names of at most 31 characters, SMALLINT booleans (0/1), soft delete with DELETED.

CREATE TABLE BRANCH (
    BRANCH_ID      INTEGER      NOT NULL PRIMARY KEY,
    BRANCH_NAME    VARCHAR(60)  NOT NULL,
    ADDR_LINE1     VARCHAR(60),
    ADDR_LINE2     VARCHAR(60),
    SUBURB         VARCHAR(40),
    STATE          CHAR(3),
    POSTCODE       CHAR(4),
    PHONE          VARCHAR(20),
    HPIO           CHAR(16),
    ABN            CHAR(11),
    DELETED        SMALLINT     DEFAULT 0 NOT NULL
);

CREATE TABLE DOCTOR (
    DR_CODE        VARCHAR(6)   NOT NULL PRIMARY KEY,
    TITLE          VARCHAR(10),
    GIVEN_NAME     VARCHAR(40)  NOT NULL,
    FAMILY_NAME    VARCHAR(40)  NOT NULL,
    SEX            CHAR(1),
    HPII           CHAR(16),
    PRESCRIBER_NO  CHAR(7),
    AHPRA_NO       CHAR(13),
    ABN            CHAR(11),
    SPECIALTY      VARCHAR(60),
    IS_ACTIVE      SMALLINT     DEFAULT 1 NOT NULL
);

-- Medicare provider number per branch
CREATE TABLE DOCTOR_BRANCH (
    DR_CODE        VARCHAR(6)   NOT NULL REFERENCES DOCTOR,
    BRANCH_ID      INTEGER      NOT NULL REFERENCES BRANCH,
    PROVIDER_NO    CHAR(8)      NOT NULL,
    PRIMARY KEY (DR_CODE, BRANCH_ID)
);

-- SEX: M, F, X (another term), U (not stated). MEDICARE_EXPIRY: MM/YYYY. DVA_CARD_TYPE: G gold, W white, O orange.
-- CONCESSION_TYPE: PEN pensioner, HCC health care card, CSH seniors health card.
-- IHI_STATUS: A active, D deceased, R retired, E expired. IHI_RECORD_STATUS: V verified, U unverified, P provisional.
-- INDIGENOUS_STATUS: 1 Aboriginal, 2 Torres Strait Islander, 3 both, 4 neither, 9 not stated.
CREATE TABLE PATIENT (
    PATIENT_ID         INTEGER      NOT NULL PRIMARY KEY,
    CHART_NO           VARCHAR(12)  NOT NULL,
    TITLE              VARCHAR(10),
    GIVEN_NAME         VARCHAR(40)  NOT NULL,
    MIDDLE_NAME        VARCHAR(40),
    FAMILY_NAME        VARCHAR(40)  NOT NULL,
    PREFERRED_NAME     VARCHAR(40),
    DOB                DATE,
    SEX                CHAR(1),
    ADDR_LINE1         VARCHAR(60),
    ADDR_LINE2         VARCHAR(60),
    SUBURB             VARCHAR(40),
    STATE              CHAR(3),
    POSTCODE           CHAR(4),
    HOME_PHONE         VARCHAR(20),
    WORK_PHONE         VARCHAR(20),
    MOBILE_PHONE       VARCHAR(20),
    EMAIL              VARCHAR(120),
    MEDICARE_NO        CHAR(10),
    MEDICARE_IRN       CHAR(1),
    MEDICARE_EXPIRY    CHAR(7),
    DVA_NO             VARCHAR(9),
    DVA_CARD_TYPE      CHAR(1),
    CONCESSION_NO      VARCHAR(12),
    CONCESSION_TYPE    CHAR(3),
    IHI                CHAR(16),
    IHI_STATUS         CHAR(1),
    IHI_RECORD_STATUS  CHAR(1),
    INDIGENOUS_STATUS  SMALLINT,
    USUAL_DR_CODE      VARCHAR(6),
    ACCOUNT_HOLDER_ID  INTEGER,
    DECEASED_DATE      DATE,
    IS_ACTIVE          SMALLINT     DEFAULT 1 NOT NULL,
    CREATED_AT         TIMESTAMP,
    UPDATED_AT         TIMESTAMP
);
CREATE INDEX PATIENT_FAMILY_NAME ON PATIENT (FAMILY_NAME, GIVEN_NAME);
-- numbers new patients, as Firebird's generator of the same name does (far above the demo's generated ids)
CREATE SEQUENCE GEN_PATIENT_ID START WITH 5000000;
CREATE INDEX PATIENT_IHI ON PATIENT (IHI);
CREATE INDEX PATIENT_MEDICARE_NO ON PATIENT (MEDICARE_NO);

-- Coloured availability blocks of the Appointment Grid
CREATE TABLE ACTIVITY_TYPE (
    ACTIVITY_TYPE_ID  INTEGER      NOT NULL PRIMARY KEY,
    DESCRIPTION       VARCHAR(40)  NOT NULL,
    COLOUR            INTEGER,
    BOOKABLE          SMALLINT     NOT NULL
);

CREATE TABLE APPT_TYPE (
    APPT_TYPE_ID      INTEGER      NOT NULL PRIMARY KEY,
    DESCRIPTION       VARCHAR(40)  NOT NULL,
    DEFAULT_MINUTES   SMALLINT     NOT NULL,
    ACTIVITY_TYPE_ID  INTEGER      REFERENCES ACTIVITY_TYPE,
    OLA_ENABLED       SMALLINT     NOT NULL
);

-- WEEKDAY: 1 Monday .. 7 Sunday
CREATE TABLE DR_SCHEDULE (
    SCHEDULE_ID       INTEGER      NOT NULL PRIMARY KEY,
    DR_CODE           VARCHAR(6)   NOT NULL REFERENCES DOCTOR,
    BRANCH_ID         INTEGER      NOT NULL REFERENCES BRANCH,
    WEEKDAY           SMALLINT     NOT NULL,
    START_TIME        TIME         NOT NULL,
    END_TIME          TIME         NOT NULL,
    SLOT_MINUTES      SMALLINT     NOT NULL,
    ACTIVITY_TYPE_ID  INTEGER      REFERENCES ACTIVITY_TYPE,
    EFFECTIVE_FROM    DATE,
    EFFECTIVE_TO      DATE
);

-- STATUS: BK booked, AR arrived, IC in consult, CO completed, DN did not attend, CX cancelled.
-- SOURCE: OLA online appointment, REC reception.
CREATE TABLE APPOINTMENT (
    APPT_ID        BIGINT       NOT NULL PRIMARY KEY,
    PATIENT_ID     INTEGER      NOT NULL,
    DR_CODE        VARCHAR(6)   NOT NULL,
    BRANCH_ID      INTEGER      NOT NULL,
    APPT_DATE      DATE         NOT NULL,
    START_TIME     TIME         NOT NULL,
    DURATION_MIN   SMALLINT     NOT NULL,
    APPT_TYPE_ID   INTEGER,
    STATUS         CHAR(2)      NOT NULL,
    ARRIVED_AT     TIMESTAMP,
    SEEN_AT        TIMESTAMP,
    REASON         VARCHAR(200),
    NOTE           VARCHAR(500),
    SOURCE         CHAR(3),
    CANCEL_REASON  VARCHAR(100),
    CREATED_AT     TIMESTAMP,
    CREATED_BY     VARCHAR(31),
    UPDATED_AT     TIMESTAMP,
    -- PROPOSAL: the Appointment Grid's rule as a constraint: one live (not cancelled) appointment per doctor and
    -- start (a cancelled row keys by its own id, so it never clashes: NULLs would, in SQL Server's and H2's modes)
    LIVE_SLOT      VARCHAR(60)  GENERATED ALWAYS AS (CASE WHEN STATUS <> 'CX'
                       THEN DR_CODE || ' ' || CAST(APPT_DATE AS VARCHAR(10)) || ' ' || CAST(START_TIME AS VARCHAR(8))
                       ELSE 'cancelled ' || CAST(APPT_ID AS VARCHAR(20)) END)
);
CREATE UNIQUE INDEX APPOINTMENT_LIVE_SLOT ON APPOINTMENT (LIVE_SLOT);
-- numbers new appointments, as Firebird's generator of the same name does
CREATE SEQUENCE GEN_APPT_ID START WITH 50000000;
CREATE INDEX APPOINTMENT_DATE ON APPOINTMENT (APPT_DATE, DR_CODE);
CREATE INDEX APPOINTMENT_PATIENT ON APPOINTMENT (PATIENT_ID);

-- The practice's integration settings: one row per third-party partner and its database login.
CREATE TABLE INTEGRATION_PARTNER (
    PARTNER_ID     INTEGER      NOT NULL PRIMARY KEY,
    PARTNER_NAME   VARCHAR(60)  NOT NULL,
    DB_LOGIN       VARCHAR(31)  NOT NULL UNIQUE,
    ENABLED        SMALLINT     DEFAULT 0 NOT NULL,
    ENABLED_AT     TIMESTAMP,
    DISABLED_AT    TIMESTAMP,
    UPDATED_BY     VARCHAR(31)
);

INSERT INTO ACTIVITY_TYPE VALUES
    (1, 'Consulting', 10079487, 1),
    (2, 'Procedures', 16764057, 1),
    (3, 'Admin / paperwork', 13421772, 0),
    (4, 'Lunch', 16777164, 0),
    (5, 'Telehealth', 13434828, 1);

INSERT INTO APPT_TYPE VALUES
    (1, 'Standard consultation', 15, 1, 1),
    (2, 'Long consultation', 30, 1, 1),
    (3, 'Health assessment', 30, 2, 0),
    (4, 'Immunisation', 15, 1, 1),
    (5, 'Telehealth consultation', 15, 5, 1),
    (6, 'Procedure', 30, 2, 0),
    (7, 'Care plan', 30, 1, 0);

-- Firebird's one-row system table, which every Firebird database has: the FHIR mapping's Slot calendar selects
-- its digit tables from it (Firebird has no VALUES table constructor), so H2 runs the same SQL.
CREATE TABLE RDB$DATABASE (
    RDB$DESCRIPTION VARCHAR(1)
);
INSERT INTO RDB$DATABASE VALUES (NULL);
