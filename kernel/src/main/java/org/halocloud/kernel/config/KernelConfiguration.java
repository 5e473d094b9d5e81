package org.halocloud.kernel.config;

import org.halocloud.kernel.frontdoor.InMemoryRateLimitStore;
import org.halocloud.kernel.frontdoor.RedisRateLimitStore;
import org.halocloud.kernel.frontdoor.RateLimitStore;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.halocloud.kernel.link.AttachedLinks;
import org.halocloud.kernel.link.ClusterLinks;
import org.halocloud.kernel.link.LinkEndpoint;
import org.halocloud.kernel.link.LinkRouter;
import org.halocloud.kernel.link.RemoteLinks;
import org.halocloud.kernel.security.Sealer;
import org.halocloud.kernel.state.PmsDatabases;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.socket.config.annotation.EnableWebSocket;

/**
 * Wires the kernel's seams: the rate-limit store and the Link transports (standalone Links; the application may attach
 * more; with {@code halo.cluster.broker-url} the Links other nodes hold come last).
 */
@Configuration
@EnableScheduling
@EnableWebSocket
@EnableConfigurationProperties(HaloProperties.class)
public class KernelConfiguration {

    /** Several cloud nodes share one budget per subscription through Redis. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "halo.rate-limit.store", havingValue = "redis")
    RateLimitStore redisRateLimitStore(@Value("${halo.rate-limit.redis-url:redis://127.0.0.1:6379}") String url,
                                       HaloProperties properties) {
        return new RedisRateLimitStore(url, "halo:" + properties.environment() + ":rate:");
    }

    /** One node: the window is kept in memory. */
    @Bean
    @ConditionalOnMissingBean
    RateLimitStore rateLimitStore() {
        return new InMemoryRateLimitStore();
    }

    /** Standalone Links, connected outbound to {@link LinkEndpoint#PATH}. */
    @Bean
    @Order(0)
    RemoteLinks remoteLinks(PmsDatabases databases,
                            @Value("${halo.link.heartbeat-timeout:60s}") Duration heartbeatTimeout) {
        return new RemoteLinks(databases, heartbeatTimeout);
    }

    @Bean
    LinkEndpoint linkEndpoint(RemoteLinks links, PmsDatabases databases, HaloProperties properties) {
        return new LinkEndpoint(links, databases, properties.environment());
    }

    /**
     * Several nodes ({@code halo.cluster.broker-url}): a site whose Link another node holds is reached over NATS, and
     * this node answers for the sites whose Links it holds.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${halo.cluster.broker-url:}'.isBlank()")
    ClusterLinks clusterLinks(HaloProperties properties, Sealer sealer) {
        return new ClusterLinks(properties.cluster().brokerUrl().trim(), properties.environment(), sealer);
    }

    /** The Links attached to this node in their order, then (several nodes) those held by the others. */
    @Bean
    @Primary
    LinkRouter linkTransport(List<AttachedLinks> attached, PmsDatabases databases, ObjectProvider<ClusterLinks> cluster)
            throws IOException, InterruptedException {
        List<AttachedLinks> local = attached.stream().filter(a -> !(a instanceof ClusterLinks)).toList();
        List<AttachedLinks> all = new ArrayList<>(local);
        ClusterLinks others = cluster.getIfAvailable();
        if (others != null) {
            others.start(local);
            all.add(others);
        }
        return new LinkRouter(all, databases);
    }
}
