package org.halocloud.mappings.d4w;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.halocloud.mappings.demo.DemoPms;
import org.halocloud.mappings.demo.DemoSite;

/**
 * What both Centaur flavours share: one catalogue built by {@link D4wData}, H2's {@code MSSQLServer} mode, and the
 * enabled logins in {@code THIRD_PARTY_ACCESS}. Dates are relative to {@code today} (the build date unless given);
 * the same seed and day give identical rows.
 */
abstract sealed class D4wDemo implements DemoPms permits Dental4WindowsDemo, Dental4WebDemo {

    private final Centaur pms;
    private final String catalogue;
    private final boolean tenant;
    private final LocalDate today;

    /** {@code tenant}: whether the database is a tenant of a multi-tenant cluster, with a {@code TENANT} row. */
    D4wDemo(Centaur pms, boolean tenant, LocalDate today) {
        this.pms = pms;
        this.catalogue = pms.catalogues().get(0);
        this.tenant = tenant;
        this.today = Objects.requireNonNull(today);
    }

    @Override
    public Centaur pms() {
        return pms;
    }

    @Override
    public String h2Settings() {
        return ";MODE=MSSQLServer";
    }

    @Override
    public void build(Map<String, Connection> ownerConnections, DemoSite site) throws SQLException {
        D4wData.build(Objects.requireNonNull(ownerConnections.get(catalogue), catalogue), site, today, tenant);
    }
}
