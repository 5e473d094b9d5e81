package org.halocloud.link.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A PMS database as its Link knows it: where each catalogue lives, and the Link's own local login, used only to
 * read metadata the practice keeps in its PMS (which integrations it enables) — never for integrators' queries.
 *
 * @param catalogueUrls JDBC URL per catalogue, as integrators' logins connect; the first is the default
 * @param linkUrlOptions options the Link's own (administrative) connections add to those URLs — database-wide
 *                       settings an ordinary login may not set (e.g. H2's {@code ;MODE=MSSQLServer})
 * @param enabledLoginsQuery the vendor's fixed query listing the logins of enabled integrations
 */
public record ServedDatabase(UUID haloGuid, String pms, String pmsId, Map<String, String> catalogueUrls,
                             String linkUrlOptions, String linkUser, String linkPassword, String enabledLoginsQuery) {

    public ServedDatabase {
        catalogueUrls = new LinkedHashMap<>(catalogueUrls);
    }

    /** The URL the Link itself uses for a catalogue. */
    public String linkUrl(String catalogue) {
        return catalogueUrls.get(catalogue) + (linkUrlOptions == null ? "" : linkUrlOptions);
    }

    public String defaultCatalogue() {
        return catalogueUrls.keySet().iterator().next();
    }

    @Override
    public String toString() {
        return "ServedDatabase[" + haloGuid + ", " + pms + ", catalogues=" + catalogueUrls.keySet() + "]";
    }
}
