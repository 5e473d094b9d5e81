package org.halocloud.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.halocloud.HaloCloudApplication;
import org.halocloud.demo.DemoManifest;
import org.halocloud.demo.DemoPractices;
import org.halocloud.kernel.state.Integrators;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two cloud nodes in this JVM over one state store (an H2 file both open, as two processes would share PostgreSQL)
 * and the local NATS broker: node A runs the demo (its in-process Links hold every demo site), node B none. The
 * settings each test adds win over application.yml, as an operator's would. Aborts the calling test class, saying
 * why, when no NATS answers at HALO_TEST_NATS_URL (default nats://127.0.0.1:4222).
 */
final class TwoNodeCluster implements AutoCloseable {

    static final String NATS = System.getenv().getOrDefault("HALO_TEST_NATS_URL", "nats://127.0.0.1:4222");
    static final String KEY_HEADER = "Ocp-Apim-Subscription-Key";

    final ConfigurableApplicationContext nodeA;
    final ConfigurableApplicationContext nodeB;
    final int portA;
    final int portB;
    final DemoManifest manifest;
    /** An Acme Health key. */
    final String key;

    private TwoNodeCluster(ConfigurableApplicationContext nodeA, ConfigurableApplicationContext nodeB) {
        this.nodeA = nodeA;
        this.nodeB = nodeB;
        this.portA = port(nodeA);
        this.portB = port(nodeB);
        this.manifest = nodeA.getBean(DemoPractices.class).manifest();
        Integrators integrators = nodeA.getBean(Integrators.class);
        this.key = integrators.issueKey(integrators.findByName("Acme Health").orElseThrow(), "demo", true);
    }

    /** Starts A then B with the shared settings and {@code settings}; {@code what} names the test for the skip. */
    static TwoNodeCluster start(String what, Map<String, Object> settings) throws IOException {
        URI broker = URI.create(NATS);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(broker.getHost(), broker.getPort() < 0 ? 4222 : broker.getPort()), 1000);
        } catch (IOException e) {
            Assumptions.abort("no NATS answers at " + NATS + ": start nats-server (-js) or set HALO_TEST_NATS_URL to "
                    + "run " + what);
        }
        Path dir = Files.createTempDirectory("halo-cluster-");
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        Map<String, Object> shared = new LinkedHashMap<>(Map.of(
                "server.port", "0",
                "spring.datasource.url", "jdbc:h2:file:" + dir.resolve("state").resolve("halo") + ";TRACE_LEVEL_FILE=0",
                "halo.secrets.master-key", Base64.getEncoder().encodeToString(master),
                "halo.cluster.broker-url", NATS,
                "halo.query.timeout", "10s"));
        shared.putAll(settings);
        long started = System.nanoTime();
        ConfigurableApplicationContext a = node(shared, dir.resolve("a"), true);
        long aStarted = System.nanoTime();
        ConfigurableApplicationContext b = node(shared, dir.resolve("b"), false);
        System.out.printf("[cluster] node A (demo) started in %d ms, node B in %d ms%n", (aStarted - started) / 1_000_000,
                (System.nanoTime() - aStarted) / 1_000_000);
        return new TwoNodeCluster(a, b);
    }

    private static ConfigurableApplicationContext node(Map<String, Object> shared, Path dataDir, boolean demo) {
        List<String> args = new ArrayList<>();
        shared.forEach((name, value) -> args.add("--" + name + "=" + value));
        args.add("--halo.data-dir=" + dataDir);
        args.add("--halo.demo.enabled=" + demo);
        return new SpringApplicationBuilder(HaloCloudApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    /** The Halo GUID of the demo's authoritative site of {@code pms}. */
    String guid(String pms) {
        return manifest.sites().stream().filter(s -> s.pms().equals(pms) && s.authoritative()).findFirst()
                .orElseThrow().haloGuid();
    }

    /** Stops what still runs (a test may have stopped a node itself). */
    @Override
    public void close() {
        if (nodeB.isActive()) {
            nodeB.close();
        }
        if (nodeA.isActive()) {
            nodeA.close();
        }
    }
}
