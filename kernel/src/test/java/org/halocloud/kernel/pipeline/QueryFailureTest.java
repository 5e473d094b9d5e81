package org.halocloud.kernel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.halocloud.kernel.state.PmsDatabase;
import org.halocloud.link.LinkFailure;
import org.halocloud.pms.PmsDescriptor;
import org.junit.jupiter.api.Test;

/** The one table every API answers a failed query from. */
class QueryFailureTest {

    /** A Firebird-backed PMS as the kernel sees it (the vendor modules are not on the kernel's class path). */
    static final PmsDescriptor FIREBIRD_PMS = PmsDescriptor.of("zedmed", "Zedmed", "zedmed", "fbsql", List.of("ADMIN"),
            "SELECT 1");

    static final PmsDatabase ZEDMED = new PmsDatabase(UUID.randomUUID(), UUID.randomUUID(), FIREBIRD_PMS, "ZM1", "Practice",
            "1", true, "online", List.of(new PmsDatabase.Catalogue("ADMIN", true)));

    @Test
    void everyKindOfLinkFailureHasItsRow() {
        for (LinkFailure.Kind kind : LinkFailure.Kind.values()) {
            assertThat(QueryFailure.of(kind).name()).isEqualTo(kind.name());
            assertThat(QueryFailure.of(new LinkFailure(kind, 0, "x"))).isSameAs(QueryFailure.of(kind));
        }
    }

    @Test
    void theTable() {
        row(QueryFailure.DATABASE, 400, 502, "executionFailed", "processing");
        row(QueryFailure.TIMEOUT, 504, 504, "executionFailed", "timeout");
        row(QueryFailure.UNAVAILABLE, 503, 503, "executionFailed", "transient");
        row(QueryFailure.EXPIRED_IN_QUEUE, 503, 503, "expiredInQueue", "transient");
        row(QueryFailure.TOO_LARGE, 413, 413, "executionFailed", "too-costly");
        row(QueryFailure.UPLOAD_FAILED, 507, 507, "uploadFailed", "exception");
        row(QueryFailure.INTERNAL, 500, 500, "executionFailed", "exception");
    }

    @Test
    void theDatabasesOwnErrorsCarryItsFamilyAndCodeEverythingElseHaloLinkAndTheStatus() {
        LinkFailure refused = new LinkFailure(LinkFailure.Kind.DATABASE, 335544580, "table unknown");
        assertThat(QueryFailure.DATABASE.errorType(ZEDMED)).isEqualTo("fbsql");
        assertThat(QueryFailure.DATABASE.errorCode(refused)).isEqualTo(335544580);
        for (QueryFailure failure : QueryFailure.values()) {
            if (failure != QueryFailure.DATABASE) {
                assertThat(failure.errorType(ZEDMED)).as(failure.name()).isEqualTo("haloLink");
                assertThat(failure.errorCode(new LinkFailure(LinkFailure.Kind.TIMEOUT, 17, "x"))).as(failure.name())
                        .isEqualTo(failure.httpStatus());
                assertThat(failure.errorCode(null)).isEqualTo(failure.httpStatus());
            }
        }
    }

    @Test
    void whatEndedAQuery() {
        assertThat(QueryFailure.of(new QueryFailure.Raised(QueryFailure.TOO_LARGE, null))).isEqualTo(QueryFailure.TOO_LARGE);
        assertThat(QueryFailure.of(new IllegalStateException("SELECT secret"))).isEqualTo(QueryFailure.INTERNAL);
        assertThat(new QueryFailure.Raised(QueryFailure.UPLOAD_FAILED, new java.io.IOException("disk")).getMessage())
                .as("no message to leak").isNull();
    }

    private static void row(QueryFailure failure, int http, int fhir, String status, String fhirIssue) {
        assertThat(failure.httpStatus()).as(failure.name()).isEqualTo(http);
        assertThat(failure.fhirStatus()).as(failure.name()).isEqualTo(fhir);
        assertThat(failure.status()).as(failure.name()).isEqualTo(status);
        assertThat(failure.fhirIssue()).as(failure.name()).isEqualTo(fhirIssue);
    }
}
