package org.halocloud.passthrough.admin;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.halocloud.kernel.config.HaloProperties;
import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.kernel.link.LinkTransport;
import org.halocloud.kernel.link.RemoteLinks;
import org.halocloud.pms.PmsDescriptor;
import org.halocloud.pms.Pmss;
import org.halocloud.kernel.state.PmsDatabase;
import org.halocloud.kernel.state.PmsDatabases;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The operator API for Links: register a standalone Link (its credential is shown once) or revoke it, see the Links
 * and the databases they serve, and move the authoritative database of a PMS ID.
 */
@OperatorApi
public class LinksAdminController {

    private final PmsDatabases databases;
    private final LinkTransport transport;
    private final RemoteLinks remoteLinks;
    private final String environment;

    public LinksAdminController(PmsDatabases databases, LinkTransport transport, RemoteLinks remoteLinks,
                                HaloProperties properties) {
        this.databases = databases;
        this.transport = transport;
        this.remoteLinks = remoteLinks;
        this.environment = properties.environment();
    }

    public record NewLink(String name) {
    }

    public record Authority(UUID haloGuid) {
    }

    /** A Link and its databases as operators see them; never its credential. */
    public record LinkView(UUID id, String name, String version, String environment, boolean standalone,
                           Instant revokedAt, List<DatabaseView> databases) {
    }

    /**
     * @param running the serving Link's queries running at its last report
     * @param waiting its queries waiting for a free slot (queue depth)
     */
    public record DatabaseView(UUID haloGuid, String pms, String pmsId, String practiceName, boolean authoritative,
                               String availability, Instant lastHeartbeat, int running, int waiting) {
    }

    @Operation(summary = "Register a standalone Link; its credential is in this answer only")
    @PostMapping("/admin/links")
    public ResponseEntity<PmsDatabases.IssuedLink> register(@RequestBody NewLink link) {
        if (link == null || link.name() == null || link.name().isBlank() || link.name().length() > 200) {
            throw new Refusal(400, "A Link needs a name (at most 200 characters).");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(databases.registerStandaloneLink(link.name().trim(), environment));
    }

    @Operation(summary = "Links, the databases each serves, and whether they are online")
    @GetMapping("/admin/links")
    public List<LinkView> links() {
        List<PmsDatabase> all = databases.all();
        return databases.links().stream().map(l -> new LinkView(l.id(), l.name(), l.version(), l.environment(),
                l.standalone(), l.revokedAt() == null ? null : l.revokedAt().toInstant(), all.stream().filter(d -> d.linkId().equals(l.id())).map(this::view).toList())).toList();
    }

    private DatabaseView view(PmsDatabase d) {
        var status = transport.status(d.haloGuid());
        return new DatabaseView(d.haloGuid(), d.pms().id(), d.pmsId(), d.practiceName(), d.authoritative(),
                status.map(s -> s.online() ? "online" : "offline").orElse("offline"),
                status.map(LinkTransport.LinkStatus::lastHeartbeat).orElse(null),
                status.map(LinkTransport.LinkStatus::running).orElse(0),
                status.map(LinkTransport.LinkStatus::waiting).orElse(0));
    }

    @Operation(summary = "Revoke a standalone Link's credential: refused from now on, its connection closed at once")
    @PostMapping("/admin/links/{linkId}/revoke")
    public ResponseEntity<Void> revoke(@PathVariable UUID linkId) {
        if (!databases.revokeLink(linkId)) {
            throw new Refusal(404, "No standalone Link with that id holds a valid credential.");
        }
        remoteLinks.disconnect(linkId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Make a database the authoritative one of its PMS ID (the others of that PMS ID stop being)")
    @PutMapping("/admin/pms/{pms}/{pmsId}/authoritative")
    public ResponseEntity<Void> moveAuthority(@PathVariable String pms, @PathVariable String pmsId,
                                              @RequestBody Authority authority) {
        String vendor = Pmss.vendorOfName(pms).orElseThrow(() -> new Refusal(400, "Unknown PMS: " + pms + "."));
        if (authority == null || authority.haloGuid() == null) {
            throw new Refusal(400, "Name the database that becomes authoritative: {\"haloGuid\": …}.");
        }
        if (!databases.moveAuthority(vendor, pmsId, authority.haloGuid())) {
            throw new Refusal(404, "That Halo GUID is not a database of this PMS ID.");
        }
        return ResponseEntity.noContent().build();
    }
}
