package org.halocloud.pms;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Every PMS whose module is on the class path, found once. */
public final class Pmss {

    private static final List<PmsDescriptor> ALL = ServiceLoader.load(PmsDescriptor.class).stream()
            .map(ServiceLoader.Provider::get).toList();

    private Pmss() {
    }

    public static List<PmsDescriptor> all() {
        return ALL;
    }

    /** The PMS of this product id; unknown ids are a programming or data error. */
    public static PmsDescriptor byId(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown PMS " + id));
    }

    public static Optional<PmsDescriptor> find(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * The vendor named by a PMS as an integrator may write it: Halo's practiceManagementName spellings ("Best
     * Practice", "BestPractice", "Zedmed", "D4w"), our PMS ids, or the vendor without its hyphen ("bestpractice").
     */
    public static Optional<String> vendorOfName(String name) {
        String n = name.replace(" ", "").toLowerCase();
        return ALL.stream()
                .filter(p -> p.id().equals(n) || p.apiName().toLowerCase().equals(n)
                        || p.vendor().replace("-", "").equals(n))
                .map(PmsDescriptor::vendor).findFirst();
    }
}
