package org.halocloud.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The raw path over loopback HTTP, without the gateway: a bare JDK {@code HttpServer} on 127.0.0.1 (any free port)
 * in the benchmark's JVM, so the raw paths cross the same HTTP hop as the facade and the immediate API.
 * {@code GET /fhir/<search>/<variant>} answers a FHIR search (indexes into {@link #serve}'s groups) with
 * {@link RawJdbc#bundle} (Content-Length); {@code GET /sql/<rows>} runs the passthrough's query over JDBC and streams
 * the rows as JSON ({@link RawJdbc#writeRows}) into a chunked response. A fixed pool of {@link #THREADS} threads,
 * each with its own JDBC connection, closed when its thread ends.
 */
final class RawHttpServer implements AutoCloseable {

    static final int THREADS = 64;

    private final HttpServer server;
    private final ExecutorService pool;
    private final String base;
    private volatile List<List<Search>> searches = List.of();

    private RawHttpServer(RawJdbc raw) throws Exception {
        // the JDK server leaves Nagle on by default (Tomcat, under the facade, sets TCP_NODELAY): with it on, a small
        // body written after the headers can wait for the client's delayed ACK (tens of ms on Linux loopback). The
        // property is read once, when the server's configuration class loads: set it before the first HttpServer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(() -> {
                try {
                    r.run();
                } finally {
                    raw.closeConnection();
                }
            }, "raw-http");
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(pool);
        server.createContext("/fhir/", exchange -> handle(exchange, () -> {
            String[] parts = exchange.getRequestURI().getPath().split("/"); // "", "fhir", search, variant
            Search s = searches.get(Integer.parseInt(parts[2])).get(Integer.parseInt(parts[3]));
            byte[] body = raw.bundle(raw.resource(s.resource()), s).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/fhir+json;charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(body);
            }
        }));
        server.createContext("/sql/", exchange -> handle(exchange, () -> {
            int rows = Integer.parseInt(exchange.getRequestURI().getPath().substring("/sql/".length()));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0); // 0: chunked
            try (OutputStream o = exchange.getResponseBody()) {
                raw.writeRows(RawJdbc.padSql(rows), o);
            }
        }));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static RawHttpServer start(RawJdbc raw) throws Exception {
        return new RawHttpServer(raw);
    }

    /** The FHIR searches served from now on, by group and variant. */
    void serve(List<List<Search>> groups) {
        searches = groups;
    }

    String fhirUrl(int group, int variant) {
        return base + "/fhir/" + group + "/" + variant;
    }

    URI sqlUri(int rows) {
        return URI.create(base + "/sql/" + rows);
    }

    @FunctionalInterface
    private interface Handler {
        void handle() throws Exception;
    }

    /** Runs a handler; a failure before the headers went out answers 500 (an error to the client). */
    private static void handle(HttpExchange exchange, Handler handler) {
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

    @Override
    public void close() {
        server.stop(0);
        pool.shutdown(); // each pool thread closes its JDBC connection as it ends
    }
}
