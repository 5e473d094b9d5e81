package org.halocloud.passthrough.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.halocloud.kernel.security.Sealer;
import org.halocloud.kernel.security.Sealer.Purpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * Halo's webhooks: configured per subscription by the operator (never by the integrator), sent once — no retry —
 * when an async query completes successfully or a registered query's result changed. The body is exactly
 * {@code {"id","occurredAt","siteId","queryId","webhookSource"}}; headers {@code X-Halo-Id}, {@code X-Halo-Timestamp}
 * (epoch seconds) and {@code X-Halo-Signature-256} (hex HMAC-SHA256 of {@code <body>.<timestamp>} with the
 * subscription's secret). Sending happens on a small background pool and never blocks or fails the query; the
 * outcome is kept as metadata ({@code webhook_delivery}, counter {@code halo.webhooks}).
 *
 * <p>The URL is the operator's pattern with {@code {siteId}}, {@code {queryId}} and {@code {source}} filled in;
 * placeholders may only appear in the path and query, values are UUIDs or a source word, and the expanded URL must
 * be http(s) with the pattern's own scheme, host and port — anything else is refused and nothing is sent.
 */
@Service
public class Webhooks {

    public static final String ASYNC = "async";
    public static final String REGISTERED = "registered";

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Set<String> NAMES = Set.of("siteId", "queryId", "source");
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final JdbcClient db;
    private final Sealer sealer;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;
    private final Duration timeout;
    private final HttpClient client;
    private final ThreadPoolExecutor executor;

    public Webhooks(JdbcClient db, Sealer sealer, ObjectMapper mapper, MeterRegistry meters,
                    @Value("${halo.webhooks.timeout:5s}") Duration timeout,
                    @Value("${halo.webhooks.threads:2}") int threads) {
        this.db = db;
        this.sealer = sealer;
        this.mapper = mapper;
        this.meters = meters;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1000),
                r -> {
                    Thread t = new Thread(r, "halo-webhook-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** One webhook as sent: metadata only. */
    public record Delivery(UUID id, UUID subscriptionId, UUID haloGuid, UUID queryId, String source, String outcome,
                           Integer statusCode, String errorClass, Long durationMs, OffsetDateTime occurredAt,
                           OffsetDateTime sentAt) {
    }

    /**
     * Configures (or replaces) the webhook of a subscription: the operator's URL pattern and the shared secret the
     * integrator verifies signatures with. Refuses (IllegalArgumentException) a pattern that is not an http(s) URL,
     * uses an unknown placeholder, or puts one in the scheme, host or port.
     */
    public void configure(UUID subscriptionId, String urlPattern, String secret) {
        if (subscriptionId == null) {
            throw new IllegalArgumentException("a subscription id is required");
        }
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the webhook secret must have at least 16 characters");
        }
        validatePattern(urlPattern);
        OffsetDateTime now = OffsetDateTime.now();
        String sealed = sealer.seal(secret, Purpose.WEBHOOK_SECRET.of(subscriptionId));
        int updated = db.sql("UPDATE webhook SET url_pattern = ?, secret_sealed = ?, updated_at = ? WHERE subscription_id = ?")
                .params(urlPattern, sealed, now, subscriptionId).update();
        if (updated == 0) {
            db.sql("INSERT INTO webhook (subscription_id, url_pattern, secret_sealed, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
                    .params(subscriptionId, urlPattern, sealed, now, now).update();
        }
        log.info("webhook configured for subscription {}", subscriptionId);
    }

    /** The URL pattern of a subscription's webhook, if it has one (the secret never leaves). */
    public Optional<String> pattern(UUID subscriptionId) {
        return db.sql("SELECT url_pattern FROM webhook WHERE subscription_id = ?").param(subscriptionId)
                .query(String.class).optional();
    }

    /** Removes a subscription's webhook; true when there was one. */
    public boolean remove(UUID subscriptionId) {
        return db.sql("DELETE FROM webhook WHERE subscription_id = ?").param(subscriptionId).update() == 1;
    }

    /** The webhooks sent for a subscription, oldest first. */
    public List<Delivery> deliveries(UUID subscriptionId) {
        return db.sql("""
                SELECT id, subscription_id, halo_guid, query_id, source, outcome, status_code, error_class, duration_ms,
                    occurred_at, sent_at FROM webhook_delivery WHERE subscription_id = ? ORDER BY sent_at, id""")
                .param(subscriptionId)
                .query((rs, i) -> new Delivery(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                        rs.getObject(7) == null ? null : rs.getInt(7), rs.getString(8),
                        rs.getObject(9) == null ? null : rs.getLong(9), rs.getObject(10, OffsetDateTime.class),
                        rs.getObject(11, OffsetDateTime.class)))
                .list();
    }

    /**
     * A query of this subscription completed (async: successfully; registered: with a changed result). Returns at
     * once; the webhook, if one is configured, is sent once in the background. Never throws.
     */
    public void completed(UUID subscriptionId, UUID haloGuid, UUID queryId, String source, OffsetDateTime occurredAt) {
        try {
            executor.execute(() -> deliver(subscriptionId, haloGuid, queryId, source, occurredAt));
        } catch (RejectedExecutionException e) {
            count("dropped", source);
            log.warn("webhook for query {} dropped: the webhook queue is full", queryId);
        }
    }

    private void deliver(UUID subscriptionId, UUID haloGuid, UUID queryId, String source, OffsetDateTime occurredAt) {
        try {
            Optional<Config> config = config(subscriptionId);
            if (config.isEmpty()) {
                return;
            }
            UUID id = UUID.randomUUID();
            OffsetDateTime sentAt = OffsetDateTime.now();
            URI url;
            try {
                url = expand(config.get().pattern(), Map.of("siteId", haloGuid.toString(),
                        "queryId", queryId.toString(), "source", source));
            } catch (IllegalArgumentException e) {
                record(id, subscriptionId, haloGuid, queryId, source, "refused", null, "IllegalArgumentException", null,
                        occurredAt, sentAt);
                log.warn("webhook {} for query {} refused: the URL does not expand to the configured pattern", id, queryId);
                return;
            }
            Map<String, String> payload = new LinkedHashMap<>();
            payload.put("id", id.toString());
            payload.put("occurredAt", occurredAt.withOffsetSameInstant(ZoneOffset.UTC).toString());
            payload.put("siteId", haloGuid.toString());
            payload.put("queryId", queryId.toString());
            payload.put("webhookSource", source);
            String body = mapper.writeValueAsString(payload);
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            String secret = sealer.open(config.get().secretSealed(), Purpose.WEBHOOK_SECRET.of(subscriptionId));
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("X-Halo-Id", id.toString())
                    .header("X-Halo-Timestamp", timestamp)
                    .header("X-Halo-Signature-256", sign(secret, body, timestamp))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            long start = System.nanoTime();
            String outcome;
            Integer status = null;
            String error = null;
            try {
                status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                outcome = status >= 200 && status < 300 ? "delivered" : "rejected";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = "failed";
                error = e.getClass().getSimpleName();
            } catch (Exception e) {
                outcome = "failed";
                error = e.getClass().getSimpleName();
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            record(id, subscriptionId, haloGuid, queryId, source, outcome, status, error, ms, occurredAt, sentAt);
            log.info("webhook {} query={} site={} source={} outcome={} status={} error={} ms={}", id, queryId, haloGuid,
                    source, outcome, status, error, ms);
        } catch (RuntimeException e) {
            count("error", source);
            log.warn("webhook for query {} not sent ({})", queryId, e.getClass().getSimpleName());
        }
    }

    private void record(UUID id, UUID subscriptionId, UUID haloGuid, UUID queryId, String source, String outcome,
                        Integer status, String error, Long ms, OffsetDateTime occurredAt, OffsetDateTime sentAt) {
        count(outcome, source);
        db.sql("""
                INSERT INTO webhook_delivery (id, subscription_id, halo_guid, query_id, source, outcome, status_code,
                    error_class, duration_ms, occurred_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, subscriptionId, haloGuid, queryId, source, outcome, status, error, ms, occurredAt, sentAt)
                .update();
    }

    private void count(String outcome, String source) {
        Counter.builder("halo.webhooks").description("webhooks by outcome (sent once, never retried)")
                .tag("outcome", outcome).tag("source", source).register(meters).increment();
    }

    private record Config(String pattern, String secretSealed) {
    }

    private Optional<Config> config(UUID subscriptionId) {
        return db.sql("SELECT url_pattern, secret_sealed FROM webhook WHERE subscription_id = ?").param(subscriptionId)
                .query((rs, i) -> new Config(rs.getString(1), rs.getString(2))).optional();
    }

    /** Hex HMAC-SHA256 of {@code <body>.<timestamp>} with the secret: what X-Halo-Signature-256 carries. */
    public static String sign(String secret, String body, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((body + "." + timestamp).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a webhook", e);
        }
    }

    /** Refuses a pattern that could not expand to an http(s) URL of one fixed origin. */
    static void validatePattern(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a webhook URL pattern is required");
        }
        URI origin = origin(pattern);
        if (origin.getHost() == null) {
            throw new IllegalArgumentException("the webhook URL pattern needs a host");
        }
        expand(pattern, Map.of("siteId", UUID.randomUUID().toString(), "queryId", UUID.randomUUID().toString(),
                "source", ASYNC));
    }

    /**
     * The pattern with its placeholders filled in, checked: known placeholders only, safe values only, nothing left
     * over, an http(s) URL without user info or fragment, of the same scheme, host and port as the pattern itself.
     */
    static URI expand(String pattern, Map<String, String> values) {
        URI origin = origin(pattern);
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown placeholder {" + name + "} (known: " + NAMES + ")");
            }
            String value = values.get(name);
            if (value == null || !SAFE_VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("placeholder {" + name + "} has no safe value");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String expanded = out.toString();
        if (expanded.indexOf('{') >= 0 || expanded.indexOf('}') >= 0) {
            throw new IllegalArgumentException("the URL pattern does not expand cleanly");
        }
        URI uri;
        try {
            uri = new URI(expanded);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the expanded webhook URL is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("a webhook URL must be http or https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("a webhook URL needs a host and no user info or fragment");
        }
        if (!scheme.equals(origin.getScheme().toLowerCase(Locale.ROOT))
                || !uri.getHost().equalsIgnoreCase(origin.getHost()) || uri.getPort() != origin.getPort()) {
            throw new IllegalArgumentException("the expanded webhook URL does not match the configured pattern's origin");
        }
        return uri;
    }

    /** The scheme, host and port of a pattern: the part before its path, which may hold no placeholder. */
    private static URI origin(String pattern) {
        int sep = pattern.indexOf("://");
        if (sep <= 0) {
            throw new IllegalArgumentException("a webhook URL pattern must be an absolute http(s) URL");
        }
        int end = pattern.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = pattern.indexOf(c, sep + 3);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String prefix = pattern.substring(0, end);
        if (prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
            throw new IllegalArgumentException("placeholders may only appear in the path or query of a webhook URL");
        }
        try {
            URI uri = new URI(prefix);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("a webhook URL must be http or https");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("a webhook URL pattern must be an absolute http(s) URL");
        }
    }

    @PreDestroy
    public void stop() {
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
