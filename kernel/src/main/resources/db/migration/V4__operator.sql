-- The operator API: key rotation and revocation keep the subscription (its id, webhook and queries) and record when;
-- a vendor sign-up may be replaced; query metadata is listed newest first. Portable between H2 and PostgreSQL.

ALTER TABLE subscription ADD COLUMN rotated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE subscription ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX subscription_by_integrator ON subscription (integrator_id, created_at);

ALTER TABLE vendor_signup ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;

-- keyset paging of the operator's query listing: (created_at, id) descending, whole log or one site
CREATE INDEX query_log_by_created ON query_log (created_at, id);
CREATE INDEX query_log_by_site ON query_log (halo_guid, created_at);
