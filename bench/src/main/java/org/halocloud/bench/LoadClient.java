package org.halocloud.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's HTTP load client, run in its own JVM so that the server's process does not also carry the
 * client's threads, allocation and JIT (the cores are still shared). Only JDK classes: the benchmark copies this
 * class out of its jar and starts it with {@code java -cp <dir> org.halocloud.bench.LoadClient}.
 *
 * <p>Reads commands from standard input, one per line: {@code <seconds> <clients> <url file>} — the file holds an
 * optional {@code header: Name: value} line per header, then one request per line: a URL (a GET) or
 * {@code POST <url> <body>} (the body is the rest of the line, e.g. compact JSON); clients send them back to back,
 * each taking the next request of a shared rotation. {@code expect: <status>} sets the status that counts as
 * answered (200 unless given; a create answers 201), and a line {@code once} sends each request at most once, so
 * the cell ends when they run out if that is before its time (each booking needs a slot of its own). Answers one
 * line per command: {@code RESULT <count> <errors> <p50 ns> <p99 ns> <requests/s>} (percentiles by sorting every
 * sample), or {@code ERROR <message>}. Any other status counts as an error. Its class files are copied out of the
 * benchmark's jar ({@link LoadClientProcess}), so it uses JDK classes and its own nested ones only.
 */
public final class LoadClient {

    private LoadClient() {
    }

    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("READY");
        System.out.flush();
        String line;
        while ((line = in.readLine()) != null) {
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("QUIT")) {
                break;
            }
            try {
                String[] parts = line.split(" ", 3);
                System.out.println(run(http, Double.parseDouble(parts[0]), Integer.parseInt(parts[1]), Path.of(parts[2])));
            } catch (Exception e) {
                System.out.println("ERROR " + e.toString().replace('\n', ' '));
            }
            System.out.flush();
        }
        System.exit(0);
    }

    private static String run(HttpClient http, double seconds, int clients, Path file) throws Exception {
        List<String> headers = new ArrayList<>();
        List<URI> urls = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        int expect = 200;
        boolean once = false;
        for (String l : Files.readAllLines(file)) {
            if (l.startsWith("header: ")) {
                String h = l.substring(8);
                headers.add(h.substring(0, h.indexOf(':')).strip());
                headers.add(h.substring(h.indexOf(':') + 1).strip());
            } else if (l.startsWith("expect: ")) {
                expect = Integer.parseInt(l.substring(8).strip());
            } else if (l.strip().equals("once")) {
                once = true;
            } else if (l.startsWith("POST ")) {
                int space = l.indexOf(' ', 5);
                urls.add(URI.create(l.substring(5, space)));
                bodies.add(l.substring(space + 1));
            } else if (!l.isBlank()) {
                urls.add(URI.create(l.strip()));
                bodies.add(null);
            }
        }
        String[] headerArray = headers.toArray(new String[0]);
        int expected = expect;
        return cell(clients, seconds, once ? urls.size() : Long.MAX_VALUE, i -> {
            URI url = urls.get(i % urls.size());
            String body = bodies.get(i % urls.size());
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60));
            if (headerArray.length > 0) {
                request.headers(headerArray);
            }
            if (body != null) {
                request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
            try {
                HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                return r.statusCode() == expected ? null
                        : url + " -> " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8);
            } catch (Exception e) {
                return url + " -> " + e;
            }
        });
    }

    /** One request of a cell: null when it was answered as it should be, else what went wrong. */
    @FunctionalInterface
    interface Request {
        String send(int iteration) throws Exception;
    }

    /**
     * Sends requests from a fixed pool of {@code clients} threads, back to back, for {@code seconds}; each takes the
     * next number of a sequence shared by all. Failures are counted (the first one printed), not timed. Answers
     * {@code RESULT <count> <errors> <p50 ns> <p99 ns> <requests/s>}, percentiles by sorting every sample. Also the
     * benchmark's loop for what it times in its own JVM.
     */
    static String cell(int clients, double seconds, Request request) throws Exception {
        return cell(clients, seconds, Long.MAX_VALUE, request);
    }

    /** As {@link #cell(int, double, Request)}, but sends at most {@code limit} requests in all (numbers 0 to limit − 1). */
    static String cell(int clients, double seconds, long limit, Request request) throws Exception {
        AtomicLong sequence = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int w = 0; w < clients; w++) {
            futures.add(pool.submit((Callable<long[]>) () -> {
                long[] samples = new long[4096];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    long next = sequence.getAndIncrement();
                    if (next >= limit) {
                        break;
                    }
                    int i = (int) (next & Integer.MAX_VALUE);
                    long t = System.nanoTime();
                    String failure;
                    try {
                        failure = request.send(i);
                    } catch (Exception e) {
                        failure = e.toString();
                    }
                    if (failure != null) {
                        if (errors.incrementAndGet() == 1) {
                            System.err.println("first error: " + failure);
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
            return "RESULT 0 " + errors.get() + " 0 0 0";
        }
        long p50 = all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.50) - 1)];
        long p99 = all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)];
        return "RESULT " + all.length + " " + errors.get() + " " + p50 + " " + p99 + " " + (all.length / (elapsed / 1e9));
    }
}
