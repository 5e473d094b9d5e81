-- Async queries on every node (issue 17, point 3). Portable between H2 and PostgreSQL.
-- A query in flight carries a lease: the node (process) that holds it and until when. The holder renews it while the
-- query runs; once it has run out (the node died), a sweeper on any node ends the query executionFailed with a
-- reason. Queued queries hold no lease: any node's worker claims one with a conditional update.
ALTER TABLE async_query ADD COLUMN lease_owner VARCHAR(200);
ALTER TABLE async_query ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX async_query_lease ON async_query (status, lease_until);

-- The result pages in the shared state store, so that every node reads what any node's worker stored (the default
-- when halo.cluster.broker-url is set; halo.async.result-store chooses). Each page AES-GCM sealed, as on disk.
CREATE TABLE async_result_page (
    query_id      UUID NOT NULL,
    page_number   INTEGER NOT NULL,
    sealed        BYTEA NOT NULL,
    stored_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (query_id, page_number)
);
