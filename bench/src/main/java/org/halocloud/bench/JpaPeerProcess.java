package org.halocloud.bench;

import ca.uhn.fhir.util.FhirTerser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The stock HAPI FHIR JPA server (bench/jpa-peer, built by the bench profile) in its own JVM on a free port, loaded
 * with the first {@code jpaPatients} Bp demo patients and their observations, encounters and conditions, mapped
 * exactly as the facade maps them, as transaction Bundles (POST: the peer's own ids, see {@link #transaction}).
 * Without its jar, or with {@code --jpaPatients=0}, the peer is left out: {@link #base()} is null.
 */
final class JpaPeerProcess implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** The demo's patient id → the id the JPA peer assigned it (its searches name patients by its own ids). */
    private final Map<String, String> patientIds = new ConcurrentHashMap<>();
    private Process process;
    private String base;
    private String note;

    private JpaPeerProcess() {
    }

    static JpaPeerProcess start(Options options, Path work, RawJdbc raw) throws Exception {
        JpaPeerProcess peer = new JpaPeerProcess();
        try {
            peer.run(options, work, raw);
        } catch (Exception | Error e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    /** The peer's FHIR base, or null when it was not run. */
    String base() {
        return base;
    }

    /** What the report says about the peer: how it was set up and loaded, or why it was not run. */
    String note() {
        return note;
    }

    Map<String, String> patientIds() {
        return patientIds;
    }

    private void run(Options options, Path work, RawJdbc raw) throws Exception {
        int count = options.jpaPatients();
        Path jar = Path.of(options.get("jpaJar", "bench/jpa-peer/target/halo-jpa-peer.jar"));
        if (count <= 0 || !Files.isRegularFile(jar)) {
            note = "HAPI JPA peer: not run (" + (count <= 0 ? "--jpaPatients=0" : jar + " not found; build with "
                    + "`./mvnw -q -Pbench -DskipTests package` from the repository root") + ").";
            return;
        }
        long t0 = System.nanoTime();
        Path log = work.resolve("jpa-peer.log");
        process = new ProcessBuilder(LoadClientProcess.javaBin(), "-Xmx" + options.get("jpaHeap", "4g"), "-jar",
                jar.toString(), "--port=0", "--dir=" + work.resolve("jpa"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int port = 0;
        while (port == 0) {
            if (!process.isAlive()) {
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
        base = "http://127.0.0.1:" + port + "/fhir";
        long started = System.nanoTime();
        System.out.println("HAPI JPA peer up in " + Report.ms(started - t0) + " ms; loading " + count + " patients ...");
        Load load = load(raw, count, options.intValue("jpaLoaders", 2), started);
        long elapsed = System.nanoTime() - started;
        int patients = options.patients();
        note = String.format("HAPI JPA peer: HAPI FHIR %s JPA server (stock `JpaR4Config` + `HapiJpaConfig`, "
                + "embedded H2 file database, Hibernate, its own JVM with -Xmx%s, HAPI defaults except: no referential "
                + "integrity on write, no reuse of cached search results, and HAPI's write-side bulk settings: mass ingestion "
                + "mode, no meta.source stored; pages of 20 as the facade's; H2 page cache 256 MB), started in %.1f s and loaded "
                + "with the first %,d Bp demo patients and their observations, encounters and conditions as the facade "
                + "maps them — %,d resources %s — in %d transaction Bundles, %.1f s (%,.0f resources/s; written "
                + "synchronously, so indexed when the transaction returns).%s",
                ca.uhn.fhir.util.VersionUtil.getVersion(), options.get("jpaHeap", "4g"),
                (started - t0) / 1e9, load.patients, load.resources, new TreeMap<>(load.byType),
                (load.patients + BATCH - 1) / BATCH, elapsed / 1e9, load.resources / (elapsed / 1e9),
                load.all || load.patients >= patients
                        ? " Both hold the same patients (every one the mapping serves)."
                        : String.format(" **The JPA server holds %,d of the facade's %,d patients**: its searches run "
                        + "over a smaller database (its indexes make these searches nearly independent of size, but "
                        + "read the ratio as favourable to JPA).", load.patients, patients));
        System.out.println(note);
    }

    private static final int BATCH = 50;

    /** What was loaded: patients, resources (by type), and whether that was every patient the mapping serves. */
    private record Load(int patients, long resources, Map<String, Long> byType, boolean all) {
    }

    /** Pages of patients by key, each with its observations, encounters and conditions, one transaction each. */
    private Load load(RawJdbc raw, int count, int loaders, long started) throws Exception {
        ResourceMapping<?, ?> patients = raw.resource("Patient");
        List<ResourceMapping<?, ?>> dependents = List.of(raw.resource("Observation"), raw.resource("Encounter"),
                raw.resource("Condition"));
        AtomicLong resources = new AtomicLong();
        Map<String, Long> byType = new ConcurrentHashMap<>();
        Condition after = DSL.noCondition();
        int loaded = 0;
        boolean all = false;
        // the patient pages are read in key order here; each page's dependents, encoding and transaction run on
        // `loaders` threads, so the peer's transactions overlap this JVM's reading and encoding of the next ones
        ExecutorService pool = Executors.newFixedThreadPool(loaders);
        Semaphore inFlight = new Semaphore(2 * loaders);
        List<Future<?>> pending = new ArrayList<>();
        try {
            while (loaded < count) {
                List<Resource> page = raw.search(patients, after, Math.min(BATCH, count - loaded));
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
                            entries.addAll(raw.search(rm, rm.search().get("patient").condition(null, ids, null), 1_000_000));
                        }
                        transaction(entries, byType);
                        resources.addAndGet(entries.size());
                        return null;
                    } finally {
                        inFlight.release();
                    }
                }));
                loaded += page.size();
                @SuppressWarnings("unchecked")
                Field<Object> key = (Field<Object>) patients.key();
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
        return new Load(loaded, resources.get(), byType, all);
    }

    /**
     * One transaction Bundle to the peer; anything but 200 fails the run. Resources are POSTed (the server assigns
     * numeric ids) with references inside the Bundle rewritten to the new entries: with client-assigned ids HAPI must
     * resolve every id with one {@code OR} of {@code (RES_TYPE = ? AND FHIR_ID = ?)} per chunk, which H2 answers by
     * scanning HFJ_RESOURCE, so loading slows in proportion to what is loaded (quadratic in all). Numeric ids need no
     * lookup. References to resources not loaded (practitioners, locations) are dropped, keeping their display.
     */
    private void transaction(List<Resource> entries, Map<String, Long> byType) throws Exception {
        Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Map<String, String> inBundle = new HashMap<>();
        List<String> demoIds = new ArrayList<>();
        for (Resource r : entries) {
            String urn = "urn:uuid:" + UUID.randomUUID();
            inBundle.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), urn);
            demoIds.add(r.getIdElement().getIdPart());
        }
        FhirTerser terser = Bench.FHIR.newTerser();
        for (Resource r : entries) {
            String type = r.fhirType();
            String urn = inBundle.get(type + "/" + r.getIdElement().getIdPart());
            for (Reference ref : terser.getAllPopulatedChildElementsOfType(r, Reference.class)) {
                if (ref.hasReference() && !ref.getReference().startsWith("#")) {
                    ref.setReference(inBundle.get(ref.getReference()));
                }
            }
            r.setId((String) null);
            tx.addEntry().setFullUrl(urn).setResource(r).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(type);
            byType.merge(type, 1L, Long::sum);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base))
                .timeout(Duration.ofMinutes(10)).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(Bench.FHIR.newJsonParser().encodeResourceToString(tx))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("JPA transaction → " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(2000, response.body().length())));
        }
        Bundle answer = Bench.FHIR.newJsonParser().parseResource(Bundle.class, response.body());
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof Patient) {
                // "Patient/<server id>/_history/1"
                patientIds.put(demoIds.get(i), new IdType(answer.getEntry().get(i).getResponse().getLocation()).getIdPart());
            }
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }
}
