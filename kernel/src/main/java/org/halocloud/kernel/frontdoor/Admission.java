package org.halocloud.kernel.frontdoor;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.halocloud.kernel.state.PmsDatabase;
import org.halocloud.kernel.state.Subscription;
import org.halocloud.link.VendorCredentials;

/**
 * What the front door hands on once every check passed: who asks, which database, the integrator's vendor login
 * (read once by the door; its password opened on first use and then kept for the rest of the request, so an
 * {@code _include} or a chained search does not read or decrypt it again) and headers for the answer.
 */
public final class Admission {

    private final Subscription subscription;
    private final PmsDatabase database;
    private final Map<String, String> headers;
    private final Supplier<VendorCredentials> opener;
    private VendorCredentials credentials;

    public Admission(Subscription subscription, PmsDatabase database, Supplier<VendorCredentials> credentials,
                     Map<String, String> headers) {
        this.subscription = Objects.requireNonNull(subscription);
        this.database = Objects.requireNonNull(database);
        this.opener = Objects.requireNonNull(credentials);
        this.headers = Map.copyOf(headers);
    }

    public Subscription subscription() {
        return subscription;
    }

    public PmsDatabase database() {
        return database;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The integrator's database login at this practice's vendor, opened at most once per admission. */
    public synchronized VendorCredentials credentials() {
        if (credentials == null) {
            credentials = opener.get();
        }
        return credentials;
    }

    @Override
    public String toString() {
        return "Admission[subscription=" + subscription.id() + ", site=" + database.haloGuid() + "]";
    }
}
