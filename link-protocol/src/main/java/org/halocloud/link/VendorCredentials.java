package org.halocloud.link;

/** An integrator's database login with a PMS vendor, opened for one query. Never logged, never returned. */
public record VendorCredentials(String user, String password) {

    @Override
    public String toString() {
        return "VendorCredentials[user=" + user + ", password=***]";
    }
}
