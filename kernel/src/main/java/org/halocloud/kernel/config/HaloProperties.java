package org.halocloud.kernel.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of the cloud, under {@code halo.*}. Defaults are the embedded demo's.
 *
 * @param dataDir     where the embedded state store, demo databases and generated secrets live
 * @param environment the deployment this node belongs to (demo, staging, production); keys of another are refused
 * @param rateLimit   the per-subscription rolling window over immediate SQL and FHIR GET/POST
 * @param query       limits of immediate queries
 * @param secrets     the key that seals vendor credentials at rest
 * @param cluster     how this node reaches the Links other nodes hold
 */
@ConfigurationProperties("halo")
public record HaloProperties(
        Path dataDir,
        String environment,
        RateLimit rateLimit,
        Query query,
        Secrets secrets,
        Cluster cluster) {

    @ConstructorBinding
    public HaloProperties(@DefaultValue("./data") Path dataDir,
                          @DefaultValue("demo") String environment,
                          @DefaultValue RateLimit rateLimit,
                          @DefaultValue Query query,
                          @DefaultValue Secrets secrets,
                          @DefaultValue Cluster cluster) {
        this.dataDir = dataDir;
        this.environment = environment;
        this.rateLimit = rateLimit;
        this.query = query;
        this.secrets = secrets;
        this.cluster = cluster;
    }

    /** One node on its own (no cluster). */
    public HaloProperties(Path dataDir, String environment, RateLimit rateLimit, Query query, Secrets secrets) {
        this(dataDir, environment, rateLimit, query, secrets, new Cluster(""));
    }

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

    /**
     * @param brokerUrl the NATS server(s) every node of the deployment connects to ({@code nats://127.0.0.1:4222};
     *                  several comma-separated); a query for a site whose Link another node holds is carried there.
     *                  Empty (the embedded default): this node is on its own and serves only the Links it holds.
     */
    public record Cluster(@DefaultValue("") String brokerUrl) {

        public boolean enabled() {
            return brokerUrl != null && !brokerUrl.isBlank();
        }
    }
}
