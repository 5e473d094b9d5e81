package org.halocloud.mappings.demo;

import java.util.List;

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
     */
    public record DemoLogin(String user, String password, String integrator, boolean enabled) {
    }
}
