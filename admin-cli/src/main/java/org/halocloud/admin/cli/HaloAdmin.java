package org.halocloud.admin.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code halo-admin}: the operator's command line over the operator API. It reads the cloud's address from
 * {@code HALO_URL} and the operator's token from {@code HALO_ADMIN_TOKEN} (never from the command line, where other
 * users could see it in the process list), and prints the server's JSON as it answers. Secrets a command sends (a
 * webhook's signing secret, a vendor database password) are read from stdin for the same reason.
 *
 * <p>Exit codes: 0 done, 1 refused by the server (or it could not be reached), 2 usage.
 */
public final class HaloAdmin {

    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;

    /** A secret longer than this on stdin is a mistake (a file piped in by accident), not a password. */
    private static final int MAX_SECRET_BYTES = 4096;

    static final String HELP = """
            usage: halo-admin <command>      (HALO_URL and HALO_ADMIN_TOKEN from the environment)

              integrators list
              integrators add <name>
              keys list <integratorId|name>                 subscriptions with key hints (never keys)
              keys issue <integratorId>                     a new key, shown once
              keys rotate <subscriptionId>                  a new key, shown once; the old one stops working now
              keys revoke <subscriptionId>
              vendor set <integratorId> <vendor> <dbUser>   the database password is read from stdin
              vendor list <integratorId>
              vendor remove <integratorId> <vendor>
              webhook set <subscriptionId> <urlPattern>     the signing secret is read from stdin
              webhook show <subscriptionId>
              webhook remove <subscriptionId>
              queries [--integrator <id|name>] [--subscription <id>] [--site <haloGuid>] [--since <date-time>]
                      [--limit <n, at most 1000>] [--cursor <the previous answer's next>]
                                                            query metadata, newest first
              links register <name>                         the Link's credential, shown once
              links list                                    Links, their databases, online or not
              links revoke <linkId>                         its credential refused from now on
              authority move <pms> <pmsId> <haloGuid>

            vendor: best-practice, zedmed or centaur (or a PMS: bp-premier, zedmed, d4w, d4web)
            exit codes: 0 done, 1 refused by the server or unreachable, 2 usage
            """;

    private final Map<String, String> env;
    private final InputStream stdin;
    private final Console console;
    private final PrintStream out;
    private final PrintStream err;
    private final JsonMapper json = JsonMapper.builder().build();

    HaloAdmin(Map<String, String> env, InputStream stdin, Console console, PrintStream out, PrintStream err) {
        this.env = env;
        this.stdin = stdin;
        this.console = console;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new HaloAdmin(System.getenv(), System.in, System.console(), System.out, System.err).run(args));
    }

    /** Runs one command without exiting: what {@link #main} does, for callers in the same JVM (and tests). */
    public static int run(String[] args, Map<String, String> env, InputStream stdin, PrintStream out, PrintStream err) {
        return new HaloAdmin(env, stdin, null, out, err).run(args);
    }

    /** A command that cannot be sent as given. */
    private static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message, null, false, false);
        }
    }

    private record Call(String method, String path, Object body) {
    }

    int run(String[] args) {
        if (args.length == 0 || List.of("help", "-h", "--help").contains(args[0])) {
            (args.length == 0 ? err : out).print(HELP);
            return args.length == 0 ? USAGE : OK;
        }
        Call call;
        try {
            call = parse(args);
        } catch (Usage e) {
            err.println("halo-admin: " + e.getMessage());
            err.println("run halo-admin help for the commands");
            return USAGE;
        }
        String base = env.getOrDefault("HALO_URL", "").strip();
        String token = env.getOrDefault("HALO_ADMIN_TOKEN", "").strip();
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            err.println("halo-admin: set HALO_URL to the cloud's address, e.g. https://halo.example.com");
            return USAGE;
        }
        if (token.isEmpty()) {
            err.println("halo-admin: set HALO_ADMIN_TOKEN to the operator's token");
            return USAGE;
        }
        return send(base.replaceAll("/+$", ""), token, call);
    }

    private Call parse(String[] a) {
        String group = a[0];
        String verb = a.length > 1 ? a[1] : "";
        switch (group + " " + verb) {
            case "integrators list":
                arity(a, 2);
                return new Call("GET", "/admin/integrators", null);
            case "integrators add":
                arity(a, 3);
                return new Call("POST", "/admin/integrators", Map.of("name", a[2]));
            case "keys list":
                arity(a, 3);
                return new Call("GET", "/admin/subscriptions?integrator=" + query(a[2]), null);
            case "keys issue":
                arity(a, 3);
                return new Call("POST", "/admin/integrators/" + segment(a[2]) + "/subscriptions", null);
            case "keys rotate":
                arity(a, 3);
                return new Call("POST", "/admin/subscriptions/" + segment(a[2]) + "/rotate", null);
            case "keys revoke":
                arity(a, 3);
                return new Call("POST", "/admin/subscriptions/" + segment(a[2]) + "/revoke", null);
            case "vendor set":
                arity(a, 5);
                return new Call("PUT", "/admin/integrators/" + segment(a[2]) + "/vendors/" + segment(a[3]),
                        ordered("dbUser", a[4], "dbPassword", secret("the database password for " + a[4])));
            case "vendor list":
                arity(a, 3);
                return new Call("GET", "/admin/integrators/" + segment(a[2]) + "/vendors", null);
            case "vendor remove":
                arity(a, 4);
                return new Call("DELETE", "/admin/integrators/" + segment(a[2]) + "/vendors/" + segment(a[3]), null);
            case "webhook set":
                arity(a, 4);
                return new Call("PUT", "/admin/subscriptions/" + segment(a[2]) + "/webhook",
                        ordered("urlPattern", a[3], "secret", secret("the webhook's signing secret")));
            case "webhook show":
                arity(a, 3);
                return new Call("GET", "/admin/subscriptions/" + segment(a[2]) + "/webhook", null);
            case "webhook remove":
                arity(a, 3);
                return new Call("DELETE", "/admin/subscriptions/" + segment(a[2]) + "/webhook", null);
            case "links register":
                arity(a, 3);
                return new Call("POST", "/admin/links", Map.of("name", a[2]));
            case "links list":
                arity(a, 2);
                return new Call("GET", "/admin/links", null);
            case "links revoke":
                arity(a, 3);
                return new Call("POST", "/admin/links/" + segment(a[2]) + "/revoke", null);
            case "authority move":
                arity(a, 5);
                return new Call("PUT", "/admin/pms/" + segment(a[2]) + "/" + segment(a[3]) + "/authoritative",
                        Map.of("haloGuid", a[4]));
            default:
                if (group.equals("queries")) {
                    return new Call("GET", "/admin/queries" + queryOptions(Arrays.copyOfRange(a, 1, a.length)), null);
                }
                throw new Usage("unknown command: " + String.join(" ", Arrays.copyOfRange(a, 0, Math.min(2, a.length))));
        }
    }

    private static void arity(String[] a, int n) {
        if (a.length != n) {
            throw new Usage(a[0] + " " + a[1] + " takes " + (n - 2) + " argument" + (n == 3 ? "" : "s")
                    + " (see halo-admin help)");
        }
        for (int i = 2; i < n; i++) {
            if (a[i].isBlank()) {
                throw new Usage("an empty argument");
            }
        }
    }

    private static String queryOptions(String[] options) {
        Map<String, String> names = Map.of("--integrator", "integrator", "--subscription", "subscription",
                "--site", "site", "--since", "since", "--limit", "limit", "--cursor", "cursor");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < options.length; i += 2) {
            String name = names.get(options[i]);
            if (name == null || i + 1 >= options.length || options[i + 1].isBlank()) {
                throw new Usage("queries takes --integrator, --subscription, --site, --since, --limit and --cursor, "
                        + "each with a value");
            }
            parts.add(name + "=" + query(options[i + 1]));
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static Map<String, String> ordered(String k1, String v1, String k2, String v2) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /** A secret from the terminal without echo, or the first line of stdin when piped. */
    private String secret(String what) {
        if (console != null) {
            char[] typed = console.readPassword("%s: ", what);
            if (typed == null || typed.length == 0) {
                throw new Usage("no " + what + " given");
            }
            return new String(typed);
        }
        byte[] bytes;
        try {
            bytes = readAtMost(stdin, MAX_SECRET_BYTES + 1);
        } catch (IOException e) {
            throw new Usage("cannot read " + what + " from stdin");
        }
        if (bytes.length > MAX_SECRET_BYTES) {
            throw new Usage(what + " on stdin is longer than " + MAX_SECRET_BYTES + " bytes");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String line = (newline < 0 ? text : text.substring(0, newline)).replaceAll("\r$", "");
        if (line.isEmpty()) {
            throw new Usage("give " + what + " on stdin (e.g. halo-admin ... < file)");
        }
        return line;
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[1024];
        int n;
        while (buffer.size() < limit && (n = in.read(chunk, 0, Math.min(chunk.length, limit - buffer.size()))) > 0) {
            buffer.write(chunk, 0, n);
        }
        return buffer.toByteArray();
    }

    private int send(String base, String token, Call call) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + call.path()));
        } catch (IllegalArgumentException e) {
            err.println("halo-admin: HALO_URL is not a valid address");
            return USAGE;
        }
        request.timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (call.body() != null) {
            request.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(json.writeValueAsString(call.body())));
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        // no redirects: the token goes to the address the operator configured and nowhere else
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("halo-admin: cannot reach " + base + " (" + e.getClass().getSimpleName() + ")");
            return REFUSED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("halo-admin: interrupted");
            return REFUSED;
        }
        boolean ok = response.statusCode() / 100 == 2;
        String body = response.body() == null ? "" : response.body();
        PrintStream target = ok ? out : err;
        if (!body.isEmpty()) {
            target.print(body.endsWith("\n") ? body : body + "\n");
        } else if (!ok) {
            target.println("{\"error\":{\"status\":" + response.statusCode() + "}}");
        }
        target.flush();
        return ok ? OK : REFUSED;
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
