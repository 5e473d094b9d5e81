package org.halocloud.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.halocloud.HaloCloudApplication;
import org.halocloud.mappings.fhir.PmsMapping;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.halocloud.mappings.fhir.Row;
import org.halocloud.pms.Pmss;
import org.halocloud.kernel.frontdoor.Admission;
import org.halocloud.kernel.frontdoor.FrontDoor;
import org.halocloud.link.QueryCommand;
import org.halocloud.link.RowSink;
import org.halocloud.kernel.pipeline.QueryPipeline;
import org.halocloud.kernel.state.Integrators;
import org.halocloud.link.VendorCredentials;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamCastMode;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Halo Cloud's benchmark (issue 5): starts the application in-process on the demo, then measures, in one run, the
 * FHIR facade against raw JDBC + mapping (in-process, and served over loopback HTTP by a bare JDK {@code HttpServer}
 * in the benchmark's JVM, to separate HTTP's cost from the gateway's) and against a stock HAPI FHIR JPA server (its
 * own process, see bench/jpa-peer), SQL passthrough throughput, the front door's cost and cold start. HTTP load for
 * the facade, raw over HTTP and the JPA server comes from {@link LoadClient} in its own JVM. Prints a markdown report
 * and writes it under {@code bench/results/}. Timings are reported, never asserted.
 *
 * <p>Options ({@code --name=value} or {@code -Dbench.name=value}): {@code patients} (2000; the issue's 100000),
 * {@code seconds} per measured cell (5), {@code warmup} seconds per query and path (8), {@code concurrency} (1,8,32),
 * {@code asyncRows} (1000000), {@code jpaPatients} (all of {@code patients}, as the issue asks; fewer for a quick run, 0 leaves the peer out),
 * {@code jpaJar}, {@code jpaHeap} (4g), {@code out} (the results directory), {@code name} (the file name's suffix),
 * {@code keep} (false: the demo databases and the JPA peer's files are deleted at the end).
 */
public final class Bench {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String IHI_SYSTEM = "http://ns.electronichealth.net.au/id/hi/ihi/1.0";
    private static final String PAD_SQL = "SELECT X, REPEAT('x', 100) AS PAD FROM SYSTEM_RANGE(1, %d)";
    /** As FhirSearches renders (standard paging, no quoted names), but with JDBC's ? placeholders. */
    private static final DSLContext SQL = DSL.using(SQLDialect.H2, new Settings()
            .withParamCastMode(ParamCastMode.NEVER).withRenderQuotedNames(RenderQuotedNames.NEVER));
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final Map<String, String> options;
    private final StringBuilder out = new StringBuilder();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String base;
    private String key;
    private String guid;
    private String jdbcUrl;
    private VendorCredentials login;
    private PmsMapping mapping;
    private Path work;
    private Process loadClient;
    private BufferedWriter loadIn;
    private BufferedReader loadOut;
    private Process jpa;
    private String jpaBase;
    private String jpaNote;
    /** The demo's patient id → the id the JPA peer assigned it (its searches name patients by its own ids). */
    private final Map<String, String> jpaPatientIds = new java.util.concurrent.ConcurrentHashMap<>();
    /** The raw path served over loopback HTTP (see {@link #startRawHttp}); its FHIR searches, by group and variant. */
    private HttpServer rawServer;
    private String rawBase;
    private ExecutorService rawPool;
    private volatile List<List<Search>> rawSearches = List.of();
    /** The mapping per resource type, looked up once (as section 1's in-process raw path looks it up once). */
    private final Map<String, ResourceMapping<?, ?>> rawMappings = new java.util.concurrent.ConcurrentHashMap<>();

    private Bench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("bench.")) {
                options.put(k.toString().substring(6), v.toString());
            }
        });
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        int code = 0;
        try {
            new Bench(options).run();
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    private int intOption(String name, int dflt) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(dflt)).replace("_", ""));
    }

    private void run() throws Exception {
        int patients = intOption("patients", 2000);
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "5"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "8"));
        int[] clients = Arrays.stream(options.getOrDefault("concurrency", "1,8,32").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        int asyncRows = intOption("asyncRows", 1_000_000);
        int jpaPatients = Math.min(patients, intOption("jpaPatients", patients));
        Path data = Files.createTempDirectory("halo-bench-");
        work = Files.createTempDirectory("halo-bench-work-");

        line("# Halo Cloud benchmark — " + LocalDateTime.now().withNano(0));
        line("");
        Runtime rt = Runtime.getRuntime();
        line("Machine: " + rt.availableProcessors() + " cores, max heap " + rt.maxMemory() / (1 << 20) + " MiB, Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ".  ");
        line("Demo: " + patients + " patients per practice (H2, in-process Link), rate limit off; " + seconds
                + " s per cell after " + warmup + " s warm-up per query and path (and one mixed warm-up of every "
                + "search first); latencies by sorting every sample.  ");
        line("Load average at start (1, 5, 15 min; the machine is shared): " + loadAverage() + ".  ");
        line("");

        // ---- 4. cold start ----
        long t0 = System.nanoTime();
        SpringApplication app = new SpringApplication(HaloCloudApplication.class);
        ConfigurableApplicationContext ctx = app.run("--halo.data-dir=" + data, "--halo.demo.patients=" + patients,
                "--halo.rate-limit.enabled=false", "--server.port=0", "--logging.level.root=WARN",
                "--logging.level.org.halocloud=WARN");
        long started = System.nanoTime();
        try {
            base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            JsonNode manifest = JSON.readTree(data.resolve("demo.json").toFile());
            key = manifest.get("integrators").get(0).get("subscriptionKey").asString();
            for (JsonNode site : manifest.get("sites")) {
                if (site.get("pms").asString().equals("bp-premier") && site.get("authoritative").asBoolean()) {
                    guid = site.get("haloGuid").asString();
                }
            }
            int status = immediate("SELECT 1").statusCode();
            long answered = System.nanoTime();
            line("## Cold start (embedded demo, " + patients + " patients × 5 practices built from nothing)");
            line("");
            line("| step | ms |");
            line("|---|---:|");
            line("| SpringApplication.run → context ready (includes building the demo databases) | " + ms(started - t0) + " |");
            line("| SpringApplication.run → first immediate `SELECT 1` answered (HTTP " + status + ") | " + ms(answered - t0) + " |");
            line("");
            flush();

            // the raw side: the integrator's own database login, straight to the practice's H2 database
            Admission admission = ctx.getBean(FrontDoor.class).admit(key, guid, false);
            login = ctx.getBean(Integrators.class).vendorCredentials(admission.subscription().integratorId(),
                    admission.database().pms().vendor()).orElseThrow();
            jdbcUrl = servedUrl(data, admission.database().defaultCatalogue());
            mapping = Pmss.byId("bp-premier").facet(PmsMapping.class).orElseThrow();

            startLoadClient();
            startRawHttp();
            startJpa(jpaPatients);
            fhir(clients, seconds, warmup);
            stopJpa();
            passthrough(seconds, asyncRows);
            frontDoor(ctx, admission, seconds, warmup);
            line("Load average at the end: " + loadAverage() + ".");
            line("");
        } finally {
            stopJpa();
            stopRawHttp();
            if (loadClient != null) {
                loadClient.destroy();
            }
            ctx.close();
            if (!Boolean.parseBoolean(options.getOrDefault("keep", "false"))) {
                // the demo databases and the JPA peer's H2 file (≈ 14 GB at the issue's size)
                deleteTree(data);
                deleteTree(work);
            }
        }
        Path dir = Path.of(options.getOrDefault("out", Files.isDirectory(Path.of("bench")) ? "bench/results" : "results"));
        Files.createDirectories(dir);
        Path file = dir.resolve(LocalDate.now() + options.getOrDefault("name", "-" + patients + "-patients") + ".md");
        Files.writeString(file, out.toString());
        System.out.println("\nwritten to " + file.toAbsolutePath());
    }

    // ---------------------------------------------------------------- 1. FHIR facade vs raw JDBC + mapping

    private record Search(String label, String resource, List<String[]> params) {
        String url(String fhirBase) {
            return url(fhirBase, Map.of());
        }

        /** @param patientIds the server's own id for each demo patient id named by a {@code patient} parameter */
        String url(String fhirBase, Map<String, String> patientIds) {
            StringBuilder sb = new StringBuilder(fhirBase + "/" + resource + "?");
            for (String[] p : params) {
                String value = p[0].equals("patient") && !patientIds.isEmpty() ? patientIds.get(p[1]) : p[1];
                if (value == null) {
                    throw new IllegalStateException("patient " + p[1] + " was not loaded into the JPA peer");
                }
                sb.append(p[0]).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
            return sb.substring(0, sb.length() - 1);
        }
    }

    private void fhir(int[] clients, double seconds, double warmup) throws Exception {
        // sample values: the first patients with an IHI (read raw, mapped as the facade maps them)
        List<Patient> sample = samplePatients();
        String since = "ge" + LocalDate.now().minusYears(3);
        List<List<Search>> searches = new ArrayList<>();
        List<Search> family = new ArrayList<>(), ihi = new ArrayList<>(), obs = new ArrayList<>(), enc = new ArrayList<>(),
                cond = new ArrayList<>();
        for (Patient p : sample) {
            String id = p.getIdElement().getIdPart();
            String fam = p.getNameFirstRep().getFamily();
            String prefix = fam.substring(0, Math.min(2, fam.length())).toLowerCase(Locale.ROOT);
            String value = p.getIdentifier().stream().filter(i -> IHI_SYSTEM.equals(i.getSystem()))
                    .map(Identifier::getValue).findFirst().orElseThrow();
            family.add(new Search("Patient?family=<2 letters>", "Patient", List.<String[]>of(new String[] {"family", prefix})));
            ihi.add(new Search("Patient?identifier=<IHI system>\\|<ihi>", "Patient",
                    List.<String[]>of(new String[] {"identifier", IHI_SYSTEM + "|" + value})));
            obs.add(new Search("Observation?patient=<id>&category=vital-signs", "Observation",
                    List.of(new String[] {"patient", id}, new String[] {"category", "vital-signs"})));
            enc.add(new Search("Encounter?patient=<id>&date=" + since, "Encounter",
                    List.of(new String[] {"patient", id}, new String[] {"date", since})));
            cond.add(new Search("Condition?patient=<id>&clinical-status=active", "Condition",
                    List.of(new String[] {"patient", id}, new String[] {"clinical-status", "active"})));
        }
        searches.addAll(List.of(family, ihi, obs, enc, cond));
        rawSearches = searches;
        String facadeBase = base + "/integrator/sites/" + guid + "/fhir/R4";

        line("## 1. FHIR facade (HTTP, front door, Link, HAPI) vs raw JDBC + the same mapping in-process"
                + (jpaBase != null ? " vs the HAPI FHIR JPA server" : ""));
        line("");
        line("Bp Premier demo, `_count` 20 (the default; the raw side also reads 21 rows). Requests rotate over "
                + sample.size() + " patients (one rotation shared by all clients). Facade and JPA: HTTP GETs from the "
                + "load client, a separate JVM on the same machine. Raw: in the benchmark's JVM, the same jOOQ-rendered "
                + "SQL as the integrator's login, one JDBC connection per client kept open, statements set up as the "
                + "Link sets them (fetch size 500, a query timeout — which also keeps H2 from answering a repeated "
                + "query from its last result), rows → `ResourceMapping.map(Row)` → searchset Bundle → HAPI JSON. "
                + "Raw over HTTP: the same raw path behind a bare JDK `HttpServer` in the benchmark's JVM (127.0.0.1, "
                + "a pool of " + RAW_HTTP_THREADS + " threads, each with its own JDBC connection, TCP_NODELAY, the JSON "
                + "sent with a Content-Length), GETs from the same load client as the facade and JPA: it pays the "
                + "loopback HTTP hop and nothing else, so facade/raw-HTTP is the gateway's own cost and raw-HTTP/raw "
                + "the cost of HTTP itself. Client, server and H2 share this machine's cores.");
        if (jpaNote != null) {
            line("");
            line(jpaNote);
        }
        if (jpaBase != null) {
            line("");
            line(sameAnswers(searches, facadeBase));
        }
        line("");
        line("| search | clients | facade p50 ms | facade p99 ms | facade req/s | raw p50 ms | raw p99 ms | raw req/s | "
                + "raw over HTTP p50 ms | raw over HTTP p99 ms | raw over HTTP req/s | "
                + "JPA p50 ms | JPA p99 ms | JPA req/s | p50 facade/raw | p50 facade/raw-HTTP | req/s raw/facade | "
                + "req/s facade/JPA |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        flush();
        // one mixed warm-up of every search first (the facade's path needs tens of seconds of load before the JIT
        // has compiled it; a short per-query warm-up left the first version measuring interpreted code)
        List<String> allFacade = new ArrayList<>();
        List<String> allJpa = new ArrayList<>();
        for (List<Search> variants : searches) {
            for (Search s : variants) {
                allFacade.add(s.url(facadeBase));
                if (jpaBase != null) {
                    allJpa.add(s.url(jpaBase, jpaPatientIds));
                }
            }
        }
        Map<String, String> keyHeader = Map.of("Ocp-Apim-Subscription-Key", key, "Accept", "application/fhir+json");
        Map<String, String> jsonHeader = Map.of("Accept", "application/fhir+json");
        remote(allFacade, keyHeader, 8, 3 * warmup);
        if (jpaBase != null) {
            remote(allJpa, jsonHeader, 8, 3 * warmup);
        }
        for (int g = 0; g < searches.size(); g++) {
            List<Search> variants = searches.get(g);
            Search first = variants.get(0);
            ResourceMapping<?, ?> rm = mapping.resource(first.resource()).orElseThrow();
            List<String> facadeUrls = variants.stream().map(s -> s.url(facadeBase)).toList();
            List<String> jpaUrls = jpaBase == null ? List.of() : variants.stream().map(s -> s.url(jpaBase, jpaPatientIds)).toList();
            // raw over HTTP: /fhir/<search>/<variant>, which the handler maps back to the Search (see startRawHttp)
            List<String> rawHttpUrls = new ArrayList<>();
            for (int v = 0; v < variants.size(); v++) {
                rawHttpUrls.add(rawBase + "/fhir/" + g + "/" + v);
            }
            Op raw = (worker, i) -> rawBundle(worker, rm, variants.get(i % variants.size())).length();
            remote(facadeUrls, keyHeader, 8, warmup);
            measure(raw, 8, warmup);
            remote(rawHttpUrls, jsonHeader, 8, warmup);
            if (jpaBase != null) {
                remote(jpaUrls, jsonHeader, 8, warmup);
            }
            for (int c : clients) {
                Stats f = remote(facadeUrls, keyHeader, c, seconds);
                Stats r = measure(raw, c, seconds);
                Stats h = remote(rawHttpUrls, jsonHeader, c, seconds);
                Stats j = jpaBase == null ? null : remote(jpaUrls, jsonHeader, c, seconds);
                line("| `" + first.label() + "` | " + c + " | " + f.p50() + " | " + f.p99() + " | " + f.rps() + " | "
                        + r.p50() + " | " + r.p99() + " | " + r.rps() + " | "
                        + h.p50() + " | " + h.p99() + " | " + h.rps() + " | "
                        + (j == null ? "– | – | – | " : j.p50() + " | " + j.p99() + " | " + j.rps() + " | ")
                        + ratio(f.p50ns, r.p50ns) + " | " + ratio(f.p50ns, h.p50ns) + " | " + ratio(r.rate, f.rate) + " | "
                        + (j == null ? "–" : ratio(f.rate, j.rate)) + " |");
                flush();
            }
        }
        line("");
    }

    /**
     * Checks that the facade and the JPA peer answer every measured search alike before either is timed: the same
     * number of entries on the first page (both default to 20), so neither is measured doing less work.
     */
    private String sameAnswers(List<List<Search>> searches, String facadeBase) throws Exception {
        int same = 0, all = 0;
        List<String> differ = new ArrayList<>();
        for (List<Search> variants : searches) {
            for (Search s : variants) {
                int facade = entries(get(s.url(facadeBase)));
                int jpa = entries(http.send(HttpRequest.newBuilder(URI.create(s.url(jpaBase, jpaPatientIds)))
                        .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofByteArray()));
                all++;
                if (facade == jpa) {
                    same++;
                } else if (differ.size() < 5) {
                    differ.add(s.label() + " for one patient: facade " + facade + ", JPA " + jpa);
                }
            }
        }
        String line = String.format("Same answers: %d of the %d measured requests return the same number of entries "
                + "from the facade and from the JPA server (first page, 20 at most).", same, all);
        return differ.isEmpty() ? line : line + " **Differences** (first " + differ.size() + "): "
                + String.join("; ", differ) + ".";
    }

    private static int entries(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("a search answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        JsonNode entry = JSON.readTree(response.body()).get("entry");
        return entry == null ? 0 : entry.size();
    }

    /** Up to 64 of the first patients (by key) that have an IHI and a name. */
    private List<Patient> samplePatients() throws SQLException {
        List<Patient> sample = new ArrayList<>();
        for (Resource r : rawSearch(mapping.resource("Patient").orElseThrow(), DSL.noCondition(), 200)) {
            Patient p = (Patient) r;
            if (p.getIdentifier().stream().anyMatch(i -> IHI_SYSTEM.equals(i.getSystem())) && !p.getName().isEmpty()) {
                sample.add(p);
            }
            if (sample.size() == 64) {
                break;
            }
        }
        if (sample.isEmpty()) {
            throw new IllegalStateException("no demo patient with an IHI");
        }
        return sample;
    }

    /**
     * The raw path for one search: the search's conditions → {@link #rawSearch} (21 rows, 20 mapped) → searchset
     * Bundle → HAPI JSON. Run in-process by section 1's raw column and by the raw-over-HTTP server's handler.
     */
    private String rawBundle(int worker, ResourceMapping<?, ?> rm, Search s) throws SQLException {
        List<Condition> all = new ArrayList<>();
        for (String[] p : s.params()) {
            all.add(rm.search().get(p[0]).condition(null, List.of(p[1]), null));
        }
        List<Resource> page = rawSearch(worker, rm, DSL.and(all), 20);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        for (Resource res : page) {
            bundle.addEntry().setFullUrl(base + "/" + res.getIdElement().getValue()).setResource(res)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        IParser parser = FHIR.newJsonParser();
        return parser.encodeResourceToString(bundle);
    }

    // ---------------------------------------------------------------- the raw path over loopback HTTP (no gateway)

    private static final int RAW_HTTP_THREADS = 64;

    /**
     * A bare JDK {@code HttpServer} on 127.0.0.1 (any free port) that serves the raw paths, so that they cross the
     * same loopback HTTP hop as the facade and the immediate API without the gateway: {@code GET /fhir/<search>/<variant>}
     * answers section 1's search (index into {@link #rawSearches}) with {@link #rawBundle} (Content-Length), and
     * {@code GET /sql/<rows>} runs section 2's query over JDBC and streams the rows as JSON ({@link #writeRows}) into
     * a chunked response. A fixed pool of {@link #RAW_HTTP_THREADS} threads, each with its own JDBC connection
     * ({@link #connection()}), closed when its thread ends.
     */
    private void startRawHttp() throws Exception {
        // the JDK server leaves Nagle on by default (Tomcat, under the facade, sets TCP_NODELAY): with it on, a small
        // body written after the headers can wait for the client's delayed ACK (tens of ms on Linux loopback). The
        // property is read once, when the server's configuration class loads: set it before the first HttpServer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        rawPool = Executors.newFixedThreadPool(RAW_HTTP_THREADS, r -> {
            Thread t = new Thread(() -> {
                try {
                    r.run();
                } finally {
                    closeConnection();
                }
            }, "raw-http");
            t.setDaemon(true);
            return t;
        });
        rawServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        rawServer.setExecutor(rawPool);
        rawServer.createContext("/fhir/", exchange -> rawHttp(exchange, () -> {
            String[] parts = exchange.getRequestURI().getPath().split("/"); // "", "fhir", search, variant
            Search s = rawSearches.get(Integer.parseInt(parts[2])).get(Integer.parseInt(parts[3]));
            ResourceMapping<?, ?> rm = rawMappings.computeIfAbsent(s.resource(), r -> mapping.resource(r).orElseThrow());
            byte[] body = rawBundle(0, rm, s).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/fhir+json;charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(body);
            }
        }));
        rawServer.createContext("/sql/", exchange -> rawHttp(exchange, () -> {
            int rows = Integer.parseInt(exchange.getRequestURI().getPath().substring("/sql/".length()));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0); // 0: chunked
            try (OutputStream o = exchange.getResponseBody()) {
                writeRows(String.format(PAD_SQL, rows), o);
            }
        }));
        rawServer.start();
        rawBase = "http://127.0.0.1:" + rawServer.getAddress().getPort();
    }

    @FunctionalInterface
    private interface RawHandler {
        void handle() throws Exception;
    }

    /** Runs a raw-over-HTTP handler; a failure before the headers went out answers 500 (an error to the client). */
    private static void rawHttp(HttpExchange exchange, RawHandler handler) {
        try {
            try {
                handler.handle();
            } catch (Exception e) {
                if (exchange.getResponseCode() == -1) {
                    byte[] message = e.toString().getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(500, message.length);
                    exchange.getResponseBody().write(message);
                } else {
                    System.err.println("raw HTTP: " + exchange.getRequestURI() + " failed after the headers: " + e);
                }
            }
        } catch (Exception e) {
            System.err.println("raw HTTP: " + exchange.getRequestURI() + " → " + e);
        } finally {
            exchange.close();
        }
    }

    private void stopRawHttp() {
        if (rawServer != null) {
            rawServer.stop(0);
            rawPool.shutdown(); // each pool thread closes its JDBC connection as it ends
            rawServer = null;
        }
    }

    // ---------------------------------------------------------------- the load client (its own JVM)

    /** Copies {@link LoadClient} (JDK classes only) out of this jar and starts it in its own JVM. */
    private void startLoadClient() throws Exception {
        Path dir = work.resolve("client");
        Path cls = dir.resolve("org/halocloud/bench/LoadClient.class");
        Files.createDirectories(cls.getParent());
        try (InputStream in = Bench.class.getResourceAsStream("/org/halocloud/bench/LoadClient.class")) {
            Files.copy(in, cls);
        }
        loadClient = new ProcessBuilder(javaBin(), "-Xmx512m", "-cp", dir.toString(), "org.halocloud.bench.LoadClient")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        loadIn = new BufferedWriter(new OutputStreamWriter(loadClient.getOutputStream(), StandardCharsets.UTF_8));
        loadOut = new BufferedReader(new InputStreamReader(loadClient.getInputStream(), StandardCharsets.UTF_8));
        String ready = loadOut.readLine();
        if (!"READY".equals(ready)) {
            throw new IllegalStateException("the load client did not start: " + ready);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private int remoteRuns;

    /** GETs from the load client: {@code clients} threads back to back for {@code seconds}, rotating over urls. */
    private Stats remote(List<String> urls, Map<String, String> headers, int clients, double seconds) throws Exception {
        Path file = work.resolve("urls-" + (remoteRuns++) + ".txt");
        List<String> lines = new ArrayList<>();
        headers.forEach((k, v) -> lines.add("header: " + k + ": " + v));
        lines.addAll(urls);
        Files.write(file, lines);
        loadIn.write(seconds + " " + clients + " " + file + "\n");
        loadIn.flush();
        String answer = loadOut.readLine();
        if (answer == null || !answer.startsWith("RESULT ")) {
            throw new IllegalStateException("load client: " + answer);
        }
        String[] f = answer.split(" ");
        return new Stats(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                Double.parseDouble(f[5]));
    }

    // ---------------------------------------------------------------- the HAPI FHIR JPA peer (its own JVM)

    /**
     * Starts the stock HAPI JPA server (bench/jpa-peer, built by the bench profile) on a free port and loads it with
     * the first {@code count} Bp demo patients and their observations, encounters and conditions, mapped exactly as
     * the facade maps them, as transaction Bundles (POST: the peer's own ids, see {@link #loadTransaction}). Without the jar the peer is left out.
     */
    private void startJpa(int count) throws Exception {
        Path jar = Path.of(options.getOrDefault("jpaJar", "bench/jpa-peer/target/halo-jpa-peer.jar"));
        if (count <= 0 || !Files.isRegularFile(jar)) {
            jpaNote = "HAPI JPA peer: not run (" + (count <= 0 ? "--jpaPatients=0" : jar + " not found; build with "
                    + "`./mvnw -q -Pbench -DskipTests package` from the repository root") + ").";
            return;
        }
        long t0 = System.nanoTime();
        Path log = work.resolve("jpa-peer.log");
        jpa = new ProcessBuilder(javaBin(), "-Xmx" + options.getOrDefault("jpaHeap", "4g"), "-jar", jar.toString(),
                "--port=0", "--dir=" + work.resolve("jpa"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int port = 0;
        while (port == 0) {
            if (!jpa.isAlive()) {
                throw new IllegalStateException("the HAPI JPA peer exited; see " + log);
            }
            if (System.nanoTime() - t0 > 600e9) {
                throw new IllegalStateException("the HAPI JPA peer did not start in 10 minutes; see " + log);
            }
            for (String l : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
                if (l.startsWith("READY ")) {
                    port = Integer.parseInt(l.substring(6).strip());
                }
            }
            Thread.sleep(500);
        }
        jpaBase = "http://127.0.0.1:" + port + "/fhir";
        long started = System.nanoTime();
        System.out.println("HAPI JPA peer up in " + ms(started - t0) + " ms; loading " + count + " patients ...");
        // load: pages of patients by key, each with its observations, encounters and conditions, one transaction each
        ResourceMapping<?, ?> patients = mapping.resource("Patient").orElseThrow();
        List<ResourceMapping<?, ?>> dependents = List.of(mapping.resource("Observation").orElseThrow(),
                mapping.resource("Encounter").orElseThrow(), mapping.resource("Condition").orElseThrow());
        int batch = 50;
        int loaders = intOption("jpaLoaders", 2);
        AtomicLong resources = new AtomicLong();
        Map<String, Long> byType = new java.util.concurrent.ConcurrentHashMap<>();
        Condition after = DSL.noCondition();
        int loaded = 0;
        boolean all = false;
        // the patient pages are read in key order here; each page's dependents, encoding and transaction run on
        // `loaders` threads, so the peer's transactions overlap this JVM's reading and encoding of the next ones
        ExecutorService pool = Executors.newFixedThreadPool(loaders);
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(2 * loaders);
        List<Future<?>> pending = new ArrayList<>();
        try {
            while (loaded < count) {
                List<Resource> page = rawSearch(patients, after, Math.min(batch, count - loaded));
                if (page.isEmpty()) {
                    all = true;
                    break;
                }
                List<String> ids = page.stream().map(r -> r.getIdElement().getIdPart()).toList();
                inFlight.acquire();
                pending.add(pool.submit(() -> {
                    try {
                        List<Resource> entries = new ArrayList<>(page);
                        for (ResourceMapping<?, ?> rm : dependents) {
                            entries.addAll(rawSearch(rm, rm.search().get("patient").condition(null, ids, null), 1_000_000));
                        }
                        loadTransaction(entries, byType);
                        resources.addAndGet(entries.size());
                        return null;
                    } finally {
                        inFlight.release();
                    }
                }));
                loaded += page.size();
                @SuppressWarnings("unchecked")
                org.jooq.Field<Object> key = (org.jooq.Field<Object>) patients.key();
                after = key.gt(key.getDataType().convert(ids.get(ids.size() - 1)));
                if (loaded % 5000 == 0) {
                    System.out.println("  " + loaded + " patients read, " + resources.get() + " resources loaded, "
                            + (System.nanoTime() - started) / 1_000_000_000 + " s");
                }
                pending.removeIf(Future::isDone);
            }
            for (Future<?> f : pending) {
                f.get(); // a failed transaction ends the run with its cause
            }
        } finally {
            pool.shutdownNow();
        }
        long elapsed = System.nanoTime() - started;
        jpaNote = String.format("HAPI JPA peer: HAPI FHIR %s JPA server (stock `JpaR4Config` + `HapiJpaConfig`, "
                + "embedded H2 file database, Hibernate, its own JVM with -Xmx%s, HAPI defaults except: no referential "
                + "integrity on write, no reuse of cached search results, and HAPI's write-side bulk settings: mass ingestion "
                + "mode, no meta.source stored; pages of 20 as the facade's; H2 page cache 256 MB), started in %.1f s and loaded "
                + "with the first %,d Bp demo patients and their observations, encounters and conditions as the facade "
                + "maps them — %,d resources %s — in %d transaction Bundles, %.1f s (%,.0f resources/s; written "
                + "synchronously, so indexed when the transaction returns).%s",
                ca.uhn.fhir.util.VersionUtil.getVersion(), options.getOrDefault("jpaHeap", "4g"),
                (started - t0) / 1e9, loaded, resources.get(), new java.util.TreeMap<>(byType),
                (loaded + batch - 1) / batch, elapsed / 1e9, resources.get() / (elapsed / 1e9), all || loaded >= intOption("patients", 2000)
                        ? " Both hold the same patients (every one the mapping serves)."
                        : String.format(" **The JPA server holds %,d of the facade's %,d patients**: its searches run "
                        + "over a smaller database (its indexes make these searches nearly independent of size, but "
                        + "read the ratio as favourable to JPA).", loaded, intOption("patients", 2000)));
        System.out.println(jpaNote);
    }

    /**
     * One transaction Bundle to the JPA peer; anything but 200 fails the run. Resources are POSTed (the server assigns
     * numeric ids) with references inside the Bundle rewritten to the new entries: with client-assigned ids HAPI must
     * resolve every id with one {@code OR} of {@code (RES_TYPE = ? AND FHIR_ID = ?)} per chunk, which H2 answers by
     * scanning HFJ_RESOURCE, so loading slows in proportion to what is loaded (quadratic in all). Numeric ids need no
     * lookup. References to resources not loaded (practitioners, locations) are dropped, keeping their display.
     */
    private void loadTransaction(List<Resource> entries, Map<String, Long> byType) throws Exception {
        Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Map<String, String> inBundle = new HashMap<>();
        List<String> demoIds = new ArrayList<>();
        for (Resource r : entries) {
            String urn = "urn:uuid:" + java.util.UUID.randomUUID();
            inBundle.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), urn);
            demoIds.add(r.getIdElement().getIdPart());
        }
        ca.uhn.fhir.util.FhirTerser terser = FHIR.newTerser();
        for (Resource r : entries) {
            String type = r.fhirType();
            String urn = inBundle.get(type + "/" + r.getIdElement().getIdPart());
            for (org.hl7.fhir.r4.model.Reference ref : terser.getAllPopulatedChildElementsOfType(r,
                    org.hl7.fhir.r4.model.Reference.class)) {
                if (ref.hasReference() && !ref.getReference().startsWith("#")) {
                    ref.setReference(inBundle.get(ref.getReference()));
                }
            }
            r.setId((String) null);
            tx.addEntry().setFullUrl(urn).setResource(r).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(type);
            byType.merge(type, 1L, Long::sum);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(jpaBase))
                .timeout(Duration.ofMinutes(10)).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(tx))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("JPA transaction → " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(2000, response.body().length())));
        }
        Bundle answer = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof Patient) {
                // "Patient/<server id>/_history/1"
                jpaPatientIds.put(demoIds.get(i), new IdType(answer.getEntry().get(i).getResponse().getLocation()).getIdPart());
            }
        }
    }

    private void stopJpa() {
        if (jpa != null) {
            jpa.destroy();
            try {
                jpa.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            jpa = null;
        }
    }

    private static void deleteTree(Path root) {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not remove " + root + ": " + e.getMessage());
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    private void closeConnection() {
        Connection c = connections.get();
        connections.remove();
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    private Connection connection() throws SQLException {
        Connection c = connections.get();
        if (c == null || c.isClosed()) {
            c = DriverManager.getConnection(jdbcUrl, login.user(), login.password());
            connections.set(c);
        }
        return c;
    }

    private List<Resource> rawSearch(ResourceMapping<?, ?> rm, Condition condition, int count) throws SQLException {
        return rawSearch(0, rm, condition, count);
    }

    private List<Resource> rawSearch(int worker, ResourceMapping<?, ?> rm, Condition condition, int count)
            throws SQLException {
        Query query = SQL.select(rm.columns()).from(rm.from()).where(rm.where()).and(condition)
                .orderBy(rm.key()).offset(0).limit(count + 1);
        List<Resource> resources = new ArrayList<>();
        try (PreparedStatement ps = connection().prepareStatement(query.getSQL())) {
            // as the Link sets its statements (HaloLink: fetch size 500, a query timeout); with these H2 also no
            // longer answers a query repeated on the same connection from its cached last result
            ps.setFetchSize(500);
            ps.setQueryTimeout(60);
            List<Object> binds = query.getBindValues();
            for (int i = 0; i < binds.size(); i++) {
                ps.setObject(i + 1, binds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    index.putIfAbsent(md.getColumnLabel(i + 1).toUpperCase(Locale.ROOT), i);
                }
                while (rs.next()) {
                    Object[] values = new Object[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = portable(rs.getObject(i + 1));
                    }
                    if (resources.size() < count) {
                        resources.add(rm.map(new Row(index, values)));
                    }
                }
            }
        }
        return resources;
    }

    /** What the Link sends (PortableValues): dates as ISO-8601 text, the rest as is. */
    private static Object portable(Object v) {
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        if (v instanceof LocalDateTime t) {
            return t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof java.time.temporal.TemporalAccessor || v instanceof java.util.UUID) {
            return v.toString();
        }
        if (v instanceof Byte b) {
            return b.intValue();
        }
        return v;
    }

    private String servedUrl(Path data, String catalogue) throws Exception {
        JsonNode served = JSON.readTree(data.resolve("link").resolve("served.json").toFile());
        for (JsonNode s : served.get("served")) {
            JsonNode db = s.get("database");
            if (db.get("haloGuid").asString().equals(guid)) {
                return db.get("catalogueUrls").get(catalogue).asString();
            }
        }
        throw new IllegalStateException("site " + guid + " not in served.json");
    }

    // ---------------------------------------------------------------- 2. SQL passthrough

    private HttpResponse<byte[]> immediate(String sql) throws Exception {
        return post("/queries/immediate", sql);
    }

    private HttpResponse<byte[]> post(String path, String sql) throws Exception {
        String body = JSON.writeValueAsString(Map.of("command",
                Map.of("text", sql, "executionMode", "reader", "type", "text")));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/integrator/sites/" + guid + path))
                .header("Ocp-Apim-Subscription-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void passthrough(double seconds, int asyncRows) throws Exception {
        String tenK = String.format(PAD_SQL, 10_000);
        Op api = (w, i) -> {
            HttpResponse<byte[]> r = immediate(tenK);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("immediate → " + r.statusCode() + " " + new String(r.body()));
            }
            return r.body().length;
        };
        Op raw = (w, i) -> (int) writeRows(tenK, OutputStream.nullOutputStream());
        URI rawHttpUri = URI.create(rawBase + "/sql/10000");
        Op rawHttp = (w, i) -> {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(rawHttpUri).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("raw over HTTP → " + r.statusCode() + " " + new String(r.body()));
            }
            return r.body().length;
        };
        measure(api, 1, 1);
        measure(raw, 1, 1);
        measure(rawHttp, 1, 1);
        Stats a = measure(api, 1, seconds);
        Stats r = measure(raw, 1, seconds);
        Stats h = measure(rawHttp, 1, seconds);
        line("## 2. SQL passthrough");
        line("");
        line("`" + tenK + "` (1 client). The API and raw-over-HTTP rows are both sent and read whole by the same "
                + "HTTP client in the benchmark's JVM; raw over HTTP runs the raw row's JDBC → Jackson JSON straight into "
                + "a chunked response of a bare JDK `HttpServer` on 127.0.0.1 in the same JVM (no gateway), so API vs "
                + "raw over HTTP is the gateway's own cost and raw over HTTP vs raw the cost of the HTTP hop.");
        line("");
        line("| path | p50 ms | p99 ms | queries/s | rows/s | rows/s API/path |");
        line("|---|---:|---:|---:|---:|---:|");
        line("| immediate query through the API (base64 envelope) | " + a.p50() + " | " + a.p99() + " | " + a.rps() + " | "
                + String.format("%,.0f", a.rate * 10_000) + " | – |");
        line("| raw JDBC → Jackson streaming to a null stream | " + r.p50() + " | " + r.p99() + " | " + r.rps() + " | "
                + String.format("%,.0f", r.rate * 10_000) + " | " + ratio2(a.rate, r.rate) + " |");
        line("| raw JDBC → JSON served over loopback HTTP (no gateway) | " + h.p50() + " | " + h.p99() + " | " + h.rps()
                + " | " + String.format("%,.0f", h.rate * 10_000) + " | " + ratio2(a.rate, h.rate) + " |");
        line("");
        line("Async queries through `/queries/async` (poll every 50 ms to `successful`, then read every page's `/stream`); "
                + "heap of the whole JVM (server and bench), from submit to the last page read: the highest `MemoryMXBean` "
                + "heap used sampled every 5 ms (includes garbage not yet collected, so it grows with -Xmx), and the "
                + "highest heap left after a collection (GC notifications). Try `java -Xmx512m -jar …` to see the "
                + "async path stay bounded.");
        line("");
        line("| rows | total s | rows/s | pages | peak heap used MiB | peak after GC MiB | baseline after System.gc() MiB |");
        line("|---:|---:|---:|---:|---:|---:|---:|");
        flush();
        for (int rows : new int[] {Math.max(1, asyncRows / 10), asyncRows}) {
            async(rows);
        }
        line("");
    }

    /** Runs sql over this thread's JDBC connection and writes its rows to out as a JSON array of objects (Jackson). */
    private long writeRows(String sql, OutputStream out) throws SQLException {
        long rows = 0;
        try (PreparedStatement ps = connection().prepareStatement(sql); ResultSet rs = ps.executeQuery();
             JsonGenerator g = JSON.createGenerator(out)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            g.writeStartArray();
            while (rs.next()) {
                g.writeStartObject();
                for (int c = 1; c <= n; c++) {
                    g.writeName(md.getColumnLabel(c));
                    g.writePOJO(portable(rs.getObject(c)));
                }
                g.writeEndObject();
                rows++;
            }
            g.writeEndArray();
        }
        return rows;
    }

    private void async(int rows) throws Exception {
        System.gc();
        Thread.sleep(200);
        var memory = ManagementFactory.getMemoryMXBean();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        // the highest heap still in use right after a collection (GC notifications): closer to the live set than
        // the sampled peak, which also counts garbage not yet collected
        AtomicLong afterGc = new AtomicLong();
        AtomicLong collections = new AtomicLong();
        javax.management.NotificationListener listener = (notification, handback) -> {
            if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                        .from((javax.management.openmbean.CompositeData) notification.getUserData());
                long used = 0;
                for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    var after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                    if (pool.getType() == java.lang.management.MemoryType.HEAP && after != null) {
                        used += after.getUsed();
                    }
                }
                afterGc.accumulateAndGet(used, Math::max);
                collections.incrementAndGet();
            }
        };
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((javax.management.NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
        long t0 = System.nanoTime();
        HttpResponse<byte[]> created = post("/queries/async", String.format(PAD_SQL, rows));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("async → " + created.statusCode() + " " + new String(created.body()));
        }
        String id = JSON.readTree(created.body()).get("id").asString();
        String path = base + "/integrator/sites/" + guid + "/queries/" + id;
        JsonNode query;
        while (true) {
            query = JSON.readTree(get(path).body());
            String status = query.get("status").asString();
            if (status.equals("successful")) {
                break;
            }
            if (!List.of("initialising", "queued", "executing", "uploading").contains(status)) {
                throw new IllegalStateException("async query ended " + status + ": " + query);
            }
            Thread.sleep(50);
        }
        long counted = 0;
        int pages = 0;
        for (JsonNode page : query.get("result").get("pages")) {
            HttpResponse<byte[]> r = get(path + "/results/" + page.get("pageNumber").asInt() + "/stream");
            if (r.statusCode() != 200) {
                throw new IllegalStateException("page → " + r.statusCode());
            }
            counted += page.get("rows").get("count").asLong();
            pages++;
        }
        long elapsed = System.nanoTime() - t0;
        sampling.set(false);
        sampler.join();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((javax.management.NotificationEmitter) gc).removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // not registered on this collector
            }
        }
        line(String.format("| %,d | %.2f | %,.0f | %d | %d | %s | %d |", counted, elapsed / 1e9,
                counted / (elapsed / 1e9), pages, peak.get() >> 20,
                collections.get() == 0 ? "– (no GC)" : (afterGc.get() >> 20) + " (" + collections.get() + " GCs)",
                baseline >> 20));
        flush();
    }

    private HttpResponse<byte[]> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Ocp-Apim-Subscription-Key", key).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    // ---------------------------------------------------------------- 3. the front door's cost

    private void frontDoor(ConfigurableApplicationContext ctx, Admission admission, double seconds, double warmup)
            throws Exception {
        QueryPipeline pipeline = ctx.getBean(QueryPipeline.class);
        QueryCommand select1 = new QueryCommand("SELECT 1", QueryCommand.ExecutionMode.READER,
                QueryCommand.CommandType.TEXT, List.of());
        Op api = (w, i) -> {
            HttpResponse<byte[]> r = immediate("SELECT 1");
            if (r.statusCode() != 200) {
                throw new IllegalStateException("SELECT 1 → " + r.statusCode());
            }
            return 1;
        };
        Op direct = (w, i) -> {
            pipeline.run(admission, "immediate", null, select1, Duration.ofSeconds(30), 0, new RowSink() {
                @Override
                public void columns(List<String> names) {
                }

                @Override
                public void row(Object[] values) {
                }
            });
            return 1;
        };
        Op raw = (w, i) -> {
            try (PreparedStatement ps = connection().prepareStatement("SELECT 1"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        };
        line("## 3. Front door cost: `SELECT 1`, 8 clients");
        line("");
        line("API = HTTP + key/rate-limit/routing checks + envelope; QueryPipeline = called in-process with an admission "
                + "made once (credentials, Link, query log; no HTTP, no front door); raw = JDBC on a kept connection.");
        line("");
        line("| path | p50 ms | p99 ms | req/s |");
        line("|---|---:|---:|---:|");
        for (var e : List.of(Map.entry("immediate query through the API", api),
                Map.entry("QueryPipeline.run in-process", direct), Map.entry("raw JDBC", raw))) {
            measure(e.getValue(), 8, warmup);
            Stats s = measure(e.getValue(), 8, seconds);
            line("| " + e.getKey() + " | " + s.p50() + " | " + s.p99() + " | " + s.rps() + " |");
            flush();
        }
        line("");
    }

    // ---------------------------------------------------------------- the load loop

    @FunctionalInterface
    private interface Op {
        int call(int worker, int iteration) throws Exception;
    }

    private record Stats(long count, long errors, long p50ns, long p99ns, double rate) {
        String p50() {
            return String.format("%.2f", p50ns / 1e6);
        }

        String p99() {
            return String.format("%.2f", p99ns / 1e6);
        }

        String rps() {
            return String.format("%,.0f", rate) + (errors > 0 ? " (" + errors + " errors)" : "");
        }
    }

    /** Runs op from a fixed pool of {@code clients} threads for {@code seconds}; percentiles by sorting every sample. */
    private static Stats measure(Op op, int clients, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int w = 0; w < clients; w++) {
            int worker = w;
            futures.add(pool.submit((Callable<long[]>) () -> {
                long[] samples = new long[1024];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    int i = (int) (sequence.getAndIncrement() & Integer.MAX_VALUE);
                    long t = System.nanoTime();
                    try {
                        op.call(worker, i);
                    } catch (Exception e) {
                        if (errors.incrementAndGet() == 1) {
                            System.err.println("first error: " + e);
                        }
                        continue;
                    }
                    if (n == samples.length) {
                        samples = Arrays.copyOf(samples, n * 2);
                    }
                    samples[n++] = System.nanoTime() - t;
                }
                return Arrays.copyOf(samples, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> f : futures) {
            parts.add(f.get());
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            return new Stats(0, errors.get(), 0, 0, 0);
        }
        return new Stats(all.length, errors.get(), all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.50) - 1)],
                all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)], all.length / (elapsed / 1e9));
    }

    private static String ms(long nanos) {
        return Long.toString(nanos / 1_000_000);
    }

    private static String ratio(double a, double b) {
        return b == 0 ? "–" : String.format("%.1f×", a / b);
    }

    /** As {@link #ratio}, two decimals (section 2's API/raw ratios are well below 1). */
    private static String ratio2(double a, double b) {
        return b == 0 ? "–" : String.format("%.2f×", a / b);
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    private int flushed;

    private void flush() {
        System.out.print(out.substring(flushed));
        System.out.flush();
        flushed = out.length();
    }
}
