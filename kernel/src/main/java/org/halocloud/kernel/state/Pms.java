package org.halocloud.kernel.state;

import java.util.Arrays;
import java.util.Optional;

/**
 * The practice management systems served, with the names each side uses for them.
 *
 * @param id        this product's id (configuration, manifests)
 * @param apiName   Halo's {@code pmsType} in the API
 * @param vendor    the company an integrator signs up with (one login for all its practices)
 * @param errorType Halo's {@code errorDetails.errorType} for the database's own errors
 */
public enum Pms {
    BP_PREMIER("bp-premier", "BestPractice", "best-practice", "mssql"),
    ZEDMED("zedmed", "Zedmed", "zedmed", "fbsql"),
    D4W("d4w", "D4w", "centaur", "sybase"),
    D4WEB("d4web", "D4w", "centaur", "sybase");

    private final String id;
    private final String apiName;
    private final String vendor;
    private final String errorType;

    Pms(String id, String apiName, String vendor, String errorType) {
        this.id = id;
        this.apiName = apiName;
        this.vendor = vendor;
        this.errorType = errorType;
    }

    public String id() {
        return id;
    }

    public String apiName() {
        return apiName;
    }

    public String vendor() {
        return vendor;
    }

    public String errorType() {
        return errorType;
    }

    public static Pms fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown PMS " + id));
    }

    /** Accepts Halo's practiceManagementName spellings ("Best Practice", "BestPractice", "Zedmed", "D4w") and our ids. */
    public static Optional<String> vendorOfName(String name) {
        String n = name.replace(" ", "").toLowerCase();
        return Arrays.stream(values())
                .filter(p -> p.id.equals(n) || p.apiName.toLowerCase().equals(n) || p.vendor.replace("-", "").equals(n))
                .map(Pms::vendor).findFirst();
    }
}
