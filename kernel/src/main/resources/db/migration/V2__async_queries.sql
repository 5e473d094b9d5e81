-- Async queries (Halo's async SQL Passthrough API): one row per query, one row per stored result page.
-- Metadata in clear; everything that may quote patient data (the command with its bind values, output parameters,
-- the database's error message) is AES-GCM sealed by CredentialCipher ("v1:<base64>"), bound to the query's id.
-- The result pages themselves live in the ResultStore (files under <halo.data-dir>/results/), each encrypted.
-- Portable between H2 (embedded default) and PostgreSQL (production).

CREATE TABLE async_query (
    id                    UUID PRIMARY KEY,
    subscription_id       UUID NOT NULL,
    integrator_id         UUID NOT NULL,
    halo_guid             UUID NOT NULL,
    catalogue             VARCHAR(128) NOT NULL,
    -- initialising, queued, executing, uploading, successful, executionFailed, expiredInQueue, uploadFailed
    status                VARCHAR(40) NOT NULL,
    max_time_in_queue     BIGINT NOT NULL,
    command_size          INTEGER NOT NULL,
    request_size          INTEGER NOT NULL,
    command_sealed        TEXT,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    queued_at             TIMESTAMP WITH TIME ZONE,
    executing_at          TIMESTAMP WITH TIME ZONE,
    uploading_at          TIMESTAMP WITH TIME ZONE,
    completed_at          TIMESTAMP WITH TIME ZONE,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    sql_execution_ms      BIGINT,
    result_rows           BIGINT,
    rows_affected         BIGINT,
    result_size           BIGINT,
    parameters_sealed     TEXT,
    error_type            VARCHAR(20),
    error_code            INTEGER,
    error_message_sealed  TEXT,
    -- results (and the sealed columns) are deleted after halo.async.retention; fetching a page then answers 410
    expires_at            TIMESTAMP WITH TIME ZONE,
    results_deleted_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX async_query_queue ON async_query (status, queued_at);
CREATE INDEX async_query_owner ON async_query (integrator_id, halo_guid);
CREATE INDEX async_query_expiry ON async_query (expires_at);

-- The page index of a query's result: sizes are of the page's JSON (before encryption); ranges are 1-based, inclusive.
CREATE TABLE async_query_page (
    query_id      UUID NOT NULL REFERENCES async_query (id),
    page_number   INTEGER NOT NULL,
    size          BIGINT NOT NULL,
    row_count     BIGINT NOT NULL,
    range_start   BIGINT NOT NULL,
    range_end     BIGINT NOT NULL,
    stored_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (query_id, page_number)
);
