package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.halocloud.HaloIntegrationTest;
import org.halocloud.demo.DemoManifest;
import org.halocloud.fhir.validation.AuCoreValidator;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything the FHIR facade returns for the demo practices, validated against AU Core 2.0.0 / AU Base 6.0.0
 * (offline, see {@link AuCoreValidator}). What to validate comes from each site's own {@code /metadata}: every
 * declared resource type is searched ({@code ?_count=50}, first page only) and each returned resource read back by
 * id. Every answer - CapabilityStatement, searchset Bundle, each entry and each read - must have no ERROR/FATAL
 * message, and each resource must claim (meta.profile) a supportedProfile the CapabilityStatement declares for its
 * type.
 */
class AuCoreConformanceTest extends HaloIntegrationTest {

    private static final int COUNT = 50;
    /** Calls per subscription key before taking a fresh one: the demo limit is 15 per 5 s per key. */
    private static final int CALLS_PER_KEY = 12;
    private static final Pattern ENTRY_RESOURCE = Pattern.compile("^Bundle\\.entry\\[\\d+]\\.resource.*");

    private final IParser json = AuCoreValidator.context().newJsonParser();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> warnings = new TreeMap<>();
    private String key;
    private int calls;
    private int readsAsSearched;

    @Test
    void everyResourceEveryDemoSiteServesConformsToAuCore() throws Exception {
        assumeTrue(AuCoreValidator.available(), AuCoreValidator::why);
        long started = System.nanoTime();
        Map<String, Integer> validated = new LinkedHashMap<>(); // "site Type" -> resources
        Set<String> sitesWithFhir = new TreeSet<>();
        List<String> skipped = new ArrayList<>();
        for (DemoManifest.Site site : manifest().sites()) {
            String base = "/integrator/sites/" + site.haloGuid() + "/fhir/R4/";
            String label = site.pms() + (site.authoritative() ? "" : " (backup)") + " " + site.haloGuid();
            HttpResponse<String> metadata = call(base + "metadata");
            if (metadata.statusCode() != 200) {
                skipped.add(label + " (/metadata " + metadata.statusCode() + ")");
                continue; // no FHIR mapping for this PMS (yet), or not for this integrator
            }
            sitesWithFhir.add(label);
            check(label + " CapabilityStatement", AuCoreValidator.validate(metadata.body()), true);
            CapabilityStatement cs = json.parseResource(CapabilityStatement.class, metadata.body());
            for (CapabilityStatementRestResourceComponent declared : cs.getRestFirstRep().getResource()) {
                String type = declared.getType();
                List<String> profiles = declared.getSupportedProfile().stream().map(CanonicalType::getValue).toList();
                validated.put(label + " " + type, validateType(label, base, type, profiles,
                        FhirIntegrationTest.requiredBounds(declared)));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("AU Core conformance: %d sites, %s resources validated in %d ms (%d reads identical to "
                + "their search entry); skipped: %s%n", sitesWithFhir.size(), validated, millis, readsAsSearched, skipped);
        System.out.println("AU Core conformance warnings (not failures), by message:");
        warnings.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(w -> System.out.printf("  %4d x %s%n", w.getValue(), w.getKey()));

        assertThat(sitesWithFhir).as("demo sites answering /metadata").isNotEmpty()
                .anyMatch(s -> s.startsWith("bp-premier "));
        assertThat(validated).as("resource types declared").isNotEmpty();
        assertThat(validated.values().stream().mapToInt(Integer::intValue).sum()).as("resources validated").isPositive();
        if (!problems.isEmpty()) {
            fail(problems.size() + " AU Core conformance problem(s) (resource type/id, severity @ location: message):\n"
                    + String.join("\n", problems));
        }
    }

    /** Searches one declared type, validates the bundle and every entry, reads each entry back and validates that. */
    private int validateType(String site, String base, String type, List<String> profiles, String bounds) throws Exception {
        String search = type + "?_count=" + COUNT + bounds; // Slot: a week of generated slots
        HttpResponse<String> response = call(base + search);
        if (response.statusCode() != 200) {
            problems.add(site + " " + search + ": HTTP " + response.statusCode() + " " + response.body());
            return 0;
        }
        JsonNode bundle = mapper.readTree(response.body());
        int n = 0;
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode entryResource = entry.path("resource");
            String raw = mapper.writeValueAsString(entryResource);
            Resource resource = (Resource) json.parseResource(raw);
            String id = resource.getIdElement().getIdPart();
            // the Bundle itself is validated below with each entry's resource reduced to type and id: each entry
            // is validated here, on its own and under its own name (validating it inside the Bundle again would
            // double the work and the messages)
            ((ObjectNode) entry).set("resource", mapper.createObjectNode()
                    .put("resourceType", resource.fhirType()).put("id", id));
            if (!type.equals(resource.fhirType())) {
                problems.add(site + " " + search + ": entry of type " + resource.fhirType() + " (no _include asked)");
                continue;
            }
            n++;
            String name = site + " " + type + "/" + id;
            check(name + " (search)", AuCoreValidator.validate(raw), true);
            checkProfiles(name + " (search)", resource, profiles);

            HttpResponse<String> read = call(base + type + "/" + id);
            if (read.statusCode() != 200) {
                problems.add(name + " (read): HTTP " + read.statusCode() + " " + read.body());
                continue;
            }
            if (mapper.readTree(read.body()).equals(entryResource)) {
                readsAsSearched++; // identical JSON: same verdict, no need to validate it again
            } else {
                check(name + " (read)", AuCoreValidator.validate(read.body()), true);
            }
            checkProfiles(name + " (read)", (Resource) json.parseResource(read.body()), profiles);
        }
        check(site + " " + search + " (searchset Bundle)", AuCoreValidator.validate(mapper.writeValueAsString(bundle)), false);
        return n;
    }

    private void check(String what, ValidationResult result, boolean withEntries) {
        for (SingleValidationMessage m : result.getMessages()) {
            if (!withEntries && m.getLocationString() != null && ENTRY_RESOURCE.matcher(m.getLocationString()).matches()) {
                continue; // a searchset entry: validated on its own, under its own name
            }
            if (m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL) {
                problems.add(what + ", " + m.getSeverity() + " @ " + m.getLocationString() + ": " + m.getMessage());
            } else if (m.getSeverity() == ResultSeverityEnum.WARNING) {
                String at = m.getLocationString() == null ? "" : m.getLocationString().replaceAll("\\[\\d+]", "[n]");
                warnings.merge(at + ": " + m.getMessage().replaceAll("/[0-9]+", "/n"), 1, Integer::sum);
            }
        }
    }

    /**
     * The resource claims (meta.profile) at least one of the profiles the CapabilityStatement declares for its type
     * (one for most types; Observation declares one per AU Core vital sign / smoking status profile).
     */
    private void checkProfiles(String what, Resource resource, List<String> supportedProfiles) {
        Set<String> claimed = new TreeSet<>();
        resource.getMeta().getProfile().forEach(p -> claimed.add(p.getValue()));
        if (!supportedProfiles.isEmpty() && supportedProfiles.stream().noneMatch(claimed::contains)) {
            problems.add(what + ": meta.profile " + claimed + " claims none of the CapabilityStatement's supportedProfile "
                    + supportedProfiles);
        }
    }

    /** A GET with Acme Health's key, taking a fresh key (a fresh rate-limit budget) every few calls. */
    private HttpResponse<String> call(String path) throws IOException, InterruptedException {
        if (key == null || calls++ >= CALLS_PER_KEY) {
            key = acme();
            calls = 1;
        }
        HttpResponse<String> response = get(path, key);
        assertThat(response.statusCode()).as("rate limited at %s", path).isNotEqualTo(429);
        return response;
    }
}
