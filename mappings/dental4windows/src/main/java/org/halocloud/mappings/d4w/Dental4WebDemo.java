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
 * The synthetic Dental4Web practice: one tenant database of Centaur's multi-tenant cluster. Same schema and data as
 * {@link Dental4WindowsDemo}, plus a {@code TENANT} marker row whose CRN is the site's PMS id.
 */
public final class Dental4WebDemo implements DemoPms {

    public static final String CATALOGUE = "D4WEB";

    private final LocalDate today;

    public Dental4WebDemo() {
        this(LocalDate.now());
    }

    public Dental4WebDemo(LocalDate today) {
        this.today = Objects.requireNonNull(today);
    }

    @Override
    public String pms() {
        return "d4web";
    }

    @Override
    public List<String> catalogues() {
        return List.of(CATALOGUE);
    }

    @Override
    public String h2Settings() {
        return ";MODE=MSSQLServer";
    }

    @Override
    public String enabledLoginsQuery() {
        return D4wData.ENABLED_LOGINS;
    }

    @Override
    public void build(Map<String, Connection> ownerConnections, DemoSite site) throws SQLException {
        D4wData.build(Objects.requireNonNull(ownerConnections.get(CATALOGUE), CATALOGUE), site, today, true);
    }
}
