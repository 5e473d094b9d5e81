package org.halocloud.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.halocloud.HaloIntegrationTest;
import org.halocloud.kernel.config.HaloProperties;
import org.halocloud.kernel.frontdoor.FrontDoor;
import org.halocloud.kernel.frontdoor.InMemoryRateLimitStore;
import org.halocloud.kernel.frontdoor.RateLimiter;
import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.kernel.state.PmsDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Staging and production are separate deployments, each with its own state store; should their records ever meet
 * (a restored backup, a shared database by mistake), a key or Link credential is still honoured only by the
 * environment that issued it. Here a production node's front door stands over this test node's state store.
 */
class EnvironmentsTest extends HaloIntegrationTest {

    @Autowired
    private PmsDatabases databases;

    @Autowired
    private HaloProperties demoNode;

    @Test
    void aStagingKeyIsRefusedByProductionAndAProductionKeyByStaging() {
        FrontDoor production = frontDoor("production");
        FrontDoor staging = frontDoor("staging");
        UUID acme = integrators.findByName("Acme Health").orElseThrow();
        String guid = site("bp-premier").haloGuid();
        String stagingKey = integrators.issue(acme, "staging", false).key();
        String productionKey = integrators.issue(acme, "production", false).key();

        assertRefused401(() -> production.admit(stagingKey, guid, false));
        assertRefused401(() -> staging.admit(productionKey, guid, false));
        assertRefused401(() -> production.admit(acme(), guid, false)); // the demo deployment's key

        assertThat(production.admit(productionKey, guid, false).database().haloGuid().toString()).isEqualTo(guid);
        assertThat(staging.admit(stagingKey, guid, false).database().haloGuid().toString()).isEqualTo(guid);
    }

    @Test
    void aLinkCredentialAuthenticatesOnlyInTheEnvironmentThatIssuedIt() {
        var stagingLink = databases.registerStandaloneLink("staging-practice-server", "staging");
        var productionLink = databases.registerStandaloneLink("production-practice-server", "production");

        assertThat(databases.authenticateLink(stagingLink.credential(), "production")).isEmpty();
        assertThat(databases.authenticateLink(productionLink.credential(), "staging")).isEmpty();
        assertThat(databases.authenticateLink(stagingLink.credential(), "staging")).contains(stagingLink.linkId());
        assertThat(databases.authenticateLink(productionLink.credential(), "production")).contains(productionLink.linkId());
    }

    private FrontDoor frontDoor(String environment) {
        HaloProperties node = new HaloProperties(demoNode.dataDir(), environment, demoNode.rateLimit(), demoNode.query(),
                demoNode.secrets());
        return new FrontDoor(integrators, databases, new RateLimiter(node, new InMemoryRateLimitStore()), node);
    }

    private static void assertRefused401(Runnable admission) {
        assertThatThrownBy(admission::run).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.status()).isEqualTo(401));
    }
}
