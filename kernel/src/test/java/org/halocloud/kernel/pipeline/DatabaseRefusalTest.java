package org.halocloud.kernel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.halocloud.link.LinkFailure;
import org.junit.jupiter.api.Test;

/** What each engine's refusal of a write means, read from its SQLSTATE or error code. */
class DatabaseRefusalTest {

    private static DatabaseRefusal of(int code, String state) {
        return DatabaseRefusal.of(new LinkFailure(LinkFailure.Kind.DATABASE, code, state, "refused"));
    }

    @Test
    void grantsConstraintsAndValuesAreToldApartOnEveryEngine() {
        assertThat(of(90096, "90096")).as("H2: not enough rights").isEqualTo(DatabaseRefusal.NOT_PERMITTED);
        assertThat(of(229, "S0005")).as("SQL Server: permission denied").isEqualTo(DatabaseRefusal.NOT_PERMITTED);
        assertThat(of(335544352, "28000")).as("Firebird: no permission").isEqualTo(DatabaseRefusal.NOT_PERMITTED);
        assertThat(of(0, "42501")).as("the standard's insufficient privilege").isEqualTo(DatabaseRefusal.NOT_PERMITTED);
        assertThat(of(23505, "23505")).as("duplicate key").isEqualTo(DatabaseRefusal.CONSTRAINT);
        assertThat(of(2627, "23000")).as("SQL Server unique violation").isEqualTo(DatabaseRefusal.CONSTRAINT);
        assertThat(of(22001, "22001")).as("value too long").isEqualTo(DatabaseRefusal.INVALID_VALUE);
        assertThat(of(208, "S0002")).as("an unknown object").isEqualTo(DatabaseRefusal.OTHER);
        assertThat(of(0, null)).isEqualTo(DatabaseRefusal.OTHER);
        assertThat(DatabaseRefusal.of(new LinkFailure(LinkFailure.Kind.TIMEOUT, 90096, "90096", "slow")))
                .as("only the database's own refusals").isEqualTo(DatabaseRefusal.OTHER);
    }
}
