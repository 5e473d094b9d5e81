package org.halocloud.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.halocloud.mappings.demo.DemoPms;
import org.halocloud.mappings.demo.DemoSite;
import org.halocloud.kernel.config.HaloProperties;
import org.halocloud.embedded.InProcessTransport;
import org.halocloud.link.agent.ServedDatabase;
import org.halocloud.kernel.state.Integrators;
import org.halocloud.pms.PmsDescriptor;
import org.halocloud.pms.Pmss;
import org.halocloud.kernel.state.PmsDatabase;
import org.halocloud.kernel.state.PmsDatabases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The embedded demo. On first start it builds synthetic practices — a Bp Premier database with a backup on a
 * second Link (not authoritative), a Zedmed pair of catalogues, a Dental4Windows practice and a Dental4Web tenant —
 * two integrators (the second one disabled by the Zedmed practice and not signed up with Centaur), registers them
 * as a Link would announce them, and writes {@code demo.json}. Later starts reopen the same databases.
 */
@Component
@Order(0)
public class DemoPractices implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPractices.class);
    private static final String LINK_USER = "HALOLINK";

    /**
     * @param signsUpWith vendors this integrator is signed up with
     * @param writes      what every practice grants its logins to write
     */
    record IntegratorSpec(String name, String loginPrefix, Set<String> signsUpWith, Set<DemoSite.Write> writes) {
    }

    /** @param disabledFor integrators whose integration this practice has disabled */
    record SiteSpec(String link, String pms, String pmsId, String practiceName, long seed, Set<String> disabledFor) {
    }

    static final List<IntegratorSpec> INTEGRATORS = List.of(
            new IntegratorSpec("Acme Health", "ACME", Set.of("best-practice", "zedmed", "centaur"),
                    Set.of(DemoSite.Write.PATIENTS, DemoSite.Write.BOOKINGS)),
            new IntegratorSpec("Beta Bookings", "BETA", Set.of("best-practice", "zedmed"), Set.of(DemoSite.Write.BOOKINGS)));

    static final List<SiteSpec> SITES = List.of(
            new SiteSpec("harbourside-practice-server", "bp-premier", "40217", "Harbourside Family Practice", 1, Set.of()),
            new SiteSpec("harbourside-backup-server", "bp-premier", "40217", "Harbourside Family Practice", 1, Set.of()),
            new SiteSpec("riverbend-practice-server", "zedmed", "ZM2093", "Riverbend Medical Centre", 2, Set.of("Beta Bookings")),
            new SiteSpec("kew-dental-server", "d4w", "C100234", "Kew Smile Dental", 3, Set.of()),
            new SiteSpec("d4web-cluster-syd1", "d4web", "C200871", "Coastal Dental Group", 4, Set.of()));

    /** What the Link side keeps on its practice server, so it serves the same databases after a restart. */
    record LinkConfig(List<Served> served) {
        record Served(String link, ServedDatabase database) {
        }
    }

    private final DemoProperties demo;
    private final Path dataDir;
    private final Integrators integrators;
    private final PmsDatabases databases;
    private final InProcessTransport transport;
    private final ObjectMapper mapper;
    private final String environment;
    private final SecureRandom random = new SecureRandom();

    public DemoPractices(DemoProperties demo, HaloProperties halo, Integrators integrators, PmsDatabases databases,
                         InProcessTransport transport, ObjectMapper mapper) {
        this.demo = demo;
        this.dataDir = halo.dataDir().toAbsolutePath().normalize();
        this.integrators = integrators;
        this.databases = databases;
        this.transport = transport;
        this.mapper = mapper;
        this.environment = halo.environment();
    }

    public Path manifestFile() {
        return dataDir.resolve("demo.json");
    }

    private Path linkConfigFile() {
        return dataDir.resolve("link").resolve("served.json");
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!demo.enabled()) {
            return;
        }
        if (Files.exists(manifestFile()) && Files.exists(linkConfigFile())) {
            reopen();
        } else if (databases.all().isEmpty()) {
            build();
        } else {
            log.warn("demo: the state store already holds sites but {} is missing; not rebuilding the demo "
                    + "(delete the data directory to start afresh)", manifestFile());
        }
    }

    private void reopen() throws SQLException, IOException {
        LinkConfig config = mapper.readValue(linkConfigFile().toFile(), LinkConfig.class);
        for (LinkConfig.Served s : config.served()) {
            transport.serve(s.link(), s.database());
        }
        log.info("demo: reopened {} practice databases", config.served().size());
    }

    private void build() throws SQLException, IOException {
        long started = System.nanoTime();
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, List<Login>> loginsByVendor = new LinkedHashMap<>();
        for (IntegratorSpec spec : INTEGRATORS) {
            UUID id = integrators.findByName(spec.name()).orElseGet(() -> integrators.create(spec.name()));
            keys.put(spec.name(), integrators.issueKey(id, environment, true));
            for (String vendor : spec.signsUpWith()) {
                Login login = new Login(spec.name(), spec.loginPrefix() + "_" + vendorCode(vendor), secret(), spec.writes());
                integrators.signUp(id, vendor, login.user(), login.password());
                loginsByVendor.computeIfAbsent(vendor, v -> new ArrayList<>()).add(login);
            }
        }
        List<LinkConfig.Served> served = new ArrayList<>();
        List<DemoManifest.Site> sites = new ArrayList<>();
        int n = 0;
        for (SiteSpec spec : SITES) {
            PmsDescriptor pms = Pmss.byId(spec.pms());
            List<Login> logins = loginsByVendor.getOrDefault(pms.vendor(), List.of());
            Path dir = dataDir.resolve("demo").resolve(spec.pms() + "-" + spec.pmsId() + "-" + (++n));
            DemoSite site = new DemoSite(spec.pmsId(), spec.practiceName(), spec.seed(), demo.patients(),
                    logins.stream().map(l -> new DemoSite.DemoLogin(l.user(), l.password(), l.integrator(),
                    !spec.disabledFor().contains(l.integrator()), l.writes())).toList());
            DemoDatabase built = switch (demo.engine(spec.pms())) {
                case DemoPms.H2 -> DemoDatabase.build(dir, "", spec.pms(), site, LINK_USER, secret());
                case DemoPms.FIREBIRD -> {
                    log.info("demo: building {} on the Firebird server", spec.pms());
                    yield DemoDatabase.buildOnFirebird(demo.firebird().server(), "halo-demo-" + spec.pms() + "-"
                            + spec.pmsId(), spec.pms(), site, LINK_USER, secret());
                }
                default -> throw new IllegalStateException("halo.demo.engines." + spec.pms() + " is h2 or firebird");
            };
            List<PmsDatabase.Catalogue> catalogues = built.catalogues().stream()
                    .map(c -> new PmsDatabase.Catalogue(c, c.equals(built.catalogues().get(0)))).toList();
            PmsDatabase db = databases.register(transport.link(spec.link()), pms, spec.pmsId(), spec.practiceName(),
                    null, catalogues);
            ServedDatabase servedDb = built.served(db.haloGuid(), spec.pmsId());
            transport.serve(spec.link(), servedDb);
            served.add(new LinkConfig.Served(spec.link(), servedDb));
            sites.add(new DemoManifest.Site(db.haloGuid().toString(), spec.pms(), spec.pmsId(), spec.practiceName(),
                    db.authoritative(), built.catalogues(), logins.stream().map(Login::integrator)
                    .filter(i -> !spec.disabledFor().contains(i)).toList(),
                    logins.stream().collect(java.util.stream.Collectors.toMap(Login::integrator, l -> l.writes().stream()
                            .map(w -> w.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList(),
                            (a, b) -> a, java.util.LinkedHashMap::new))));
        }
        write(linkConfigFile(), new LinkConfig(served));
        write(manifestFile(), new DemoManifest(keys.entrySet().stream()
                .map(e -> new DemoManifest.Integrator(e.getKey(), e.getValue())).toList(), sites));
        log.info("demo: built {} practice databases with {} patients each in {} ms", sites.size(), demo.patients(),
                (System.nanoTime() - started) / 1_000_000);
    }

    public DemoManifest manifest() {
        try {
            return mapper.readValue(manifestFile().toFile(), DemoManifest.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read " + manifestFile(), e);
        }
    }

    private record Login(String integrator, String user, String password, Set<DemoSite.Write> writes) {
    }

    private void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), value);
    }

    private static String vendorCode(String vendor) {
        return switch (vendor) {
            case "best-practice" -> "BP";
            case "zedmed" -> "ZM";
            default -> "CS";
        };
    }

    private String secret() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

}
