package org.halocloud.mappings.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CodeTableTest {

    private static final String GENDER = "http://hl7.org/fhir/administrative-gender";
    private static final Field<String> LETTER = DSL.field(DSL.name("PATIENT", "GENDER"), String.class);
    private static final Field<Integer> NUMBER = DSL.field(DSL.name("PATIENT", "SEXCODE"), Integer.class);
    private static final Field<Boolean> FLAG = DSL.field(DSL.name("BOOK", "IS_ACTIVE"), Boolean.class);

    /** Letters read without case, anything else unknown. */
    static final CodeTable<String, AdministrativeGender> LETTERS = CodeTable
            .of(LETTER, GENDER, AdministrativeGender::toCode).ignoringCase()
            .code(AdministrativeGender.MALE, "M").code(AdministrativeGender.FEMALE, "F")
            .code(AdministrativeGender.OTHER, "X").code(AdministrativeGender.UNKNOWN, "U")
            .otherwise(AdministrativeGender.UNKNOWN);
    /** Letters compared exactly, no gender when none is recorded. */
    static final CodeTable<String, AdministrativeGender> EXACT_LETTERS = CodeTable
            .of(LETTER, GENDER, AdministrativeGender::toCode)
            .code(AdministrativeGender.MALE, "M").code(AdministrativeGender.FEMALE, "F")
            .unlisted(AdministrativeGender.UNKNOWN).build();
    static final CodeTable<Integer, AdministrativeGender> NUMBERS = CodeTable
            .of(NUMBER, GENDER, AdministrativeGender::toCode)
            .code(AdministrativeGender.MALE, 1).code(AdministrativeGender.FEMALE, 2)
            .code(AdministrativeGender.OTHER, 3, 4).code(AdministrativeGender.UNKNOWN, 0)
            .otherwise(AdministrativeGender.UNKNOWN);
    static final CodeTable<Boolean, Boolean> FLAGS = CodeTable.of(FLAG, "", (Boolean b) -> b.toString())
            .code(true, true).code(false, false).otherwise(false);
    static final CodeTable<Integer, CodeTable.Code> CODED = CodeTable.coded(NUMBER, "urn:test")
            .code(new CodeTable.Code("a", "Alpha"), 1).code(new CodeTable.Code("b", "Beta"), 2).build();

    private static Connection connection;

    @BeforeAll
    static void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:codetables", "sa", "");
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void everyTableSearchesExactlyWhatItDecodes() {
        for (CodeTable<?, ?> table : List.of(LETTERS, EXACT_LETTERS, NUMBERS, FLAGS, CODED)) {
            CodeTableContract.assertSearchMatchesDecode(connection, table, "Q", 7);
        }
    }

    @Test
    void decodesWithItsDeclaredFoldingAndFallbacks() {
        assertThat(LETTERS.decodeValue("f")).isEqualTo(AdministrativeGender.FEMALE);
        assertThat(LETTERS.decodeValue(" F ")).isEqualTo(AdministrativeGender.FEMALE);
        assertThat(LETTERS.decodeValue("Q")).isEqualTo(AdministrativeGender.UNKNOWN);
        assertThat(LETTERS.decodeValue(null)).isEqualTo(AdministrativeGender.UNKNOWN);
        assertThat(EXACT_LETTERS.decodeValue("f")).isEqualTo(AdministrativeGender.UNKNOWN);
        assertThat(EXACT_LETTERS.decodeValue("  ")).isNull();
        assertThat(NUMBERS.decodeValue(4)).isEqualTo(AdministrativeGender.OTHER);
        assertThat(NUMBERS.decodeValue("4")).as("as a Link may send it").isEqualTo(AdministrativeGender.OTHER);
        assertThat(NUMBERS.decodeValue(9)).isEqualTo(AdministrativeGender.UNKNOWN);
        assertThat(CODED.decodeValue(3)).isNull();
        assertThat(FLAGS.decodeValue(null)).isEqualTo(false);
    }

    @Test
    void encodesTheFirstListedValue() {
        assertThat(NUMBERS.encode(AdministrativeGender.OTHER)).contains(3);
        assertThat(LETTERS.encode(AdministrativeGender.FEMALE)).contains("F");
        assertThat(EXACT_LETTERS.encode(AdministrativeGender.UNKNOWN)).as("only the fallback renders it").isEmpty();
    }

    @Test
    void theSearchTokenNamesItsSystem() {
        SearchParameter gender = LETTERS.parameter();
        assertThat(gender.condition(null, List.of("http://other|female"), null)).isEqualTo(Params.NEVER);
        assertThat(gender.condition(null, List.of("female"), null).toString())
                .isEqualTo(gender.condition(null, List.of(GENDER + "|female"), null).toString());
        assertThat(LETTERS.codes()).containsExactly(AdministrativeGender.MALE, AdministrativeGender.FEMALE,
                AdministrativeGender.OTHER, AdministrativeGender.UNKNOWN);
    }

    @Test
    void refusesAValueListedTwice() {
        assertThatThrownBy(() -> CodeTable.of(LETTER, GENDER, AdministrativeGender::toCode).ignoringCase()
                .code(AdministrativeGender.MALE, "M").code(AdministrativeGender.FEMALE, "m"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
