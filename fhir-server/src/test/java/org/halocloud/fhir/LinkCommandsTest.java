package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.halocloud.link.QueryCommand;
import org.halocloud.link.QueryParameter;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class LinkCommandsTest {

    private static final Field<String> DVA = DSL.field(DSL.name("PATIENT", "DVA_NO"), String.class);
    private static final Field<Integer> ID = DSL.field(DSL.name("PATIENT", "PATIENT_ID"), Integer.class);

    private static Query query(String value) {
        return LinkCommands.SQL.select(ID).from(DSL.table(DSL.name("PATIENT")))
                .where(DSL.trim(DVA).eq(value)).and(ID.gt(7)).and(DSL.upper(DVA).like(DSL.upper(DSL.val("X%"))))
                .orderBy(ID).offset(0).limit(11);
    }

    @Test
    void onFirebirdEachTextBindIsCastToItsOwnLengthAndTheBindsStayInOrder() {
        QueryCommand command = LinkCommands.of(query("QX123456789012"), SQLDialect.FIREBIRD);
        assertThat(command.text())
                .contains("trim(PATIENT.DVA_NO) = CAST(@1 AS VARCHAR(14))")
                .contains("PATIENT.PATIENT_ID > @2")
                .contains("like upper(CAST(@3 AS VARCHAR(2)))")
                .contains("offset @4 rows fetch next @5 rows only");
        assertThat(command.parameters()).extracting(QueryParameter::name, QueryParameter::type, QueryParameter::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1", "NVarChar", "QX123456789012"),
                        org.assertj.core.groups.Tuple.tuple("2", "Int", 7),
                        org.assertj.core.groups.Tuple.tuple("3", "NVarChar", "X%"),
                        org.assertj.core.groups.Tuple.tuple("4", "BigInt", 0L),
                        org.assertj.core.groups.Tuple.tuple("5", "BigInt", 11L));
    }

    @Test
    void onFirebirdABindUsedTwiceIsCastTwiceAndAnEmptyValueStillHasALength() {
        Param<String> twice = DSL.val("");
        Query query = LinkCommands.SQL.select(ID).from(DSL.table(DSL.name("PATIENT")))
                .where(DVA.eq(twice).or(DSL.trim(DVA).eq(twice)));
        QueryCommand command = LinkCommands.of(query, SQLDialect.FIREBIRD);
        assertThat(command.text()).contains("PATIENT.DVA_NO = CAST(@1 AS VARCHAR(1))")
                .contains("trim(PATIENT.DVA_NO) = CAST(@2 AS VARCHAR(1))");
        assertThat(command.parameters()).hasSize(2);
    }

    @Test
    void inlineTextAndOtherEnginesAreLeftAsTheyAre() {
        Query query = query("QX1");
        assertThat(LinkCommands.of(query, null).text()).isEqualTo(LinkCommands.of(query).text())
                .contains("trim(PATIENT.DVA_NO) = @1").doesNotContain("CAST");
        assertThat(LinkCommands.of(query, SQLDialect.POSTGRES).text()).doesNotContain("CAST");
        Query inline = LinkCommands.SQL.select(ID).from(DSL.table(DSL.name("PATIENT"))).where(DVA.eq(DSL.inline("X")));
        assertThat(LinkCommands.of(inline, SQLDialect.FIREBIRD).text()).contains("PATIENT.DVA_NO = 'X'")
                .doesNotContain("CAST");
    }
}
