package org.halocloud.bench;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Halo Cloud's benchmark (issue 5): starts the application in-process on the demo, then measures, in one run, the
 * FHIR facade against raw JDBC + mapping (in-process, and served over loopback HTTP by a bare JDK {@code HttpServer}
 * in the benchmark's JVM, to separate HTTP's cost from the gateway's) and against a stock HAPI FHIR JPA server (its
 * own process, see bench/jpa-peer), SQL passthrough throughput, the front door's cost and cold start. HTTP load for
 * the facade, raw over HTTP and the JPA server comes from {@link LoadClient} in its own JVM. Prints a markdown report
 * ending with the targets judged from its cells ({@link Targets}) and writes it under {@code bench/results/}.
 * Timings are reported, never asserted.
 *
 * <p>This class is the harness's driver: it starts the application ({@link HaloApp}, timed by {@link ColdStart}),
 * the raw path ({@link RawJdbc}, {@link RawHttpServer}) and the load client ({@link LoadClientProcess}), runs the
 * scenarios in order, each writing its section, and writes the report. Options: {@link Options}, bench/README.md.
 */
public final class Bench {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final FhirContext FHIR = FhirContext.forR4Cached();

    /** The scenarios after the cold start, by name ({@code --scenarios=fhir,writes}), in the report's order. */
    static final Map<String, Scenario> SCENARIOS = scenarios();

    private static Map<String, Scenario> scenarios() {
        Map<String, Scenario> all = new LinkedHashMap<>();
        all.put("fhir", new FhirScenario());
        all.put("immediate", new ImmediateScenario());
        all.put("async", new AsyncScenario());
        all.put("frontdoor", new FrontDoorScenario());
        all.put("writes", new WriteScenario());
        return all;
    }

    private Bench() {
    }

    public static void main(String[] args) {
        int code = 0;
        try {
            run(Options.parse(args));
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    private static void run(Options options) throws Exception {
        int patients = options.patients();
        List<String> scenarios = options.scenarios(List.copyOf(SCENARIOS.keySet()));
        Path data = Files.createTempDirectory("halo-bench-");
        Path work = Files.createTempDirectory("halo-bench-work-");
        Report report = new Report();
        Results results = new Results();
        header(options, report, scenarios);
        try {
            long t0 = System.nanoTime();
            try (HaloApp app = HaloApp.start(data, patients)) {
                ColdStart.run(app, t0, patients, report, results);
                RawJdbc raw = RawJdbc.of(app);
                try (LoadClientProcess load = LoadClientProcess.start(work);
                     RawHttpServer rawHttp = RawHttpServer.start(raw)) {
                    Harness h = new Harness(options, report, results, app, raw, rawHttp, load, work);
                    for (String name : scenarios) {
                        SCENARIOS.get(name).run(h);
                    }
                }
                report.line("Load average at the end: " + Report.loadAverage() + ".");
                report.line("");
                Targets.write(report, Targets.evaluate(results));
            }
        } finally {
            if (!options.keep()) {
                // the demo databases and the JPA peer's H2 file (≈ 14 GB at the size)
                deleteTree(data);
                deleteTree(work);
            }
        }
        Path dir = Path.of(options.get("out", Files.isDirectory(Path.of("bench")) ? "bench/results" : "results"));
        String fileName = options.get("file", LocalDate.now() + options.get("name", "-" + patients + "-patients") + ".md");
        Path file = report.write(dir, fileName);
        System.out.println("\nwritten to " + file.toAbsolutePath());
    }

    private static void header(Options options, Report report, List<String> scenarios) {
        report.line("# Halo Cloud benchmark — " + LocalDateTime.now().withNano(0));
        report.line("");
        Runtime rt = Runtime.getRuntime();
        report.line("Machine: " + rt.availableProcessors() + " cores, max heap " + rt.maxMemory() / (1 << 20)
                + " MiB, Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ".  ");
        report.line("Demo: " + options.patients() + " patients per practice (H2, in-process Link), rate limit off; "
                + options.seconds() + " s per cell after " + options.warmup() + " s warm-up per query and path (and one "
                + "mixed warm-up of every search first); latencies by sorting every sample.  ");
        if (scenarios.size() < SCENARIOS.size()) {
            report.line("Scenarios run (`--scenarios`): " + String.join(", ", scenarios) + " (of "
                    + String.join(", ", SCENARIOS.keySet()) + "); the targets of the others are \"not measured\".  ");
        }
        report.line("Load average at start (1, 5, 15 min; the machine is shared): " + Report.loadAverage() + ".  ");
        report.line("");
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not remove " + root + ": " + e.getMessage());
        }
    }
}
