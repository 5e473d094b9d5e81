package org.halocloud.mappings.d4w;

import java.time.LocalDate;

/**
 * The synthetic Dental4Web practice: one tenant database of Centaur's multi-tenant cluster. Same schema and data as
 * {@link Dental4WindowsDemo}, plus a {@code TENANT} marker row whose CRN is the site's PMS id.
 */
public final class Dental4WebDemo extends D4wDemo {

    public static final String CATALOGUE = "D4WEB";

    public Dental4WebDemo() {
        this(LocalDate.now());
    }

    public Dental4WebDemo(LocalDate today) {
        super("d4web", CATALOGUE, true, today);
    }
}
