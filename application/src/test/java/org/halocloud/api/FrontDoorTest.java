package org.halocloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.halocloud.HaloIntegrationTest;
import org.halocloud.demo.DemoManifest;
import org.junit.jupiter.api.Test;

/** Every front-door rule, in order, with its status — and no practice database touched by a refused request. */
class FrontDoorTest extends HaloIntegrationTest {

    private static final String TRIVIAL = "SELECT 1 AS one";

    private long linkQueries() {
        return manifest().sites().stream().map(s -> transport.agentFor(UUID.fromString(s.haloGuid())).orElseThrow())
                .distinct().mapToLong(l -> l.executedQueries()).sum();
    }

    private void assertRefused(HttpResponse<String> response, int status, String messagePart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).path("error").path("status").asInt()).isEqualTo(status);
        assertThat(json(response).path("error").path("message").asString()).contains(messagePart);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void refusesEveryFailedCheckWithoutTouchingADatabase() throws Exception {
        String bp = site("bp-premier").haloGuid();
        long before = linkQueries();

        assertRefused(sql(bp, null, TRIVIAL), 401, "header is missing");
        assertRefused(sql(bp, "not-a-key", TRIVIAL), 401, "not valid");
        assertRefused(sql(UUID.randomUUID().toString(), acme(), TRIVIAL), 404, "was not found");
        assertRefused(sql("not-a-guid", acme(), TRIVIAL), 404, "was not found");

        DemoManifest.Site backup = site("bp-premier", false);
        HttpResponse<String> nonAuthoritative = sql(backup.haloGuid(), acme(), TRIVIAL);
        assertRefused(nonAuthoritative, 403, "not the authoritative database");
        assertThat(json(nonAuthoritative).path("error").path("message").asString())
                .contains("practiceManagementSiteId=" + backup.pmsId());

        String beta = freshKey("Beta Bookings");
        assertRefused(sql(site("d4w").haloGuid(), beta, TRIVIAL), 403, "not signed up");
        assertRefused(sql(site("zedmed").haloGuid(), beta, TRIVIAL), 403, "has not enabled your integration");

        assertThat(linkQueries()).as("refused requests never reach a Link").isEqualTo(before);
    }

    @Test
    void admitsWhenEveryCheckPasses() throws Exception {
        String beta = freshKey("Beta Bookings");
        HttpResponse<String> response = sql(site("bp-premier").haloGuid(), beta, TRIVIAL);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("status").asString()).isEqualTo("successful");
        assertThat(rows(response).get(0).path("ONE").asInt(rows(response).get(0).path("one").asInt())).isEqualTo(1);
    }

    @Test
    void theManifestSaysWhoIsEnabledWhere() {
        DemoManifest m = manifest();
        assertThat(m.integrators()).extracting(DemoManifest.Integrator::name).containsExactly("Acme Health", "Beta Bookings");
        assertThat(m.sites()).extracting(DemoManifest.Site::pms).contains("bp-premier", "zedmed", "d4w", "d4web");
        assertThat(m.sites()).allSatisfy(s -> assertThat(s.enabledFor()).contains("Acme Health"));
        assertThat(site("zedmed").enabledFor()).doesNotContain("Beta Bookings");
        assertThat(site("zedmed").catalogues()).hasSize(2);
        assertThat(m.sites().stream().filter(s -> s.pmsId().equals(site("bp-premier").pmsId()))).hasSize(2);
    }

    @Test
    void siteStatusAndHaloGuidLookup() throws Exception {
        DemoManifest.Site bp = site("bp-premier");
        HttpResponse<String> status = get("/integrator/sites/" + bp.haloGuid(), acme());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(json(status).path("pmsType").asString()).isEqualTo("BestPractice");
        assertThat(json(status).path("availability").asString()).isEqualTo("online");
        assertThat(json(status).path("practiceMetadata").path("practiceManagementSiteId").asString()).isEqualTo(bp.pmsId());

        HttpResponse<String> lookup = get("/integrator/sites?practiceManagementSiteId=" + bp.pmsId()
                + "&practiceManagementName=Best%20Practice", acme());
        assertThat(lookup.statusCode()).isEqualTo(200);
        assertThat(json(lookup).path("sites")).hasSize(1);
        assertThat(json(lookup).path("sites").get(0).path("id").asString()).isEqualTo(bp.haloGuid());

        assertThat(get("/integrator/sites?practiceManagementSiteId=" + bp.pmsId()
                + "&practiceManagementName=Nope", acme()).statusCode()).isEqualTo(400);
        assertThat(get("/integrator/sites?practiceManagementSiteId=" + site("d4w").pmsId()
                + "&practiceManagementName=D4w", freshKey("Beta Bookings")).statusCode()).isEqualTo(403);
        assertThat(get("/integrator/sites/" + bp.haloGuid(), null).statusCode()).isEqualTo(401);
    }

    @Test
    void thePracticeDisablingAnIntegrationInItsPmsShutsItOut() throws Exception {
        DemoManifest.Site tenant = site("d4web");
        String key = acme();
        assertThat(sql(tenant.haloGuid(), key, TRIVIAL).statusCode()).isEqualTo(200);
        try (var c = asPractice(tenant.haloGuid(), null); var s = c.createStatement()) {
            // what the practice does in its PMS's settings; the Link reports it with its next heartbeat
            s.executeUpdate("UPDATE THIRD_PARTY_ACCESS SET ENABLED = 0 WHERE PARTNER_NAME = 'Acme Health'");
        }
        transport.report(UUID.fromString(tenant.haloGuid()));
        long before = linkQueries();
        assertRefused(sql(tenant.haloGuid(), key, TRIVIAL), 403, "has not enabled your integration");
        assertThat(linkQueries()).isEqualTo(before);
        try (var c = asPractice(tenant.haloGuid(), null); var s = c.createStatement()) {
            s.executeUpdate("UPDATE THIRD_PARTY_ACCESS SET ENABLED = 1 WHERE PARTNER_NAME = 'Acme Health'");
        }
        transport.report(UUID.fromString(tenant.haloGuid()));
        assertThat(sql(tenant.haloGuid(), key, TRIVIAL).statusCode()).isEqualTo(200);
    }
}
