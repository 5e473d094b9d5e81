package org.halocloud.link.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamedParametersTest {

    @Test
    void replacesNamedParametersInOrder() {
        var parsed = NamedParameters.parse("SELECT * FROM PATIENTS WHERE SURNAME = @surname AND DOB > @dob OR SURNAME = @surname");
        assertThat(parsed.sql()).isEqualTo("SELECT * FROM PATIENTS WHERE SURNAME = ? AND DOB > ? OR SURNAME = ?");
        assertThat(parsed.names()).containsExactly("surname", "dob", "surname");
    }

    @Test
    void leavesLiteralsIdentifiersCommentsAndSystemVariablesAlone() {
        String sql = "SELECT '@a', \"@b\", [@c], 'it''s @d' -- @e\n, @@ROWCOUNT /* @f */ FROM T WHERE X = @g";
        var parsed = NamedParameters.parse(sql);
        assertThat(parsed.names()).containsExactly("g");
        assertThat(parsed.sql()).isEqualTo(sql.replace("@g", "?"));
    }

    @Test
    void bareStripsTheAtSign() {
        assertThat(NamedParameters.bare("@id")).isEqualTo("id");
        assertThat(NamedParameters.bare("id")).isEqualTo("id");
    }
}
