-- Standalone Links connect outbound with a credential issued by an operator (shown once; only its SHA-256 is kept),
-- valid only in the environment that issued it. In-process Links (the embedded demo) have none.
ALTER TABLE halo_link ADD COLUMN credential_hash CHAR(64);
ALTER TABLE halo_link ADD COLUMN environment VARCHAR(20);
CREATE UNIQUE INDEX halo_link_by_credential ON halo_link (credential_hash);

-- The Link's own name for a database it serves: a Link that reconnects gets the same Halo GUID back.
ALTER TABLE pms_database ADD COLUMN link_key VARCHAR(128);
CREATE UNIQUE INDEX pms_database_by_link_key ON pms_database (link_id, link_key);
