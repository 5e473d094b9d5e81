package org.halocloud.kernel.state;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.halocloud.link.VendorCredentials;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.halocloud.kernel.security.Sealer;
import org.halocloud.kernel.security.Sealer.Purpose;
import org.halocloud.kernel.security.SubscriptionKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Integrators, their subscriptions (hashed keys) and their vendor sign-ups (sealed credentials). */
@Repository
public class Integrators {

    /** Counts reads of vendor sign-ups and openings of their passwords ({@code step} read / open). */
    public static final String CREDENTIALS_METER = "halo.vendor.credentials";

    private final JdbcClient db;
    private final Sealer sealer;
    private final MeterRegistry meters;

    public Integrators(JdbcClient db, Sealer sealer, MeterRegistry meters) {
        this.db = db;
        this.sealer = sealer;
        this.meters = meters;
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

    public record IntegratorSummary(UUID id, String name, OffsetDateTime createdAt) {
    }

    public Optional<IntegratorSummary> find(UUID id) {
        return db.sql("SELECT id, name, created_at FROM integrator WHERE id = ?").param(id)
                .query((rs, n) -> new IntegratorSummary(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class)))
                .optional();
    }

    public List<IntegratorSummary> list() {
        return db.sql("SELECT id, name, created_at FROM integrator ORDER BY created_at, name")
                .query((rs, n) -> new IntegratorSummary(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class)))
                .list();
    }

    /** Issues a new key; the returned plaintext is the only copy. */
    public String issueKey(UUID integratorId, String environment, boolean demo) {
        return issue(integratorId, environment, demo).key();
    }

    /**
     * A key just issued or rotated: the plaintext exists only in this object, on its way to the operator.
     * {@code toString} hides it, so no log line (e.g. a framework's debug line about the response) can carry it.
     */
    public record IssuedKey(UUID subscriptionId, String key, String keyHint, String environment) {

        @Override
        public String toString() {
            return "IssuedKey[subscriptionId=" + subscriptionId + ", key=***, environment=" + environment + "]";
        }
    }

    public IssuedKey issue(UUID integratorId, String environment, boolean demo) {
        String key = SubscriptionKeys.newKey();
        UUID id = UUID.randomUUID();
        db.sql("""
                INSERT INTO subscription (id, integrator_id, key_hash, key_hint, environment, status, demo, created_at)
                VALUES (?, ?, ?, ?, ?, 'active', ?, ?)""")
                .params(id, integratorId, SubscriptionKeys.hash(key), SubscriptionKeys.hint(key),
                        environment, demo, OffsetDateTime.now())
                .update();
        return new IssuedKey(id, key, SubscriptionKeys.hint(key), environment);
    }

    /**
     * Replaces an active subscription's key: the old key's hash is overwritten, so it stops matching at once, while
     * the subscription (its id, webhook, queries and rate-limit budget) stays. Empty when not active.
     */
    @Transactional
    public Optional<IssuedKey> rotate(UUID subscriptionId) {
        String key = SubscriptionKeys.newKey();
        int updated = db.sql("""
                UPDATE subscription SET key_hash = ?, key_hint = ?, rotated_at = ? WHERE id = ? AND status = 'active'""")
                .params(SubscriptionKeys.hash(key), SubscriptionKeys.hint(key), OffsetDateTime.now(), subscriptionId)
                .update();
        if (updated == 0) {
            return Optional.empty();
        }
        return subscription(subscriptionId).map(s -> new IssuedKey(s.id(), key, s.keyHint(), s.environment()));
    }

    /** Revokes a subscription for good (the front door and async/registered re-admission check its status). */
    public boolean revoke(UUID subscriptionId) {
        return db.sql("UPDATE subscription SET status = 'revoked', revoked_at = ? WHERE id = ? AND status <> 'revoked'")
                .params(OffsetDateTime.now(), subscriptionId).update() > 0;
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
    public record SubscriptionSummary(UUID id, UUID integratorId, String keyHint, String environment, String status,
                                      boolean demo, OffsetDateTime createdAt, OffsetDateTime rotatedAt,
                                      OffsetDateTime revokedAt) {
    }

    private static final String SUBSCRIPTION_SUMMARY = """
            SELECT id, integrator_id, key_hint, environment, status, demo, created_at, rotated_at, revoked_at
            FROM subscription""";

    public List<SubscriptionSummary> subscriptions(UUID integratorId) {
        return db.sql(SUBSCRIPTION_SUMMARY + " WHERE integrator_id = ? ORDER BY created_at, id")
                .param(integratorId).query(Integrators::summary).list();
    }

    public Optional<SubscriptionSummary> subscription(UUID subscriptionId) {
        return db.sql(SUBSCRIPTION_SUMMARY + " WHERE id = ?").param(subscriptionId).query(Integrators::summary).optional();
    }

    private static SubscriptionSummary summary(ResultSet rs, int n) throws SQLException {
        return new SubscriptionSummary(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getObject(7, OffsetDateTime.class),
                rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class));
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
                .params(integratorId, vendor, dbUser, sealer.seal(dbPassword, Purpose.VENDOR_PASSWORD.of(integratorId, vendor)),
                        OffsetDateTime.now())
                .update();
    }

    /** A vendor sign-up as the operator sees it: the login's name, never its password. */
    public record VendorSignup(String vendor, String dbUser, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** Signs an integrator up with a vendor, or replaces its login there; the password is sealed as in {@link #signUp}. */
    @Transactional
    public VendorSignup putSignup(UUID integratorId, String vendor, String dbUser, String dbPassword) {
        String sealed = sealer.seal(dbPassword, Purpose.VENDOR_PASSWORD.of(integratorId, vendor));
        int updated = db.sql("""
                UPDATE vendor_signup SET db_user = ?, db_password_sealed = ?, updated_at = ?
                WHERE integrator_id = ? AND vendor = ?""")
                .params(dbUser, sealed, OffsetDateTime.now(), integratorId, vendor).update();
        if (updated == 0) {
            db.sql("""
                    INSERT INTO vendor_signup (integrator_id, vendor, db_user, db_password_sealed, created_at)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(integratorId, vendor, dbUser, sealed, OffsetDateTime.now()).update();
        }
        return signups(integratorId).stream().filter(v -> v.vendor().equals(vendor)).findFirst().orElseThrow();
    }

    public List<VendorSignup> signups(UUID integratorId) {
        return db.sql("SELECT vendor, db_user, created_at, updated_at FROM vendor_signup WHERE integrator_id = ? ORDER BY vendor")
                .param(integratorId)
                .query((rs, n) -> new VendorSignup(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    public boolean removeSignup(UUID integratorId, String vendor) {
        return db.sql("DELETE FROM vendor_signup WHERE integrator_id = ? AND vendor = ?").params(integratorId, vendor)
                .update() > 0;
    }

    public Optional<VendorCredentials> vendorCredentials(UUID integratorId, String vendor) {
        return vendorSignup(integratorId, vendor).map(VendorSignupSealed::open);
    }

    /** An integrator's login at a vendor as stored: the password still sealed until {@link #open()}. */
    public final class VendorSignupSealed {
        private final UUID integratorId;
        private final String vendor;
        private final String user;
        private final String sealedPassword;

        private VendorSignupSealed(UUID integratorId, String vendor, String user, String sealedPassword) {
            this.integratorId = integratorId;
            this.vendor = vendor;
            this.user = user;
            this.sealedPassword = sealedPassword;
        }

        public String user() {
            return user;
        }

        public VendorCredentials open() {
            meters.counter(CREDENTIALS_METER, "step", "open").increment();
            return new VendorCredentials(user, sealer.open(sealedPassword, Purpose.VENDOR_PASSWORD.of(integratorId, vendor)));
        }
    }

    /** One read of an integrator's sign-up with a vendor (login and sealed password). */
    public Optional<VendorSignupSealed> vendorSignup(UUID integratorId, String vendor) {
        meters.counter(CREDENTIALS_METER, "step", "read").increment();
        return db.sql("SELECT db_user, db_password_sealed FROM vendor_signup WHERE integrator_id = ? AND vendor = ?")
                .params(integratorId, vendor)
                .query((rs, n) -> new VendorSignupSealed(integratorId, vendor, rs.getString(1), rs.getString(2)))
                .optional();
    }
}
