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

    private static final java.time.ZoneId SYDNEY = java.time.ZoneId.of("Australia/Sydney");

    private static String where(SearchParameter parameter, String value) {
        return DSL.using(SQLDialect.H2).renderInlined(parameter.condition(null, java.util.List.of(value), null));
    }

    @Test
    void aDayColumnTakesAnInstantToItsLocalDayAndWidensGreaterAndLessThan() {
        var column = DSL.field(DSL.name("T", "D"), java.time.LocalDateTime.class);
        SearchParameter day = Params.day(column, SYDNEY);
        // 23:30 UTC on the 30th is the 31st in Sydney
        assertThat(where(day, "gt2024-05-30T23:30:00Z")).isEqualTo(where(day, "ge2024-05-31"));
        assertThat(where(day, "lt2024-05-30T23:30:00Z")).isEqualTo(where(day, "le2024-05-31"));
        assertThat(where(day, "2024-05-30T23:30:00Z")).isEqualTo(where(day, "2024-05-31"));
        assertThat(where(day, "gt2024-05-31")).contains("2024-06-01");
    }

    @Test
    void yearMonthDayColumnsCompareAsANumberFromTheStartOfTheirPeriod() {
        var part = (java.util.function.Function<String, org.jooq.Field<Integer>>) n -> DSL.field(DSL.name("H", n), Integer.class);
        SearchParameter onset = Params.yearMonthDay(part.apply("Y"), part.apply("M"), part.apply("D"), SYDNEY);
        assertThat(where(onset, "2024-05")).contains(">= 20240501").contains("< 20240601");
        assertThat(where(onset, "ge2024")).contains(">= 20240101").doesNotContain("<");
        assertThat(where(onset, "2024-05-30T23:30:00Z")).contains(">= 20240531").contains("< 20240601");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> where(onset, "May 2024")).isInstanceOf(InvalidSearch.class);
    }
}
