package org.halocloud.passthrough.async;

import org.halocloud.kernel.config.HaloProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Async queries' seam: the result store, unless another store is a bean. {@code halo.async.result-store}: {@code files}
 * (under the data directory: this node alone reads them) or {@code database} (the shared state store: every node
 * reads them); unset, {@code database} when the node is one of a cluster ({@code halo.cluster.broker-url}), else
 * {@code files}.
 */
@Configuration
@EnableConfigurationProperties(AsyncProperties.class)
public class AsyncConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ResultStore resultStore(HaloProperties properties, AsyncProperties async, ObjectProvider<JdbcClient> db) {
        String kind = async.resultStore().isBlank()
                ? (properties.cluster().enabled() ? "database" : "files")
                : async.resultStore().trim();
        return switch (kind) {
            case "files" -> new FileSystemResultStore(properties.dataDir().resolve("results"));
            case "database" -> new DatabaseResultStore(db.getObject());
            default -> throw new IllegalArgumentException("halo.async.result-store must be files or database, not '"
                    + kind + "'");
        };
    }
}
