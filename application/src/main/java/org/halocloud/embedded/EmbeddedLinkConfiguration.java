package org.halocloud.embedded;

import org.halocloud.kernel.config.HaloProperties;
import org.halocloud.kernel.state.PmsDatabases;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The embedded product's Link, in this process (it serves the demo practices): asked after standalone Links. */
@Configuration
public class EmbeddedLinkConfiguration {

    @Bean
    @Order(1)
    InProcessTransport inProcessTransport(PmsDatabases databases, HaloProperties properties) {
        return new InProcessTransport(databases, properties.query().linkConcurrency());
    }
}
