-- Cloud state: who may query what, and metadata about the queries run. No clinical data lives here.
-- Portable between H2 (embedded default) and PostgreSQL (production).

CREATE TABLE integrator (
    id          UUID PRIMARY KEY,
    name        VARCHAR(200) NOT NULL UNIQUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A subscription key is shown once; only its SHA-256 is kept.
CREATE TABLE subscription (
    id             UUID PRIMARY KEY,
    integrator_id  UUID NOT NULL REFERENCES integrator (id),
    key_hash       CHAR(64) NOT NULL UNIQUE,
    key_hint       VARCHAR(12) NOT NULL,
    environment    VARCHAR(20) NOT NULL,
    status         VARCHAR(20) NOT NULL,
    demo           BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The integrator's database login with a PMS vendor; the password is AES-GCM encrypted.
CREATE TABLE vendor_signup (
    integrator_id       UUID NOT NULL REFERENCES integrator (id),
    vendor              VARCHAR(40) NOT NULL,
    db_user             VARCHAR(128) NOT NULL,
    db_password_sealed  VARCHAR(1024) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (integrator_id, vendor)
);

CREATE TABLE halo_link (
    id             UUID PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    version        VARCHAR(40),
    last_heard_at  TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per PMS database; the Halo GUID routes every query. Of the databases sharing a PMS ID only one is authoritative.
CREATE TABLE pms_database (
    halo_guid      UUID PRIMARY KEY,
    link_id        UUID NOT NULL REFERENCES halo_link (id),
    pms            VARCHAR(20) NOT NULL,
    pms_id         VARCHAR(64) NOT NULL,
    practice_name  VARCHAR(200) NOT NULL,
    pms_version    VARCHAR(40),
    authoritative  BOOLEAN NOT NULL,
    status         VARCHAR(20) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX pms_database_by_pms_id ON pms_database (pms, pms_id);

CREATE TABLE pms_catalogue (
    halo_guid   UUID NOT NULL REFERENCES pms_database (halo_guid),
    name        VARCHAR(128) NOT NULL,
    is_default  BOOLEAN NOT NULL,
    PRIMARY KEY (halo_guid, name)
);

-- What each practice has enabled in its PMS, as last reported by its Link (a cache; the PMS is the source).
CREATE TABLE practice_enablement (
    halo_guid     UUID NOT NULL REFERENCES pms_database (halo_guid),
    db_user       VARCHAR(128) NOT NULL,
    reported_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (halo_guid, db_user)
);

-- Metadata of every query: never SQL text, bind values or results.
CREATE TABLE query_log (
    id                UUID PRIMARY KEY,
    subscription_id   UUID NOT NULL,
    integrator_id     UUID NOT NULL,
    halo_guid         UUID NOT NULL,
    mode              VARCHAR(20) NOT NULL,
    status            VARCHAR(40) NOT NULL,
    command_size      INTEGER NOT NULL,
    request_size      INTEGER NOT NULL,
    result_rows       BIGINT,
    result_size       BIGINT,
    sql_execution_ms  BIGINT,
    error_type        VARCHAR(20),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX query_log_by_integrator ON query_log (integrator_id, created_at);
