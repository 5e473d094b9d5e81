package org.halocloud.passthrough.async;

import org.halocloud.kernel.config.HaloProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Async queries' seam: the result store (files under the data directory unless another store is a bean). */
@Configuration
@EnableConfigurationProperties(AsyncProperties.class)
public class AsyncConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ResultStore resultStore(HaloProperties properties) {
        return new FileSystemResultStore(properties.dataDir().resolve("results"));
    }
}
