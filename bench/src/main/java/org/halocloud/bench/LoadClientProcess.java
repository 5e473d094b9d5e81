package org.halocloud.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link LoadClient} in its own JVM (its classes copied out of this jar: JDK classes only), driven over its standard streams. */
final class LoadClientProcess implements AutoCloseable {

    private final Path work;
    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;
    private int runs;

    private LoadClientProcess(Path work, Process process) {
        this.work = work;
        this.process = process;
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static LoadClientProcess start(Path work) throws Exception {
        Path dir = work.resolve("client");
        Files.createDirectories(dir.resolve("org/halocloud/bench"));
        for (String name : List.of("LoadClient.class", "LoadClient$Request.class")) {
            try (InputStream in = LoadClientProcess.class.getResourceAsStream("/org/halocloud/bench/" + name)) {
                Files.copy(in, dir.resolve("org/halocloud/bench").resolve(name));
            }
        }
        Process process = new ProcessBuilder(javaBin(), "-Xmx512m", "-cp", dir.toString(), "org.halocloud.bench.LoadClient")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        LoadClientProcess client = new LoadClientProcess(work, process);
        String ready = client.out.readLine();
        if (!"READY".equals(ready)) {
            process.destroy();
            throw new IllegalStateException("the load client did not start: " + ready);
        }
        return client;
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** GETs from the load client: {@code clients} threads back to back for {@code seconds}, rotating over urls. */
    Stats load(List<String> urls, Map<String, String> headers, int clients, double seconds) throws Exception {
        List<String> lines = new ArrayList<>();
        headers.forEach((k, v) -> lines.add("header: " + k + ": " + v));
        lines.addAll(urls);
        return run(lines, clients, seconds);
    }

    /**
     * POSTs from the load client: each body (one line, e.g. compact JSON) to url, answered {@code expect}; with
     * {@code once} each body is sent at most once (the cell ends early when they run out), else they rotate.
     */
    Stats post(String url, List<String> bodies, Map<String, String> headers, int expect, boolean once, int clients,
               double seconds) throws Exception {
        List<String> lines = new ArrayList<>();
        headers.forEach((k, v) -> lines.add("header: " + k + ": " + v));
        lines.add("expect: " + expect);
        if (once) {
            lines.add("once");
        }
        for (String body : bodies) {
            if (body.indexOf('\n') >= 0 || body.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a body sent by the load client is one line");
            }
            lines.add("POST " + url + " " + body);
        }
        return run(lines, clients, seconds);
    }

    private Stats run(List<String> lines, int clients, double seconds) throws Exception {
        Path file = work.resolve("urls-" + (runs++) + ".txt");
        Files.write(file, lines);
        in.write(seconds + " " + clients + " " + file + "\n");
        in.flush();
        return Stats.parse(out.readLine());
    }

    @Override
    public void close() {
        process.destroy();
    }
}
