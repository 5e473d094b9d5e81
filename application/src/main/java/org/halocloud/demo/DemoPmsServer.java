package org.halocloud.demo;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.h2.tools.Server;
import org.halocloud.mappings.demo.DemoSite;

/**
 * A demo practice's PMS database on its own server, for a standalone Link to serve (the docker compose's
 * {@code demo-pms}): builds one synthetic practice on first start, then serves it over H2's TCP server. Settings
 * come from the environment: {@code DEMO_PMS} (bp-premier, zedmed, d4w or d4web), {@code DEMO_PMS_ID},
 * {@code DEMO_PRACTICE}, {@code DEMO_PATIENTS}, the integrator's login {@code DEMO_LOGIN_USER} /
 * {@code DEMO_LOGIN_PASSWORD} (the one an operator stores as its vendor sign-up), the owner's password
 * {@code DEMO_OWNER_PASSWORD} (the Link's own login), {@code DEMO_DIR}, {@code DEMO_PORT} and {@code DEMO_BIND}, the
 * address it listens on: loopback ({@code 127.0.0.1}) unless given (compose gives {@code 0.0.0.0}, so the Link's
 * container reaches it); connections from other hosts are accepted only when it is bound to a non-loopback address.
 *
 * <p>Run from the cloud's jar: {@code java -cp halo-cloud.jar -Dloader.main=org.halocloud.demo.DemoPmsServer
 * org.springframework.boot.loader.launch.PropertiesLauncher}.
 */
public final class DemoPmsServer {

    static final String OWNER = "HALOLINK";

    private DemoPmsServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        InetAddress bind = InetAddress.getByName(env.getOrDefault("DEMO_BIND", "127.0.0.1"));
        // H2 reads its bind address once, when its settings are first loaded: before any H2 use below
        System.setProperty("h2.bindAddress", bind.getHostAddress());
        String pms = env.getOrDefault("DEMO_PMS", "bp-premier");
        Path dir = Path.of(env.getOrDefault("DEMO_DIR", "pms-data")).toAbsolutePath();
        String port = env.getOrDefault("DEMO_PORT", "9092");
        String ownerPassword = required(env, "DEMO_OWNER_PASSWORD");
        if (!Files.exists(dir.resolve("built"))) {
            DemoSite site = new DemoSite(env.getOrDefault("DEMO_PMS_ID", "40217"),
                    env.getOrDefault("DEMO_PRACTICE", "Harbourside Family Practice"), 1,
                    Integer.parseInt(env.getOrDefault("DEMO_PATIENTS", "200")),
                    List.of(new DemoSite.DemoLogin(required(env, "DEMO_LOGIN_USER"), required(env, "DEMO_LOGIN_PASSWORD"),
                            "Demo integrator", true)));
            DemoDatabase built = DemoDatabase.build(dir, "", pms, site, OWNER, ownerPassword);
            Files.writeString(dir.resolve("built"), String.join("\n", built.catalogues()));
            System.out.println("demo-pms: built " + pms + " with " + site.patients() + " patients in " + dir);
        }
        List<String> options = new java.util.ArrayList<>(List.of("-tcpPort", port, "-baseDir", dir.toString(), "-ifExists"));
        if (!bind.isLoopbackAddress()) {
            options.add("-tcpAllowOthers"); // bound beyond loopback on purpose: let those hosts in
        }
        Server server = Server.createTcpServer(options.toArray(String[]::new)).start();
        String catalogues = Files.readAllLines(dir.resolve("built")).stream()
                .map(c -> "\"" + c + "\": \"jdbc:h2:tcp://<this host>:" + port + "/" + c + "\"")
                .collect(Collectors.joining(", "));
        System.out.println("demo-pms: serving on " + bind.getHostAddress() + ":" + server.getPort() + " (" + server.getURL() + "); the Link's catalogues: {" + catalogues
                + "}, linkUser " + OWNER + ", linkUrlOptions \"" + DemoDatabase.builder(pms).h2Settings() + "\","
                + " enabledLoginsQuery \"" + DemoDatabase.builder(pms).enabledLoginsQuery() + "\"");
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
