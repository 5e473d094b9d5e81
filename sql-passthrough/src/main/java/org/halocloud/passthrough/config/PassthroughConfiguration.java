package org.halocloud.passthrough.config;

import org.halocloud.passthrough.frontdoor.InMemoryRateLimitStore;
import org.halocloud.passthrough.frontdoor.RateLimitStore;
import org.halocloud.passthrough.link.InProcessTransport;
import org.halocloud.passthrough.state.PmsDatabases;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the pipeline's seams: the rate-limit store and the Link transport (in-process by default). */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(HaloProperties.class)
public class PassthroughConfiguration {

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
