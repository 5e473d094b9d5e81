package org.halocloud.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import org.halocloud.link.agent.ServedDatabase;
import org.halocloud.mappings.demo.DemoPms;
import org.halocloud.mappings.demo.DemoSite;
import org.halocloud.mappings.demo.FirebirdServer;

/**
 * One synthetic practice database in H2 files, built by its vendor's demo builder, ready for a Link to serve: the
 * embedded demo's practices, the practice a standalone Link serves in the tests, and the docker compose's demo PMS.
 *
 * @param catalogueUrls JDBC URL per catalogue, as integrators' logins connect (the first is the default)
 * @param ownerOptions  the database-wide settings its owner (the Link's own login) connects with
 */
public record DemoDatabase(String pms, Map<String, String> catalogueUrls, String ownerOptions, String ownerUser,
                           String ownerPassword, String enabledLoginsQuery) {

    /**
     * @param urlOptions options every connection adds (e.g. {@code ;AUTO_SERVER=TRUE} when several processes share
     *                   the files); empty for one process
     */
    public static DemoDatabase build(Path dir, String urlOptions, String pms, DemoSite site, String ownerUser,
                                     String ownerPassword) throws SQLException, IOException {
        DemoPms builder = builder(pms);
        Files.createDirectories(dir);
        String ownerOptions = builder.h2Settings() + ";TRACE_LEVEL_FILE=0";
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, Connection> owners = new LinkedHashMap<>();
        try {
            for (String catalogue : builder.catalogues()) {
                String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(catalogue) + urlOptions;
                urls.put(catalogue, url);
                owners.put(catalogue, DriverManager.getConnection(url + ownerOptions, ownerUser, ownerPassword));
            }
            builder.build(owners, site);
        } finally {
            for (Connection c : owners.values()) {
                c.close();
            }
        }
        return new DemoDatabase(pms, urls, ownerOptions, ownerUser, ownerPassword, builder.enabledLoginsQuery());
    }

    /**
     * The practice database built on a real Firebird server: one database per catalogue ({@code <prefix>-<CATALOGUE>
     * .fdb}, re-created), the integrators' logins as Firebird users with Firebird's grants, and {@code ownerUser} —
     * the Link's own login — a Firebird user who may read everything (never the server's administrator).
     */
    public static DemoDatabase buildOnFirebird(FirebirdServer server, String prefix, String pms, DemoSite site,
                                               String ownerUser, String ownerPassword) throws SQLException {
        DemoPms builder = builder(pms);
        if (!builder.engines().contains(DemoPms.FIREBIRD)) {
            throw new IllegalStateException(pms + "'s demo cannot be built on Firebird");
        }
        Map<String, String> urls = server.build(builder, site, prefix, ownerUser, ownerPassword);
        return new DemoDatabase(pms, urls, "", ownerUser, ownerPassword, builder.enabledLoginsQuery());
    }

    /** The vendor's demo builder, found on the class path. */
    public static DemoPms builder(String pms) {
        return ServiceLoader.load(DemoPms.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.pms().id().equals(pms)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo builder for " + pms + " on the class path"));
    }

    public List<String> catalogues() {
        return List.copyOf(catalogueUrls.keySet());
    }

    /** As the in-process Link serves it under its Halo GUID. */
    public ServedDatabase served(UUID haloGuid, String pmsId) {
        return new ServedDatabase(haloGuid, pms, pmsId, catalogueUrls, ownerOptions, ownerUser, ownerPassword,
                enabledLoginsQuery);
    }

    /** A connection as the practice itself (the owner). */
    public Connection asOwner() throws SQLException {
        return DriverManager.getConnection(catalogueUrls.values().iterator().next() + ownerOptions, ownerUser,
                ownerPassword);
    }

    @Override
    public String toString() {
        return "DemoDatabase[" + pms + ", catalogues=" + catalogueUrls.keySet() + "]";
    }
}
