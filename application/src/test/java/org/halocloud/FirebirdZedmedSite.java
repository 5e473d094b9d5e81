package org.halocloud;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.halocloud.demo.DemoDatabase;
import org.halocloud.demo.DemoManifest;
import org.halocloud.embedded.InProcessTransport;
import org.halocloud.kernel.state.Integrators;
import org.halocloud.kernel.state.PmsDatabase;
import org.halocloud.kernel.state.PmsDatabases;
import org.halocloud.link.VendorCredentials;
import org.halocloud.mappings.demo.DemoSite;
import org.halocloud.mappings.demo.FirebirdServer;
import org.halocloud.pms.Pmss;

/**
 * The demo's Riverbend Medical Centre a second time, on the real Firebird server ({@link FirebirdServer#forTests()}):
 * the same seed, size and logins as the H2 one (so the same rows), built once per test JVM with the product's
 * {@link DemoDatabase#buildOnFirebird}, served by its own in-process Link under its own PMS ID (so it is
 * authoritative) and reached through Jaybird with the Link's pooled per-login connections. The suite keeps its one
 * Spring context: this site is added to it, as a practice's Link would announce it.
 *
 * <p>Firebird users are the server's, not a database's: the run (re)creates ACME_ZM and BETA_ZM with its own
 * passwords, so a demo running on the same server loses its Zedmed logins' passwords.
 */
public final class FirebirdZedmedSite {

    public static final String PMS_ID = "ZM2093-FB";
    private static final String LINK = "riverbend-firebird-server";
    private static final String PREFIX = "halo-it-zedmed";
    private static DemoManifest.Site site;

    private FirebirdZedmedSite() {
    }

    public static synchronized DemoManifest.Site site(DemoManifest.Site h2Site, int patients, Integrators integrators,
                                                      PmsDatabases databases, InProcessTransport transport)
            throws SQLException {
        if (site != null) {
            return site;
        }
        List<DemoSite.DemoLogin> logins = List.of("Acme Health", "Beta Bookings").stream().map(name -> {
            UUID id = integrators.findByName(name).orElseThrow();
            VendorCredentials login = integrators.vendorCredentials(id, "zedmed").orElseThrow();
            return new DemoSite.DemoLogin(login.user(), login.password(), name, h2Site.enabledFor().contains(name));
        }).toList();
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        DemoDatabase built = DemoDatabase.buildOnFirebird(FirebirdServer.forTests(), PREFIX, "zedmed",
                new DemoSite(PMS_ID, h2Site.practiceName(), 2, patients, logins), "HALO_IT_LINK",
                HexFormat.of().formatHex(secret));
        PmsDatabase db = databases.register(transport.link(LINK), Pmss.byId("zedmed"), PMS_ID, h2Site.practiceName(),
                null, built.catalogues().stream()
                        .map(c -> new PmsDatabase.Catalogue(c, c.equals(built.catalogues().get(0)))).toList());
        transport.serve(LINK, built.served(db.haloGuid(), PMS_ID));
        site = new DemoManifest.Site(db.haloGuid().toString(), "zedmed", PMS_ID, h2Site.practiceName(),
                db.authoritative(), built.catalogues(), h2Site.enabledFor(), h2Site.writes());
        return site;
    }

    /**
     * The server's administrator (SYSDBA) on one of the site's databases, for a test to set up what the demo does
     * not have (a procedure), once {@link #site} has built them. The caller closes it.
     */
    public static Connection administrator(String catalogue) throws SQLException {
        if (site == null) {
            throw new IllegalStateException("the Firebird Zedmed site is not built yet");
        }
        return FirebirdServer.forTests().connect(PREFIX + "-" + catalogue + ".fdb");
    }
}
