package org.halocloud.bench.jpa;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.binary.api.IBinaryStorageSvc;
import ca.uhn.fhir.jpa.binstore.MemoryBinaryStorageSvcImpl;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.commons.dbcp2.BasicDataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * The benchmark's peer (issue 5, point 2): a stock HAPI FHIR JPA server — HAPI's own JPA configuration
 * ({@link JpaR4Config}, {@link HapiJpaConfig}), an embedded H2 file database, HAPI's resource providers and
 * transaction (system) provider on an embedded Tomcat — in its own process, started by the benchmark.
 *
 * <p>{@code java -jar halo-jpa-peer.jar --port=N --dir=PATH}; prints {@code READY <port>} once it serves
 * {@code http://127.0.0.1:N/fhir/}. Settings are HAPI's defaults except: no referential integrity on write (only the
 * searched resources are loaded, not every practitioner they point to), no reuse of cached search results (each
 * search runs, as the facade's does), pages of 20 by default (as the facade's), and HAPI's write-side settings for bulk loads (mass ingestion mode, no
 * meta.source), which change nothing a search finds or how it runs.
 */
@Configuration
@Import({JpaR4Config.class, HapiJpaConfig.class, JpaBatch2Config.class, Batch2JobsConfig.class, ThreadPoolFactoryConfig.class,
        SubscriptionChannelConfig.class})
public class JpaPeer {

    private static String databaseUrl;

    @Bean
    public DataSource dataSource() {
        BasicDataSource ds = new BasicDataSource();
        ds.setDriver(new org.h2.Driver());
        ds.setUrl(databaseUrl);
        ds.setUsername("sa");
        ds.setPassword("");
        ds.setMaxTotal(64);
        return ds;
    }

    @Bean
    public LocalContainerEntityManagerFactoryBean entityManagerFactory(ConfigurableListableBeanFactory beans,
                                                                       FhirContext fhir, JpaStorageSettings settings,
                                                                       DataSource dataSource) {
        LocalContainerEntityManagerFactoryBean emf = HapiEntityManagerFactoryUtil.newEntityManagerFactory(beans, fhir,
                settings);
        emf.setPersistenceUnitName("HAPI_PU");
        emf.setDataSource(dataSource);
        Properties p = new Properties();
        p.put("hibernate.dialect", HapiFhirH2Dialect.class.getName());
        p.put("hibernate.hbm2ddl.auto", "update");
        p.put("hibernate.search.enabled", "false");
        p.put("hibernate.format_sql", "false");
        p.put("hibernate.show_sql", "false");
        p.put("hibernate.jdbc.batch_size", "50");
        p.put("hibernate.order_inserts", "true");
        p.put("hibernate.order_updates", "true");
        emf.setJpaProperties(p);
        return emf;
    }

    @Bean
    public JpaStorageSettings storageSettings() {
        JpaStorageSettings s = new JpaStorageSettings();
        s.setEnforceReferentialIntegrityOnWrite(false);
        s.setReuseCachedSearchResultsForMillis(null);
        // write-side settings HAPI offers for bulk loads; none changes what a search finds or how it runs
        s.setMassIngestionMode(true);
        s.setStoreMetaSourceInformation(JpaStorageSettings.StoreMetaSourceInformationEnum.NONE);
        return s;
    }

    @Bean
    public PartitionSettings partitionSettings() {
        return new PartitionSettings();
    }

    @Bean
    @Primary
    public JpaTransactionManager transactionManager(EntityManagerFactory emf) {
        return new JpaTransactionManager(emf);
    }

    @Bean
    public IBinaryStorageSvc binaryStorage() {
        return new MemoryBinaryStorageSvcImpl();
    }

    public static void main(String[] args) throws Exception {
        int port = 0;
        Path dir = null;
        for (String a : args) {
            if (a.startsWith("--port=")) {
                port = Integer.parseInt(a.substring(7));
            } else if (a.startsWith("--dir=")) {
                dir = Path.of(a.substring(6));
            }
        }
        if (dir == null) {
            dir = Files.createTempDirectory("halo-jpa-peer-");
        }
        Files.createDirectories(dir);
        // a 256 MB page cache (H2 defaults to 16 MB; the loaded database is ~1 GB at the size)
        databaseUrl = "jdbc:h2:file:" + dir.resolve("hapi").toAbsolutePath() + ";MODE=LEGACY;CACHE_SIZE=262144";
        AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext(JpaPeer.class);

        RestfulServer server = new RestfulServer(spring.getBean(FhirContext.class));
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.registerProviders(spring.getBean(ResourceProviderFactory.class).createProviders());
        server.registerProvider(spring.getBean(JpaSystemProvider.class));
        DatabaseBackedPagingProvider paging = spring.getBean(DatabaseBackedPagingProvider.class);
        paging.setDefaultPageSize(20); // the facade's default page (HAPI's own is 10)
        server.setPagingProvider(paging);

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(dir.resolve("tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxThreads", "64");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "fhir", server);
        context.addServletMappingDecoded("/fhir/*", "fhir");
        tomcat.start();
        System.out.println("READY " + connector.getLocalPort());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                tomcat.stop();
            } catch (Exception ignored) {
                // exiting anyway
            }
            spring.close();
        }));
        tomcat.getServer().await();
    }
}
