package org.halocloud.mappings.demo;

import java.util.List;
import java.util.Set;

/**
 * What one demo practice database should contain.
 *
 * @param pmsId        the vendor's practice id (Bp Site ID, Zedmed Database ID, Centaur CRN)
 * @param practiceName the practice's name as the PMS shows it
 * @param seed         the random seed: the same seed gives the same rows
 * @param patients     how many patients to generate (other tables scale with it)
 * @param logins       the integrators' database logins to create
 */
public record DemoSite(String pmsId, String practiceName, long seed, int patients, List<DemoLogin> logins) {

    /**
     * An integrator's database login in this practice database.
     *
     * @param user        database user name
     * @param password    its password
     * @param integrator  the integrator's display name, as the practice sees it in its integration settings
     * @param enabled     whether the practice has enabled this integration
     * @param writes      what the practice's database grants this login to write
     */
    public record DemoLogin(String user, String password, String integrator, boolean enabled, Set<Write> writes) {

        public DemoLogin {
            writes = writes == null ? Set.of() : Set.copyOf(writes);
        }

        /** A login that may only read (and book, where the PMS grants booking to every integration). */
        public DemoLogin(String user, String password, String integrator, boolean enabled) {
            this(user, password, integrator, enabled, Set.of());
        }
    }

    /** What a practice may grant an integrator's login to write: its patients' records, its appointment book. */
    public enum Write {
        PATIENTS, BOOKINGS
    }
}
