package org.halocloud.mappings.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void everyRowAndNoRowRenderAsComparisonsSqlServerAccepts() {
        var sql = DSL.using(SQLDialect.H2);
        String never = sql.render(DSL.selectOne().from(DSL.table(DSL.name("PATIENTS"))).where(Params.NEVER));
        String always = sql.render(DSL.selectOne().from(DSL.table(DSL.name("PATIENTS"))).where(Params.ALWAYS));

        assertThat(never).endsWith("where (1 = 0)").doesNotContainIgnoringCase("false");
        assertThat(always).endsWith("where (1 = 1)").doesNotContainIgnoringCase("true");
    }
}
