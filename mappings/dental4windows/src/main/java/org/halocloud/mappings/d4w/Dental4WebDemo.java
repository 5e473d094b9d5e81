package org.halocloud.mappings.d4w;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The synthetic Dental4Web practice: one tenant database of Centaur's multi-tenant cluster. Same schema and data as
 * {@link Dental4WindowsDemo}, plus a {@code TENANT} marker row whose CRN is the site's PMS id.
 */
public final class Dental4WebDemo extends D4wDemo {

    public static final String CATALOGUE = "D4WEB";

    public Dental4WebDemo() {
        this(LocalDate.now(ZoneId.of("Australia/Sydney"))); // the practice's today, as the FHIR API reads its dates
    }

    public Dental4WebDemo(LocalDate today) {
        super(Centaur.D4WEB, true, today);
    }
}
