package org.halocloud.demo;

import java.util.List;

/**
 * {@code <data dir>/demo.json}: the demo's keys and practices, for people and tests. Demo mode only — a production
 * deployment never has one.
 */
public record DemoManifest(List<Integrator> integrators, List<Site> sites) {

    public record Integrator(String name, String subscriptionKey) {
    }

    /** @param pms one of bp-premier, zedmed, d4w, d4web */
    /** @param writes per integrator, what the practice's database grants its login to write (patients, bookings) */
    public record Site(String haloGuid, String pms, String pmsId, String practiceName, boolean authoritative,
                       List<String> catalogues, List<String> enabledFor, java.util.Map<String, List<String>> writes) {
    }
}
