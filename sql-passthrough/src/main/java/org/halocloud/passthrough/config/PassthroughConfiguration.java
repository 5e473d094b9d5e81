package org.halocloud.passthrough.config;

import org.halocloud.passthrough.frontdoor.InMemoryRateLimitStore;
import org.halocloud.passthrough.frontdoor.RedisRateLimitStore;
import org.halocloud.passthrough.frontdoor.RateLimitStore;
import java.time.Duration;
import org.halocloud.passthrough.link.InProcessTransport;
import org.halocloud.passthrough.link.LinkEndpoint;
import org.halocloud.passthrough.link.LinkRouter;
import org.halocloud.passthrough.link.RemoteLinks;
import org.halocloud.passthrough.state.PmsDatabases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.socket.config.annotation.EnableWebSocket;

/** Wires the pipeline's seams: the rate-limit store and the Link transports (in-process and standalone Links). */
@Configuration
@EnableScheduling
@EnableWebSocket
@EnableConfigurationProperties(HaloProperties.class)
public class PassthroughConfiguration {

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

    /** The embedded product's Link, in this process (the demo practices). */
    @Bean
    InProcessTransport inProcessTransport(PmsDatabases databases, HaloProperties properties) {
        return new InProcessTransport(databases, properties.query().linkConcurrency());
    }

    /** Standalone Links, connected outbound to {@link LinkEndpoint#PATH}. */
    @Bean
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
    LinkRouter linkTransport(RemoteLinks remote, InProcessTransport inProcess, PmsDatabases databases) {
        return new LinkRouter(remote, inProcess, databases);
    }
}
