package org.halocloud.passthrough.sites;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.halocloud.kernel.link.LinkTransport;
import org.halocloud.kernel.state.PmsDatabase;

/** A site (one PMS database) in Halo's shape. */
public record SiteView(UUID id, String pmsType, String availability, String status, String haloLinkVersion,
                       Instant lastHeartbeat, List<Catalogue> catalogue, PracticeMetadata practiceMetadata,
                       boolean authoritative) {

    public record Catalogue(String name, boolean isDefault) {
    }

    public record PracticeMetadata(String pmsType, String practiceName, String practiceManagementSiteId,
                                   String practiceManagementVersion) {
    }

    static SiteView of(PmsDatabase db, LinkTransport transport) {
        var link = transport.status(db.haloGuid());
        return new SiteView(db.haloGuid(), db.pms().apiName(),
                link.map(l -> l.online() ? "online" : "offline").orElse("offline"), db.status(),
                link.map(LinkTransport.LinkStatus::version).orElse(null),
                link.map(LinkTransport.LinkStatus::lastHeartbeat).orElse(null),
                db.catalogues().stream().map(c -> new Catalogue(c.name(), c.isDefault())).toList(),
                new PracticeMetadata(db.pms().apiName(), db.practiceName(), db.pmsId(), db.pmsVersion()),
                db.authoritative());
    }
}
