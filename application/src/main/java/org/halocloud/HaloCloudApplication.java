package org.halocloud;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Halo Cloud: the SQL Passthrough and FHIR APIs, their shared front door, and (embedded) a Halo Link. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HaloCloudApplication {

    public static void main(String[] args) {
        SpringApplication.run(HaloCloudApplication.class, args);
    }
}
