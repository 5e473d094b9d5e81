package org.halocloud.mappings.d4w;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.halocloud.mappings.demo.DemoPms;
import org.junit.jupiter.api.Test;

class Dental4WindowsDemoTest extends D4wDemoContract {

    @Override
    protected DemoPms demo() {
        return new Dental4WindowsDemo(TODAY);
    }

    @Test
    void onPremisesDatabaseHasNoTenantMarker() throws SQLException {
        assertThat(db.count(catalogue, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'TENANT'"))
                .isZero();
        assertThat(demo().catalogues()).containsExactly("D4W");
    }
}
