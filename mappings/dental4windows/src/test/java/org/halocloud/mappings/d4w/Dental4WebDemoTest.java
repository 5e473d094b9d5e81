package org.halocloud.mappings.d4w;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.halocloud.mappings.demo.DemoDatabases;
import org.halocloud.mappings.demo.DemoPms;
import org.junit.jupiter.api.Test;

class Dental4WebDemoTest extends D4wDemoContract {

    @Override
    protected DemoPms demo() {
        return new Dental4WebDemo(TODAY);
    }

    @Test
    void tenantMarkerCarriesTheCrnAndIsReadable() throws SQLException {
        assertThat(strings("SELECT CRN FROM TENANT")).containsExactly("504231");
        assertThat(demo().catalogues()).containsExactly("D4WEB");
        try (Connection c = db.login(catalogue, "halo_demo", "demo-pass"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT TENANT_NAME FROM TENANT")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Harbourside Dental");
        }
    }

    @Test
    void sameSchemaAsDental4Windows() throws SQLException {
        try (DemoDatabases d4w = new DemoDatabases(new Dental4WindowsDemo(TODAY), site(42, 50))) {
            String columns = "SELECT TABLE_NAME || '.' || COLUMN_NAME || ':' || DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME <> 'TENANT' ORDER BY 1";
            List<String> own = strings(columns);
            List<String> theirs = d4w.strings("D4W", columns);
            assertThat(own).isEqualTo(theirs);
        }
    }
}
