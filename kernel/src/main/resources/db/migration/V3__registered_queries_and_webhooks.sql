-- Registered queries (Halo's registered SQL Passthrough API) and webhooks. Metadata in clear; the command with its
-- bind values, the latest result, its output parameters, the database's last error message and webhook secrets are
-- AES-GCM sealed by CredentialCipher ("v1:<base64>"), bound to the row's id. Portable between H2 and PostgreSQL.

CREATE TABLE registered_query (
    id                        UUID PRIMARY KEY,
    subscription_id           UUID NOT NULL,
    integrator_id             UUID NOT NULL,
    halo_guid                 UUID NOT NULL,
    catalogue                 VARCHAR(128) NOT NULL,
    name                      VARCHAR(200) NOT NULL,
    registered_query_type     VARCHAR(20) NOT NULL,
    -- enabled, cancelled, completed
    status                    VARCHAR(40) NOT NULL,
    frequency_s               INTEGER NOT NULL,
    duration_s                INTEGER NOT NULL,
    command_size              INTEGER NOT NULL,
    request_size              INTEGER NOT NULL,
    command_sealed            TEXT,
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at                   TIMESTAMP WITH TIME ZONE NOT NULL,
    next_run_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at              TIMESTAMP WITH TIME ZONE,
    -- keyed fingerprint (HMAC-SHA256 under the master key) of the latest result: a plain hash of rows could be guessed
    last_hash                 VARCHAR(64),
    last_error_type           VARCHAR(20),
    last_error_code           INTEGER,
    last_error_message_sealed TEXT,
    last_succeeded_at         TIMESTAMP WITH TIME ZONE,
    last_failed_at            TIMESTAMP WITH TIME ZONE,
    last_execution_ms         BIGINT,
    succeeded_count           BIGINT NOT NULL DEFAULT 0,
    failed_count              BIGINT NOT NULL DEFAULT 0,
    result_size_sum           BIGINT NOT NULL DEFAULT 0,
    -- the latest result (only replaced when it changed): JSON rows and output parameters, sealed
    results_stored            INTEGER NOT NULL DEFAULT 0,
    result_stored_at          TIMESTAMP WITH TIME ZONE,
    result_rows               BIGINT,
    result_size               BIGINT,
    result_data_sealed        TEXT,
    result_parameters_sealed  TEXT
);
CREATE INDEX registered_query_due ON registered_query (status, next_run_at);
CREATE INDEX registered_query_owner ON registered_query (integrator_id, halo_guid);

-- One webhook per subscription, configured by the operator (never by the integrator). The URL pattern may use
-- {siteId}, {queryId} and {source} in its path and query only; the secret is sealed.
CREATE TABLE webhook (
    subscription_id  UUID PRIMARY KEY,
    url_pattern      VARCHAR(2000) NOT NULL,
    secret_sealed    VARCHAR(1024) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Each webhook sent (once, never retried): metadata of the outcome only.
CREATE TABLE webhook_delivery (
    id               UUID PRIMARY KEY,
    subscription_id  UUID NOT NULL,
    halo_guid        UUID NOT NULL,
    query_id         UUID NOT NULL,
    source           VARCHAR(20) NOT NULL,
    -- delivered (2xx), rejected (other status), failed (no answer), refused (URL did not expand to the pattern)
    outcome          VARCHAR(20) NOT NULL,
    status_code      INTEGER,
    error_class      VARCHAR(200),
    duration_ms      BIGINT,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webhook_delivery_by_subscription ON webhook_delivery (subscription_id, sent_at);
