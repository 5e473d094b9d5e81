package org.halocloud.kernel.config;

import org.halocloud.kernel.frontdoor.InMemoryRateLimitStore;
import org.halocloud.kernel.frontdoor.RedisRateLimitStore;
import org.halocloud.kernel.frontdoor.RateLimitStore;
import java.time.Duration;
import java.util.List;
import org.halocloud.kernel.link.AttachedLinks;
import org.halocloud.kernel.link.LinkEndpoint;
import org.halocloud.kernel.link.LinkRouter;
import org.halocloud.kernel.link.RemoteLinks;
import org.halocloud.kernel.state.PmsDatabases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.socket.config.annotation.EnableWebSocket;

/** Wires the kernel's seams: the rate-limit store and the Link transports (standalone Links; the application may attach more). */
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

    @Bean
    @Primary
    LinkRouter linkTransport(List<AttachedLinks> attached, PmsDatabases databases) {
        return new LinkRouter(attached, databases);
    }
}
