package org.halocloud.passthrough.state;

import org.halocloud.link.VendorCredentials;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.halocloud.passthrough.security.CredentialCipher;
import org.halocloud.passthrough.security.SubscriptionKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Integrators, their subscriptions (hashed keys) and their vendor sign-ups (sealed credentials). */
@Repository
public class Integrators {

    private final JdbcClient db;
    private final CredentialCipher cipher;

    public Integrators(JdbcClient db, CredentialCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    public UUID create(String name) {
        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO integrator (id, name, created_at) VALUES (?, ?, ?)")
                .params(id, name, OffsetDateTime.now()).update();
        return id;
    }

    public Optional<UUID> findByName(String name) {
        return db.sql("SELECT id FROM integrator WHERE name = ?").param(name).query(UUID.class).optional();
    }

    /** Issues a new key; the returned plaintext is the only copy. */
    @Transactional
    public String issueKey(UUID integratorId, String environment, boolean demo) {
        String key = SubscriptionKeys.newKey();
        db.sql("""
                INSERT INTO subscription (id, integrator_id, key_hash, key_hint, environment, status, demo, created_at)
                VALUES (?, ?, ?, ?, ?, 'active', ?, ?)""")
                .params(UUID.randomUUID(), integratorId, SubscriptionKeys.hash(key), SubscriptionKeys.hint(key),
                        environment, demo, OffsetDateTime.now())
                .update();
        return key;
    }

    public Optional<Subscription> findByKey(String key) {
        return db.sql("""
                SELECT s.id, s.integrator_id, i.name, s.environment, s.status, s.demo
                FROM subscription s JOIN integrator i ON i.id = s.integrator_id
                WHERE s.key_hash = ?""")
                .param(SubscriptionKeys.hash(key))
                .query((rs, n) -> new Subscription(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), "active".equals(rs.getString(5)), rs.getBoolean(6)))
                .optional();
    }

    /** A subscription as an operator sees it: never the key, only its last characters. */
    public record SubscriptionSummary(UUID id, String keyHint, String environment, String status, boolean demo) {
    }

    public List<SubscriptionSummary> subscriptions(UUID integratorId) {
        return db.sql("SELECT id, key_hint, environment, status, demo FROM subscription WHERE integrator_id = ? ORDER BY created_at")
                .param(integratorId)
                .query((rs, n) -> new SubscriptionSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5)))
                .list();
    }

    public boolean subscriptionExists(UUID subscriptionId) {
        return db.sql("SELECT COUNT(*) FROM subscription WHERE id = ?").param(subscriptionId).query(Long.class).single() > 0;
    }

    public boolean anyDemoKey() {
        return db.sql("SELECT COUNT(*) FROM subscription WHERE demo AND status = 'active'").query(Long.class).single() > 0;
    }

    public void signUp(UUID integratorId, String vendor, String dbUser, String dbPassword) {
        db.sql("""
                INSERT INTO vendor_signup (integrator_id, vendor, db_user, db_password_sealed, created_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(integratorId, vendor, dbUser, cipher.seal(dbPassword, sealContext(integratorId, vendor)),
                        OffsetDateTime.now())
                .update();
    }

    public Optional<String> vendorLogin(UUID integratorId, String vendor) {
        return db.sql("SELECT db_user FROM vendor_signup WHERE integrator_id = ? AND vendor = ?")
                .params(integratorId, vendor).query(String.class).optional();
    }

    public Optional<VendorCredentials> vendorCredentials(UUID integratorId, String vendor) {
        return db.sql("SELECT db_user, db_password_sealed FROM vendor_signup WHERE integrator_id = ? AND vendor = ?")
                .params(integratorId, vendor)
                .query((rs, n) -> new VendorCredentials(rs.getString(1),
                        cipher.open(rs.getString(2), sealContext(integratorId, vendor))))
                .optional();
    }

    private static String sealContext(UUID integratorId, String vendor) {
        return "vendor-signup:" + integratorId + ":" + vendor;
    }
}
