package org.halocloud.kernel.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.halocloud.kernel.security.SubscriptionKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.halocloud.pms.PmsDescriptor;
import org.halocloud.pms.Pmss;

/** Links, the PMS databases they serve (Halo GUIDs), their catalogues and the practices' enablement. */
@Repository
public class PmsDatabases {

    private static final String SELECT = """
            SELECT halo_guid, link_id, pms, pms_id, practice_name, pms_version, authoritative, status FROM pms_database""";

    private static final String LINK_SELECT = """
            SELECT id, name, version, environment, credential_hash IS NOT NULL, last_heard_at, revoked_at FROM halo_link""";

    private final JdbcClient db;

    public PmsDatabases(JdbcClient db) {
        this.db = db;
    }

    public UUID registerLink(String name, String version) {
        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO halo_link (id, name, version, last_heard_at, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, name, version, OffsetDateTime.now(), OffsetDateTime.now()).update();
        return id;
    }

    public Optional<UUID> linkByName(String name) {
        return db.sql("SELECT id FROM halo_link WHERE name = ? ORDER BY created_at").param(name).query(UUID.class)
                .list().stream().findFirst();
    }

    public void heardFrom(UUID linkId) {
        db.sql("UPDATE halo_link SET last_heard_at = ? WHERE id = ?").params(OffsetDateTime.now(), linkId).update();
    }

    /** A Link's heartbeat: when it was last heard from and the version it runs. */
    public void heardFrom(UUID linkId, String version) {
        db.sql("UPDATE halo_link SET last_heard_at = ?, version = ? WHERE id = ?")
                .params(OffsetDateTime.now(), version, linkId).update();
    }

    /** A standalone Link registered by an operator, with its credential (shown once). */
    public record IssuedLink(UUID linkId, String name, String environment, String credential) {

        @Override
        public String toString() {
            return "IssuedLink[" + linkId + ", " + name + ", credential=***]";
        }
    }

    /** A Link as operators see it. */
    public record Link(UUID id, String name, String version, String environment, boolean standalone,
                       OffsetDateTime lastHeardAt, OffsetDateTime revokedAt) {
    }

    /** Registers a standalone Link of this environment; only the SHA-256 of its credential is kept. */
    public IssuedLink registerStandaloneLink(String name, String environment) {
        UUID id = UUID.randomUUID();
        String credential = SubscriptionKeys.newKey();
        db.sql("INSERT INTO halo_link (id, name, credential_hash, environment, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, name, SubscriptionKeys.hash(credential), environment, OffsetDateTime.now()).update();
        return new IssuedLink(id, name, environment, credential);
    }

    /** The Link a credential belongs to, if it was issued in this environment. */
    public Optional<UUID> authenticateLink(String credential, String environment) {
        return db.sql("SELECT id FROM halo_link WHERE credential_hash = ? AND environment = ? AND revoked_at IS NULL")
                .params(SubscriptionKeys.hash(credential), environment).query(UUID.class).optional();
    }

    /** Revokes a standalone Link's credential; false when there is no such Link or it is already revoked. */
    public boolean revokeLink(UUID id) {
        return db.sql("""
                UPDATE halo_link SET revoked_at = ? WHERE id = ? AND credential_hash IS NOT NULL AND revoked_at IS NULL""")
                .params(OffsetDateTime.now(), id).update() == 1;
    }

    public Optional<Link> link(UUID id) {
        return db.sql(LINK_SELECT + " WHERE id = ?").param(id).query(PmsDatabases::link).optional();
    }

    public List<Link> links() {
        return db.sql(LINK_SELECT + " ORDER BY created_at").query(PmsDatabases::link).list();
    }

    private static Link link(ResultSet rs, int n) throws SQLException {
        return new Link(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getBoolean(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class));
    }

    /**
     * A database a standalone Link announces under its own key: the Halo GUID it had before, or a new one (the first
     * database of a PMS ID is authoritative). What the Link says about it (name, version, catalogues) is refreshed.
     */
    @Transactional
    public PmsDatabase announce(UUID linkId, String key, PmsDescriptor pms, String pmsId, String practiceName, String pmsVersion,
                                List<PmsDatabase.Catalogue> catalogues) {
        Optional<UUID> known = db.sql("SELECT halo_guid FROM pms_database WHERE link_id = ? AND link_key = ?")
                .params(linkId, key).query(UUID.class).optional();
        if (known.isEmpty()) {
            PmsDatabase registered = register(linkId, pms, pmsId, practiceName, pmsVersion, catalogues);
            db.sql("UPDATE pms_database SET link_key = ? WHERE halo_guid = ?").params(key, registered.haloGuid()).update();
            return registered;
        }
        UUID guid = known.get();
        db.sql("UPDATE pms_database SET practice_name = ?, pms_version = ? WHERE halo_guid = ?")
                .params(practiceName, pmsVersion, guid).update();
        db.sql("DELETE FROM pms_catalogue WHERE halo_guid = ?").param(guid).update();
        for (PmsDatabase.Catalogue c : catalogues) {
            db.sql("INSERT INTO pms_catalogue (halo_guid, name, is_default) VALUES (?, ?, ?)")
                    .params(guid, c.name(), c.isDefault()).update();
        }
        return find(guid).orElseThrow();
    }

    /**
     * Makes one database the authoritative one of its PMS ID (e.g. after a server migration); the others of that
     * PMS ID stop being authoritative in the same transaction.
     *
     * @return false when the database is not one of that vendor's PMS ID
     */
    @Transactional
    public boolean moveAuthority(String vendor, String pmsId, UUID haloGuid) {
        List<PmsDatabase> sharing = byPmsId(vendor, pmsId);
        if (sharing.stream().noneMatch(d -> d.haloGuid().equals(haloGuid))) {
            return false;
        }
        for (PmsDatabase d : sharing) {
            db.sql("UPDATE pms_database SET authoritative = ? WHERE halo_guid = ?")
                    .params(d.haloGuid().equals(haloGuid), d.haloGuid()).update();
        }
        return true;
    }

    /**
     * Registers a database announced by a Link. The first database of a PMS ID is authoritative; later ones
     * (backups, migrations) are not, until an operator moves authority.
     */
    @Transactional
    public PmsDatabase register(UUID linkId, PmsDescriptor pms, String pmsId, String practiceName, String pmsVersion,
                                List<PmsDatabase.Catalogue> catalogues) {
        UUID guid = UUID.randomUUID();
        boolean authoritative = byPmsId(pms.vendor(), pmsId).stream().noneMatch(PmsDatabase::authoritative);
        db.sql("""
                INSERT INTO pms_database (halo_guid, link_id, pms, pms_id, practice_name, pms_version, authoritative,
                                          status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?)""")
                .params(guid, linkId, pms.id(), pmsId, practiceName, pmsVersion, authoritative, OffsetDateTime.now())
                .update();
        for (PmsDatabase.Catalogue c : catalogues) {
            db.sql("INSERT INTO pms_catalogue (halo_guid, name, is_default) VALUES (?, ?, ?)")
                    .params(guid, c.name(), c.isDefault()).update();
        }
        return find(guid).orElseThrow();
    }

    public Optional<PmsDatabase> find(UUID haloGuid) {
        return db.sql(SELECT + " WHERE halo_guid = ?").param(haloGuid).query(this::row).optional()
                .map(this::withCatalogues);
    }

    /** Every database of a vendor's practice (all PMS types of that vendor share its PMS IDs). */
    public List<PmsDatabase> byPmsId(String vendor, String pmsId) {
        return db.sql(SELECT + " WHERE pms_id = ? ORDER BY created_at").param(pmsId).query(this::row).list()
                .stream().filter(d -> d.pms().vendor().equals(vendor)).map(this::withCatalogues).toList();
    }

    public List<PmsDatabase> all() {
        return db.sql(SELECT + " ORDER BY created_at").query(this::row).list().stream().map(this::withCatalogues).toList();
    }

    /** Replaces the cached list of logins the practice has enabled, as its Link just read it from the PMS. */
    @Transactional
    public void reportEnabledLogins(UUID haloGuid, Collection<String> logins) {
        db.sql("DELETE FROM practice_enablement WHERE halo_guid = ?").param(haloGuid).update();
        OffsetDateTime now = OffsetDateTime.now();
        for (String login : logins) {
            db.sql("INSERT INTO practice_enablement (halo_guid, db_user, reported_at) VALUES (?, ?, ?)")
                    .params(haloGuid, login, now).update();
        }
    }

    public boolean isEnabled(UUID haloGuid, String dbUser) {
        return db.sql("SELECT COUNT(*) FROM practice_enablement WHERE halo_guid = ? AND UPPER(db_user) = UPPER(?)")
                .params(haloGuid, dbUser).query(Long.class).single() > 0;
    }

    /**
     * One database without its catalogues. The catalogues are read by {@link #withCatalogues} once the outer result
     * set is closed: a query inside a row mapper would take a second pooled connection while the first is held, and
     * enough concurrent look-ups (more than the pool's size) would then wait on each other until the pool's timeout.
     */
    private PmsDatabase row(ResultSet rs, int n) throws SQLException {
        return new PmsDatabase(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Pmss.byId(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8), List.of());
    }

    private PmsDatabase withCatalogues(PmsDatabase d) {
        List<PmsDatabase.Catalogue> catalogues = db
                .sql("SELECT name, is_default FROM pms_catalogue WHERE halo_guid = ? ORDER BY is_default DESC, name")
                .param(d.haloGuid()).query((c, i) -> new PmsDatabase.Catalogue(c.getString(1), c.getBoolean(2))).list();
        return new PmsDatabase(d.haloGuid(), d.linkId(), d.pms(), d.pmsId(), d.practiceName(), d.pmsVersion(),
                d.authoritative(), d.status(), catalogues);
    }
}
