package org.halocloud.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.halocloud.fhir.validation.AuBaseDefinitions;
import org.slf4j.LoggerFactory;

/**
 * An offline FHIR R4 validator for AU Core 2.0.0 (and AU Base 6.0.0 under it), shared by every test of the FHIR
 * facade. Built lazily on first use (a few seconds: snapshots of the AU Core profiles are generated then) and then
 * reused; {@link FhirValidator} is thread-safe.
 *
 * <p>Where the definitions come from:
 * <ul>
 *   <li>FHIR R4 core: {@link DefaultProfileValidationSupport} (hapi-fhir-validation-resources-r4);</li>
 *   <li>AU Base 6.0.0: the npm package vendored in the {@code ig} module, on the classpath at {@value #AU_BASE};</li>
 *   <li>AU Core 2.0.0: NOT vendored (reference material only) - every conformance resource is parsed at test time
 *       from {@code ../shared/fhir/au-core-2.0.0/resources} beside the repository root. When that folder is absent,
 *       {@link #available()} is false and tests must skip (JUnit {@code Assumptions}).</li>
 * </ul>
 *
 * <p>AU Base depends on {@code hl7.terminology.r4#7.0.1} and {@code hl7.fhir.uv.extensions.r4#5.2.0}. Neither is
 * vendored: the first is 4.6 MB packed / 65 MB unpacked, the second is not on the npm registry at that version. What
 * that costs:
 * <ul>
 *   <li>code systems that only live in hl7.terminology are unknown here (R4 core already carries the v2-0203
 *       identifier types AU Core uses) - unknown code systems are warnings, see below;</li>
 *   <li>the HL7 extensions AU Base / AU Core slice {@code extension} by (individual-genderIdentity,
 *       individual-pronouns, individual-recordedSexOrGender, patient-sexParameterForClinicalUse, ...) have no
 *       definition here, and without one the validator cannot evaluate the extension slicing at all: every
 *       resource carrying ANY extension (e.g. AU Base indigenous-status) would get "Slicing cannot be evaluated"
 *       errors. So each extension profile the loaded profiles reference but nothing defines gets a generated
 *       <em>stub</em> ({@link AuBaseDefinitions#extensionStub}): the right url (what the slice discriminator needs) and NO content -
 *       {@code value[x]} and nested {@code extension} are 0..0. An instance that actually uses one of those
 *       extensions therefore fails with an error naming the stub's url: vendor the extensions package then, do
 *       not relax the stub.</li>
 * </ul>
 *
 * <p>Terminology is offline - no terminology server is configured, so nothing here reaches the network. Codes are
 * checked by the in-memory terminology service against value sets it can expand from the loaded code systems
 * (complete HL7 / AU Base code systems: v2-0203, administrative-gender, the AU Base v2-0203 extension, ...).
 * SNOMED CT (and AMT, which is SNOMED CT-AU), LOINC and the NCTS code systems / value sets (Australian Indigenous
 * Status, the AU Core SNOMED value sets, ...) cannot be loaded offline. Policy: a code in a code system we do not
 * have, or bound to a value set we cannot resolve, is a WARNING ("CodeSystem is unknown and can't be validated",
 * "ValueSet ... not found"), never an ERROR. Why: an offline harness cannot tell a valid SNOMED code from an
 * invalid one, and failing on every such coding would make the test useless (or push the mappings to stop emitting
 * SNOMED); warnings keep it visible in {@link #validate} while structure, cardinality, invariants, slicing, fixed
 * values and bindings to value sets that CAN be expanded locally still fail as errors. How: the HL7 core validator
 * HAPI 8.8 embeds applies exactly this policy itself (unknown code systems are warnings unless configured
 * otherwise), which is why HAPI deprecated its {@code UnknownCodeSystemWarningValidationSupport} - so it is not in
 * the chain; {@code AuCoreValidatorTest#codesOfCodeSystemsWeCannotLoadAreWarnings} pins the behaviour, so a HAPI
 * upgrade that changes it fails there, not mysteriously in the conformance test.
 */
public final class AuCoreValidator {

    /** The vendored AU Base package on the classpath (module {@code ig}). */
    public static final String AU_BASE = AuBaseDefinitions.AU_BASE;
    /** AU Core, relative to the repository root (CI places {@code shared/} beside the checkout). */
    public static final String AU_CORE_RELATIVE = "../shared/fhir/au-core-2.0.0";
    /** Overrides where AU Core is read from (a folder holding {@code resources/}). */
    public static final String AU_CORE_PROPERTY = "halo.au-core.dir";

    private static final FhirContext CTX = FhirContext.forR4Cached();
    private static final Set<String> STUBBED_EXTENSIONS = Collections.synchronizedSet(new TreeSet<>());

    private AuCoreValidator() {
    }

    /** Whether the AU Core definitions are present; use with {@code Assumptions.assumeTrue(available(), why())}. */
    public static boolean available() {
        return auCoreDir().isPresent();
    }

    /** Why the validator is unavailable (a message for the skipped test). */
    public static String why() {
        String configured = System.getProperty(AU_CORE_PROPERTY);
        String where = configured != null && !configured.isBlank() ? configured + "/resources (-D" + AU_CORE_PROPERTY + ")"
                : AU_CORE_RELATIVE + "/resources relative to the repository root (searched upwards from "
                        + Path.of("").toAbsolutePath() + ")";
        return "AU Core 2.0.0 definitions not found at " + where + ": AU Core validation tests skipped";
    }

    /**
     * The AU Core folder, if present: the system property {@value #AU_CORE_PROPERTY} when set, else
     * {@code ../shared/fhir/au-core-2.0.0} relative to the repository root (the first folder upwards of the working
     * directory holding {@code mvnw} and {@code pom.xml}).
     */
    public static Optional<Path> auCoreDir() {
        String configured = System.getProperty(AU_CORE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath().normalize();
            return Files.isDirectory(dir.resolve("resources")) ? Optional.of(dir) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                Path candidate = dir.resolve(AU_CORE_RELATIVE).normalize();
                return Files.isDirectory(candidate.resolve("resources")) ? Optional.of(candidate) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    public static FhirContext context() {
        return CTX;
    }

    /** Every message (errors, warnings, information) of validating {@code resource} against its meta.profile. */
    public static ValidationResult validate(IBaseResource resource) {
        return Holder.VALIDATOR.validateWithResult(resource);
    }

    /**
     * Every message of validating a resource as serialised (JSON or XML) - what a client receives, before any
     * lenient parsing drops an unknown element.
     */
    public static ValidationResult validate(String resource) {
        return Holder.VALIDATOR.validateWithResult(resource);
    }

    /** Only the ERROR and FATAL messages of validating {@code resource} against its meta.profile (and the base spec). */
    public static List<SingleValidationMessage> errors(IBaseResource resource) {
        return errorsOf(validate(resource));
    }

    /** Only the ERROR and FATAL messages of validating a serialised resource against its meta.profile. */
    public static List<SingleValidationMessage> errors(String resource) {
        return errorsOf(validate(resource));
    }

    public static List<SingleValidationMessage> errorsOf(ValidationResult result) {
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    /** One line per message: severity, location, message. */
    public static String describe(Collection<SingleValidationMessage> messages) {
        return messages.stream()
                .map(m -> "  " + m.getSeverity() + " @ " + m.getLocationString() + ": " + m.getMessage())
                .collect(Collectors.joining("\n"));
    }

    /** The validation support chain (exposed for tests that want to fetch definitions). */
    public static IValidationSupport support() {
        return Holder.SUPPORT;
    }

    /** Initialization-on-demand: built once, on the first call that needs it, by whichever thread gets there first. */
    private static final class Holder {
        static final IValidationSupport SUPPORT = buildSupport();
        static final FhirValidator VALIDATOR = buildValidator(SUPPORT);
    }

    private static IValidationSupport buildSupport() {
        Path auCore = auCoreDir().orElseThrow(() -> new IllegalStateException(why()));
        PrePopulatedValidationSupport auCoreSupport = new PrePopulatedValidationSupport(CTX);
        for (IBaseResource r : auCoreResources(auCore.resolve("resources"))) {
            auCoreSupport.addResource(r); // StructureDefinition, ValueSet, CodeSystem, SearchParameter, ... by type
        }
        // the product's own AU Base definitions (what writes are validated against), with AU Core added
        AuBaseDefinitions.Loaded loaded = AuBaseDefinitions.load(CTX, auCoreSupport);
        STUBBED_EXTENSIONS.addAll(loaded.stubbedExtensions());
        LoggerFactory.getLogger(AuCoreValidator.class).info("AU Core validator: {} extension definitions missing "
                + "(hl7.fhir.uv.extensions.r4 is not vendored), stubbed as content-free: {}",
                loaded.stubbedExtensions().size(), loaded.stubbedExtensions());
        return loaded.support();
    }

    private static FhirValidator buildValidator(IValidationSupport support) {
        return AuBaseDefinitions.validator(CTX, support);
    }

    /** The extension urls {@link AuBaseDefinitions#extensionStub stubbed} (filled when the validator is built). */
    public static Set<String> stubbedExtensions() {
        support();
        return Collections.unmodifiableSet(STUBBED_EXTENSIONS);
    }

    /**
     * Every conformance resource of the AU Core folder that is an R4 resource. The package also holds R5-only
     * resources (ActorDefinition, used for the requester/responder actors) which an R4 parser cannot read and the
     * validator does not need: those are skipped.
     */
    private static List<IBaseResource> auCoreResources(Path dir) {
        List<IBaseResource> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml") || f.toString().endsWith(".json")).sorted().toList()) {
                boolean xml = file.toString().endsWith(".xml");
                String type = xml ? rootElement(file) : null;
                if (type != null && !CTX.getResourceTypes().contains(type)) {
                    continue; // not an R4 resource type (e.g. ActorDefinition)
                }
                try (InputStream in = Files.newInputStream(file)) {
                    out.add(xml ? CTX.newXmlParser().parseResource(in) : CTX.newJsonParser().parseResource(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read AU Core definitions in " + dir, e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no AU Core definitions in " + dir);
        }
        return out;
    }

    private static String rootElement(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    return reader.getLocalName();
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw new IOException("not XML: " + file, e);
        }
    }
}
