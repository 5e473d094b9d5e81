package org.halocloud.kernel.frontdoor;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.halocloud.kernel.config.HaloProperties;
import org.halocloud.kernel.state.Integrators;
import org.halocloud.kernel.state.PmsDatabase;
import org.halocloud.kernel.state.PmsDatabases;
import org.halocloud.kernel.state.Subscription;
import org.springframework.stereotype.Component;

/**
 * The one gate in front of both APIs. In order: the key names an active subscription of this environment (401);
 * the request fits the rate limit when it counts (429); the Halo GUID names a database (404) that is the
 * authoritative one for its PMS ID (403); the integrator is signed up with the vendor and the practice has enabled
 * the integration (403). Nothing reaches a practice database before all of these pass.
 */
@Component
public class FrontDoor {

    public static final String KEY_HEADER = "Ocp-Apim-Subscription-Key";

    private final Integrators integrators;
    private final PmsDatabases databases;
    private final RateLimiter rateLimiter;
    private final String environment;

    public FrontDoor(Integrators integrators, PmsDatabases databases, RateLimiter rateLimiter, HaloProperties properties) {
        this.integrators = integrators;
        this.databases = databases;
        this.rateLimiter = rateLimiter;
        this.environment = properties.environment();
    }

    /** Admits a request for one site; {@code counted} requests (immediate SQL, FHIR GET/POST) use the rate limit. */
    public Admission admit(String key, String haloGuid, boolean counted) {
        Subscription subscription = authenticate(key);
        Map<String, String> headers = counted ? rateLimiter.count(subscription.id()) : Map.of();
        return admit(subscription, haloGuid, headers);
    }

    /**
     * Admits, again, work accepted earlier for a subscription (an async query when a worker takes it): the same
     * checks after the key, at the moment the work reaches the practice — a subscription since revoked, or an
     * integration the practice has since disabled, is refused. Not rate-limited.
     */
    public Admission readmit(Subscription subscription, String haloGuid) {
        if (!subscription.active() || !subscription.environment().equals(environment)) {
            throw new Refusal(401, "Access denied: the subscription is no longer active in this environment.");
        }
        return admit(subscription, haloGuid, Map.of());
    }

    private Admission admit(Subscription subscription, String haloGuid, Map<String, String> headers) {
        PmsDatabase database = parse(haloGuid).flatMap(databases::find)
                .orElseThrow(() -> new Refusal(404, "Halo GUID " + haloGuid + " was not found.", headers));
        if (!database.authoritative()) {
            throw new Refusal(403, "Halo GUID " + haloGuid + " is not the authoritative database for its practice "
                    + "(PMS ID " + database.pmsId() + "). Look the PMS ID up again with GET /integrator/sites"
                    + "?practiceManagementSiteId=" + database.pmsId() + "&practiceManagementName="
                    + database.pms().apiName() + " and use the Halo GUID it returns.", headers);
        }
        Integrators.VendorSignupSealed signup = integrators.vendorSignup(subscription.integratorId(), database.pms().vendor())
                .orElseThrow(() -> new Refusal(403, "Your integration is not signed up with this practice's PMS vendor ("
                        + database.pms().apiName() + ").", headers));
        if (!databases.isEnabled(database.haloGuid(), signup.user())) {
            throw new Refusal(403, "The practice has not enabled your integration in its PMS.", headers);
        }
        return new Admission(subscription, database, signup::open, headers);
    }

    /** The subscription behind a key, for calls not about one site. */
    public Subscription authenticate(String key) {
        if (key == null || key.isBlank()) {
            throw new Refusal(401, "Access denied: the " + KEY_HEADER + " header is missing.");
        }
        return integrators.findByKey(key.trim())
                .filter(Subscription::active)
                .filter(s -> s.environment().equals(environment))
                .orElseThrow(() -> new Refusal(401, "Access denied: the subscription key is not valid for this environment."));
    }

    private static Optional<UUID> parse(String haloGuid) {
        try {
            return Optional.of(UUID.fromString(haloGuid));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
