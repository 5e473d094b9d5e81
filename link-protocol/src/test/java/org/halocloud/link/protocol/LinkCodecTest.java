package org.halocloud.link.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.halocloud.link.LinkQuery;
import org.halocloud.link.QueryCommand;
import org.halocloud.link.QueryParameter;
import org.junit.jupiter.api.Test;

class LinkCodecTest {

    @Test
    void rowsCrossTheWireWithTheValuesTheDatabaseGave() {
        UUID id = UUID.randomUUID();
        Object[] row = {"Smith", 42, 9_007_199_254_740_993L, new BigDecimal("120.50"), true, null};
        LinkMessage read = LinkCodec.read(LinkCodec.write(new LinkMessage.Rows(id, List.<Object[]>of(row))));

        assertThat(read).isInstanceOf(LinkMessage.Rows.class);
        Object[] back = ((LinkMessage.Rows) read).rows().get(0);
        assertThat(back[0]).isEqualTo("Smith");
        assertThat(((Number) back[1]).intValue()).isEqualTo(42);
        assertThat(((Number) back[2]).longValue()).as("beyond a double's precision").isEqualTo(9_007_199_254_740_993L);
        assertThat(back[3]).as("a decimal keeps its scale").isEqualTo(new BigDecimal("120.50"));
        assertThat(back[4]).isEqualTo(true);
        assertThat(back[5]).isNull();
    }

    @Test
    void aQueryKeepsItsCommandAndLimitsButNeverPrintsItsPassword() {
        QueryCommand command = new QueryCommand("SELECT * FROM PATIENTS WHERE SURNAME = @s", null, null,
                List.of(new QueryParameter("@s", null, "VarChar", "Nguyen", 50)));
        LinkMessage.Query query = new LinkMessage.Query(UUID.randomUUID(), UUID.randomUUID(), "BPSPatients", "ACME_BP",
                "s3cret-password", command, 60_000, 5_000, LinkQuery.Priority.BACKGROUND);

        LinkMessage.Query read = (LinkMessage.Query) LinkCodec.read(LinkCodec.write(query));

        assertThat(read.command().text()).isEqualTo(command.text());
        assertThat(read.command().parameters().get(0).value()).isEqualTo("Nguyen");
        assertThat(read.password()).isEqualTo("s3cret-password");
        assertThat(read.priority()).isEqualTo(LinkQuery.Priority.BACKGROUND);
        assertThat(read.toString()).doesNotContain("s3cret").doesNotContain("Nguyen").doesNotContain("SELECT");
    }
}
