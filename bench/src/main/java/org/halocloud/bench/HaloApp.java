package org.halocloud.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.halocloud.HaloCloudApplication;
import org.halocloud.kernel.frontdoor.Admission;
import org.halocloud.kernel.frontdoor.FrontDoor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The application under test, started in this JVM ({@code SpringApplication}) on a fresh data directory with the
 * demo practices, rate limit off, any free port; the first demo integrator's key on the authoritative Bp Premier
 * site, and an HTTP client for its API.
 */
final class HaloApp implements AutoCloseable {

    private final ConfigurableApplicationContext ctx;
    private final Path data;
    private final long readyAt;
    private final String base;
    private final String key;
    private final String guid;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private Admission admission;

    private HaloApp(ConfigurableApplicationContext ctx, Path data, long readyAt) throws Exception {
        this.ctx = ctx;
        this.data = data;
        this.readyAt = readyAt;
        try {
            base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            JsonNode manifest = Bench.JSON.readTree(data.resolve("demo.json").toFile());
            key = manifest.get("integrators").get(0).get("subscriptionKey").asString();
            String bp = null;
            for (JsonNode site : manifest.get("sites")) {
                if (site.get("pms").asString().equals("bp-premier") && site.get("authoritative").asBoolean()) {
                    bp = site.get("haloGuid").asString();
                }
            }
            guid = bp;
        } catch (Exception | Error e) {
            ctx.close();
            throw e;
        }
    }

    /** Starts the application; {@link #readyAt()} is when {@code SpringApplication.run} returned. */
    static HaloApp start(Path data, int patients) throws Exception {
        ConfigurableApplicationContext ctx = new SpringApplication(HaloCloudApplication.class).run(
                "--halo.data-dir=" + data, "--halo.demo.patients=" + patients, "--halo.rate-limit.enabled=false",
                "--server.port=0", "--logging.level.root=WARN", "--logging.level.org.halocloud=WARN");
        return new HaloApp(ctx, data, System.nanoTime());
    }

    long readyAt() {
        return readyAt;
    }

    String base() {
        return base;
    }

    String key() {
        return key;
    }

    HttpClient http() {
        return http;
    }

    String fhirBase() {
        return siteUrl("/fhir/R4");
    }

    String siteUrl(String path) {
        return base + "/integrator/sites/" + guid + path;
    }

    <T> T bean(Class<T> type) {
        return ctx.getBean(type);
    }

    /** The front door's admission of the key on the Bp site (not counted), made once. */
    synchronized Admission admission() {
        if (admission == null) {
            admission = bean(FrontDoor.class).admit(key, guid, false);
        }
        return admission;
    }

    /** The JDBC URL the embedded Link serves the Bp site's catalogue at (its served.json). */
    String servedUrl(String catalogue) throws Exception {
        JsonNode served = Bench.JSON.readTree(data.resolve("link").resolve("served.json").toFile());
        for (JsonNode s : served.get("served")) {
            JsonNode db = s.get("database");
            if (db.get("haloGuid").asString().equals(guid)) {
                return db.get("catalogueUrls").get(catalogue).asString();
            }
        }
        throw new IllegalStateException("site " + guid + " not in served.json");
    }

    HttpResponse<byte[]> immediate(String sql) throws Exception {
        return post("/queries/immediate", sql);
    }

    /** POSTs a reader text command to one of the site's query paths. */
    HttpResponse<byte[]> post(String path, String sql) throws Exception {
        String body = Bench.JSON.writeValueAsString(Map.of("command",
                Map.of("text", sql, "executionMode", "reader", "type", "text")));
        return http.send(HttpRequest.newBuilder(URI.create(siteUrl(path)))
                .header("Ocp-Apim-Subscription-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GETs a URL with the key. */
    HttpResponse<byte[]> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Ocp-Apim-Subscription-Key", key).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        ctx.close();
    }
}
