package org.halocloud.passthrough.config;

import org.halocloud.passthrough.frontdoor.InMemoryRateLimitStore;
import org.halocloud.passthrough.frontdoor.RedisRateLimitStore;
import org.halocloud.passthrough.frontdoor.RateLimitStore;
import org.halocloud.passthrough.link.InProcessTransport;
import org.halocloud.passthrough.state.PmsDatabases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the pipeline's seams: the rate-limit store and the Link transport (in-process by default). */
@Configuration
@EnableScheduling
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

    @Bean
    InProcessTransport linkTransport(PmsDatabases databases, HaloProperties properties) {
        return new InProcessTransport(databases, properties.query().linkConcurrency());
    }
}
