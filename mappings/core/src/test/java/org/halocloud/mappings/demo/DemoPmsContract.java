package org.halocloud.mappings.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.halocloud.mappings.demo.DemoSite.DemoLogin;
import org.halocloud.mappings.fhir.PmsMapping;
import org.halocloud.pms.Pmss;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every PMS module's demo database must do, whatever the vendor: its descriptor finds it and its FHIR mapping;
 * an integrator's login may read but the database itself refuses it any change; the enabled-logins query lists
 * exactly the integrations the practice enabled. A PMS module's demo test extends this and names its statements.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DemoPmsContract {

    /** An integration the practice enabled and one it did not. */
    protected static final List<DemoLogin> CONTRACT_LOGINS = List.of(
            new DemoLogin("contract_on", "on-pass", "Enabled Integrator", true),
            new DemoLogin("CONTRACT_OFF", "it's-off", "Disabled Integrator", false));

    private DemoDatabases contractDatabases;

    /** The demo under test. */
    protected abstract DemoPms demo();

    /** Per catalogue, a {@code SELECT COUNT(*)} every login may run. */
    protected abstract Map<String, String> readableCounts();

    /**
     * Per catalogue, statements the database must refuse every login: writes, DDL, and reading the practice's own
     * integration settings.
     */
    protected abstract Map<String, List<String>> refused();

    /** The vendor engine's error code for a missing grant (H2's "not enough rights for object"). */
    protected int notEnoughRights() {
        return 90096;
    }

    @BeforeAll
    void buildContractDatabases() throws SQLException {
        contractDatabases = new DemoDatabases(demo(), new DemoSite("CONTRACT-1", "Contract Practice", 7, 40,
                CONTRACT_LOGINS));
    }

    @AfterAll
    void closeContractDatabases() throws SQLException {
        contractDatabases.close();
    }

    @Test
    void itsDescriptorFindsTheDemoAndTheFhirMapping() {
        assertThat(ServiceLoader.load(DemoPms.class).stream().map(p -> p.get().pms())).contains(demo().pms());
        assertThat(Pmss.find(demo().pms().id())).as("descriptor on the class path").contains(demo().pms());
        assertThat(demo().pms().facet(PmsMapping.class)).as("the FHIR mapping facet").isPresent();
        assertThat(demo().catalogues()).isEqualTo(demo().pms().catalogues()).isNotEmpty();
    }

    @Test
    void loginsMayReadButNotChangeAnything() throws SQLException {
        Map<String, Long> before = counts();
        for (DemoLogin login : CONTRACT_LOGINS) {
            for (String catalogue : demo().catalogues()) {
                try (Connection c = contractDatabases.login(catalogue, login.user(), login.password());
                     Statement s = c.createStatement()) {
                    String readable = readableCounts().get(catalogue);
                    if (readable != null) {
                        try (ResultSet rs = s.executeQuery(readable)) {
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getLong(1)).as(login.user() + ": " + readable).isEqualTo(before.get(catalogue));
                        }
                    }
                    for (String sql : refused().getOrDefault(catalogue, List.of())) {
                        assertThatThrownBy(() -> s.execute(sql)).as(login.user() + ": " + sql)
                                .isInstanceOfSatisfying(SQLException.class,
                                        e -> assertThat(e.getErrorCode()).isEqualTo(notEnoughRights()));
                    }
                }
            }
        }
        assertThat(counts()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void theEnabledLoginsQueryListsExactlyTheEnabledIntegrations() throws SQLException {
        List<String> enabled = contractDatabases.strings(demo().catalogues().get(0), demo().enabledLoginsQuery());
        assertThat(enabled).containsExactlyElementsOf(
                CONTRACT_LOGINS.stream().filter(DemoLogin::enabled).map(DemoLogin::user).toList());
    }

    private Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : readableCounts().entrySet()) {
            counts.put(e.getKey(), contractDatabases.count(e.getKey(), e.getValue()));
        }
        return counts;
    }
}
