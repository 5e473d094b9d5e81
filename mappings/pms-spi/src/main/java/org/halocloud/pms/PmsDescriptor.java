package org.halocloud.pms;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One practice management system as the whole product knows it. Each vendor module ships one per PMS it serves
 * (listed in {@code META-INF/services/org.halocloud.pms.PmsDescriptor}); {@link Pmss} finds them, so adding a PMS
 * is adding its module. Two descriptors of one id are the same PMS (ServiceLoader makes its own instance beside a
 * vendor module's constant).
 */
public abstract class PmsDescriptor {

    /** This product's id, as configuration, manifests and Link announcements spell it (e.g. {@code bp-premier}). */
    public abstract String id();

    /** Halo's {@code pmsType} / {@code practiceManagementName} in the API (e.g. {@code BestPractice}). */
    public abstract String apiName();

    /** The company an integrator signs up with: one database login for all its practices (e.g. {@code centaur}). */
    public abstract String vendor();

    /** Halo's {@code errorDetails.errorType} for the database's own errors (e.g. {@code mssql}). */
    public abstract String errorType();

    /** The catalogues (databases) of one practice; the first is the default. */
    public abstract List<String> catalogues();

    /**
     * A fixed query (no parameters) on the default catalogue, run by the Halo Link as the database owner, that
     * returns one column: the database logins of the integrations the practice has enabled.
     */
    public abstract String enabledLoginsQuery();

    /** The zone the PMS records local times in. */
    public ZoneId zone() {
        return ZoneId.of("Australia/Sydney");
    }

    /**
     * What else the vendor module offers for this PMS, by type — e.g. its FHIR mapping — so a product asks for the
     * facet it serves and the kernel needs to know none of them.
     */
    public <T> Optional<T> facet(Class<T> type) {
        return Optional.empty();
    }

    /** A descriptor with no facets, from its values (a PMS known only by its database, or a test's). */
    public static PmsDescriptor of(String id, String apiName, String vendor, String errorType, List<String> catalogues,
                                   String enabledLoginsQuery) {
        List<String> kept = List.copyOf(catalogues);
        return new PmsDescriptor() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String apiName() {
                return apiName;
            }

            @Override
            public String vendor() {
                return vendor;
            }

            @Override
            public String errorType() {
                return errorType;
            }

            @Override
            public List<String> catalogues() {
                return kept;
            }

            @Override
            public String enabledLoginsQuery() {
                return enabledLoginsQuery;
            }
        };
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof PmsDescriptor p && p.id().equals(id());
    }

    @Override
    public final int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return id();
    }
}
