package org.halocloud.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the CLI sends and how it exits, against a stub server that records each request: the commands whose
 * endpoints live elsewhere (Links, authority moves) are checked here; the rest also against the real server in
 * the server's integration tests.
 */
class HaloAdminTest {

    private static final String TOKEN = "cli-test-token";

    record Seen(String method, String path, String authorization, String body) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile int status = 200;
    private volatile String answer = "{\"ok\":true}";

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
            if (status != 204) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private record Result(int code, String out, String err) {
    }

    private Result cli(String stdin, String... args) {
        return cli(Map.of("HALO_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                "HALO_ADMIN_TOKEN", TOKEN), stdin, args);
    }

    private Result cli(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = HaloAdmin.run(args, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void registersALinkAndPrintsTheServersAnswer() {
        status = 201;
        answer = "{\"linkId\":\"5b3c\",\"name\":\"kew\",\"credential\":\"once\"}";
        Result r = cli("", "links", "register", "kew dental server");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(answer + "\n");
        assertThat(seen).containsExactly(new Seen("POST", "/admin/links", "Bearer " + TOKEN,
                "{\"name\":\"kew dental server\"}"));
    }

    @Test
    void movesAuthority() {
        status = 204;
        String guid = "0b6e4f7e-7d0c-4c55-9a51-7b0f3f6f2a10";
        Result r = cli("", "authority", "move", "bp-premier", "40217", guid);
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(seen).containsExactly(new Seen("PUT", "/admin/pms/bp-premier/40217/authoritative", "Bearer " + TOKEN,
                "{\"haloGuid\":\"" + guid + "\"}"));
    }

    @Test
    void readsSecretsFromStdinNotFromArguments() {
        status = 204;
        assertThat(cli("s3cret-from-stdin-0123456789\n", "webhook", "set", "sub-1", "https://h.example/{queryId}").code())
                .isZero();
        assertThat(seen.get(0).path()).isEqualTo("/admin/subscriptions/sub-1/webhook");
        assertThat(seen.get(0).body()).isEqualTo(
                "{\"urlPattern\":\"https://h.example/{queryId}\",\"secret\":\"s3cret-from-stdin-0123456789\"}");

        status = 200;
        assertThat(cli("pa ss\r\n", "vendor", "set", "int-1", "d4w", "ACME_CS").code()).isZero();
        assertThat(seen.get(1)).isEqualTo(new Seen("PUT", "/admin/integrators/int-1/vendors/d4w", "Bearer " + TOKEN,
                "{\"dbUser\":\"ACME_CS\",\"dbPassword\":\"pa ss\"}"));

        Result none = cli("", "vendor", "set", "int-1", "d4w", "ACME_CS");
        assertThat(none.code()).isEqualTo(HaloAdmin.USAGE);
        assertThat(seen).hasSize(2);
    }

    @Test
    void encodesQueryOptions() {
        assertThat(cli("", "queries", "--integrator", "Acme Health", "--since", "2026-01-01T00:00:00+10:00",
                "--limit", "5").code()).isZero();
        assertThat(seen.get(0).path())
                .isEqualTo("/admin/queries?integrator=Acme+Health&since=2026-01-01T00%3A00%3A00%2B10%3A00&limit=5");
    }

    @Test
    void refusalsExitOneWithTheServersBodyOnStderr() {
        status = 401;
        answer = "{\"error\":{\"status\":401,\"statusText\":\"Unauthorized\",\"message\":\"no\"}}";
        Result r = cli("", "integrators", "list");
        assertThat(r.code()).isEqualTo(HaloAdmin.REFUSED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("\"status\":401");
    }

    @Test
    void usageErrorsExitTwoWithoutCallingTheServer() {
        assertThat(cli("").code()).isEqualTo(HaloAdmin.USAGE);
        assertThat(cli("", "keys", "issue").code()).isEqualTo(HaloAdmin.USAGE);
        assertThat(cli("", "nonsense", "verb").code()).isEqualTo(HaloAdmin.USAGE);
        assertThat(cli("", "queries", "--limit").code()).isEqualTo(HaloAdmin.USAGE);
        assertThat(cli(Map.of("HALO_ADMIN_TOKEN", TOKEN), "", "integrators", "list").code()).isEqualTo(HaloAdmin.USAGE);
        assertThat(cli(Map.of("HALO_URL", "http://127.0.0.1:1"), "", "integrators", "list").code())
                .isEqualTo(HaloAdmin.USAGE);
        assertThat(seen).isEmpty();
        assertThat(cli("", "help").code()).isZero();
    }

    @Test
    void anUnreachableServerIsAFailureNotAUsageError() {
        Result r = cli(Map.of("HALO_URL", "http://127.0.0.1:1", "HALO_ADMIN_TOKEN", TOKEN), "", "integrators", "list");
        assertThat(r.code()).isEqualTo(HaloAdmin.REFUSED);
        assertThat(r.err()).contains("cannot reach");
    }
}
