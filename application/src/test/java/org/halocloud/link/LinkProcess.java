package org.halocloud.link;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.halocloud.demo.DemoDatabase;
import org.halocloud.link.standalone.LinkConfig;
import org.halocloud.mappings.demo.DemoSite;
import tools.jackson.databind.ObjectMapper;

/**
 * A standalone Halo Link in its own process ({@code halo-link/target/halo-link-standalone.jar}, built by the
 * reactor before these tests run), serving one freshly built Bp Premier database from a directory of its own.
 */
final class LinkProcess implements AutoCloseable {

    static final Path JAR = Path.of("..", "halo-link", "target", "halo-link-standalone.jar").toAbsolutePath().normalize();
    private static final String OWNER = "HALO_LINK";

    final Path dir;
    final DemoDatabase built;
    final Path config;
    final Path output;
    final LinkConfig.Database database;
    final String ownerPassword = UUID.randomUUID().toString();
    /** What the test reads from the database while building it, to compare with answers through the Link. */
    final long patients;
    /** People, as FHIR serves them: not deleted, not a pseudo-patient blocking the appointment book. */
    final long livePatients;
    final String firstSurname;
    private Process process;

    /**
     * @param acmeUser     Acme Health's database login with Bp Premier (as the cloud holds it)
     */
    LinkProcess(Path root, String key, String pmsId, String acmeUser, String acmePassword, URI cloud,
                String credential, ObjectMapper mapper) throws IOException, SQLException {
        this.dir = root.resolve(key + "-" + UUID.randomUUID());
        // AUTO_SERVER: the Link process holds the files; the test still reaches them as the practice
        built = DemoDatabase.build(dir, ";AUTO_SERVER=TRUE", "bp-premier", new DemoSite(pmsId, "Lakeside Clinic", 11, 12,
                List.of(new DemoSite.DemoLogin(acmeUser, acmePassword, "Acme Health", true))), OWNER, ownerPassword);
        try (Connection owner = built.asOwner(); Statement s = owner.createStatement()) {
            patients = single(s, "SELECT COUNT(*) FROM dbo.BPS_Patients");
            livePatients = single(s, "SELECT COUNT(*) FROM dbo.PATIENTS WHERE RECORDSTATUS = 1 AND INTERNALID > 0"
                    + " AND TRIM(SURNAME) NOT IN ('DO NOT BOOK', 'CARE PLAN')");
            try (ResultSet rs = s.executeQuery("SELECT Surname FROM dbo.BPS_Patients ORDER BY InternalID")) {
                rs.next();
                firstSurname = rs.getString(1).trim();
            }
        }
        this.database = new LinkConfig.Database(key, "bp-premier", pmsId, "Lakeside Clinic", "6.2.1",
                built.catalogueUrls(), built.ownerOptions(), OWNER, ownerPassword, built.enabledLoginsQuery());
        this.config = dir.resolve("link.json");
        this.output = dir.resolve("link.log");
        mapper.writeValue(config.toFile(), new LinkConfig(cloud, credential, 4, 1, false, List.of(database)));
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
    }

    /** As a power cut or a crash would: no goodbye to the cloud. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** A connection as the practice itself (the database owner), while the Link holds the files. */
    Connection asPractice() throws SQLException {
        return built.asOwner();
    }

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
