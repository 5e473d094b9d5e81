package org.halocloud.kernel.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of the cloud, under {@code halo.*}. Defaults are the embedded demo's.
 *
 * @param dataDir     where the embedded state store, demo databases and generated secrets live
 * @param environment the deployment this node belongs to (demo, staging, production); keys of another are refused
 * @param rateLimit   the per-subscription rolling window over immediate SQL and FHIR GET/POST
 * @param query       limits of immediate queries
 * @param secrets     the key that seals vendor credentials at rest
 */
@ConfigurationProperties("halo")
public record HaloProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("demo") String environment,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Query query,
        @DefaultValue Secrets secrets) {

    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("15") int limit,
            @DefaultValue("5s") Duration window) {
    }

    /**
     * @param timeout          execution limit of one immediate query at the database
     * @param maxResultBytes   the largest JSON result an immediate query may return
     * @param maxCommandBytes  the largest SQL text accepted
     * @param linkConcurrency  queries one Link runs at once; more wait in its queue up to maxTimeInQueue
     */
    public record Query(
            @DefaultValue("60s") Duration timeout,
            @DefaultValue("8388608") long maxResultBytes,
            @DefaultValue("1048576") int maxCommandBytes,
            @DefaultValue("8") int linkConcurrency) {
    }

    /** @param masterKey base64 of 32 bytes; when empty a key is generated once under the data directory */
    public record Secrets(@DefaultValue("") String masterKey) {
    }
}
