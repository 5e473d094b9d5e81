-- An operator can revoke a standalone Link's credential (a stolen or retired practice server): refused from then on.
ALTER TABLE halo_link ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
