package org.halocloud.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.BaseValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;

/**
 * The FHIR definitions writes are validated against, offline: R4 core, AU Base 6.0.0 (the npm package vendored in
 * the {@code ig} module, on the classpath at {@value #AU_BASE}), and whatever a caller adds (the tests add AU Core).
 * AU Base depends on {@code hl7.fhir.uv.extensions.r4}, which is not vendored: each extension profile the loaded
 * profiles slice on but nothing defines gets a content-free stub (its url, value and nested extensions 0..0), so
 * slicing can be evaluated and a resource that really uses one fails naming it. Terminology is in memory only:
 * codes of code systems that cannot be loaded offline (SNOMED CT, NCTS) are warnings, never errors.
 */
public final class AuBaseDefinitions {

    public static final String AU_BASE = "classpath:fhir/packages/hl7.fhir.au.base-6.0.0.tgz";

    /** The definitions and the names of the stubbed extensions. */
    public record Loaded(IValidationSupport support, Set<String> stubbedExtensions) {
    }

    private AuBaseDefinitions() {
    }

    /** R4 core + AU Base + {@code extra}, with stubs for the extensions none of them define, cached. */
    public static Loaded load(FhirContext ctx, IValidationSupport... extra) {
        NpmPackageValidationSupport auBase = new NpmPackageValidationSupport(ctx);
        try {
            auBase.loadPackageFromClasspath(AU_BASE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + AU_BASE + " (is the ig module on the classpath?)", e);
        }
        DefaultProfileValidationSupport core = new DefaultProfileValidationSupport(ctx);
        List<IValidationSupport> definitions = new ArrayList<>(List.of(core, auBase));
        definitions.addAll(List.of(extra));
        Set<String> missing = missingExtensions(new ValidationSupportChain(definitions.toArray(IValidationSupport[]::new)));
        PrePopulatedValidationSupport stubs = new PrePopulatedValidationSupport(ctx);
        missing.forEach(url -> stubs.addStructureDefinition(extensionStub(url)));

        List<IValidationSupport> chain = new ArrayList<>(List.of(core, new VersionedCanonicals(ctx, core), auBase));
        chain.addAll(List.of(extra));
        chain.addAll(List.of(stubs, new CommonCodeSystemsTerminologyService(ctx),
                new InMemoryTerminologyServerValidationSupport(ctx), new SnapshotGeneratingValidationSupport(ctx)));
        // the chain caches lookups itself (hapi-fhir-caching-caffeine, found by ServiceLoader)
        return new Loaded(new ValidationSupportChain(ValidationSupportChain.CacheConfiguration.defaultValues(),
                chain.toArray(IValidationSupport[]::new)), Set.copyOf(missing));
    }

    /**
     * A validator over {@code support}: a profile it cannot resolve is an error, and so is an extension it has no
     * definition for (vendor its package then).
     */
    public static FhirValidator validator(FhirContext ctx, IValidationSupport support) {
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(support);
        instanceValidator.setErrorForUnknownProfiles(true);
        instanceValidator.setAnyExtensionsAllowed(false);
        instanceValidator.setBestPracticeWarningLevel(BestPracticeWarningLevel.Warning);
        FhirValidator validator = ctx.newValidator();
        validator.setValidateAgainstStandardSchema(false);
        validator.setValidateAgainstStandardSchematron(false);
        validator.registerValidatorModule(instanceValidator);
        return validator;
    }

    /** The extension profiles the loaded profiles use (type Extension, profile X) that nothing defines. */
    private static Set<String> missingExtensions(IValidationSupport definitions) {
        Set<String> missing = new TreeSet<>();
        for (IBaseResource r : definitions.fetchAllStructureDefinitions()) {
            StructureDefinition sd = (StructureDefinition) r;
            Stream.concat(sd.getDifferential().getElement().stream(), sd.getSnapshot().getElement().stream())
                    .flatMap(e -> e.getType().stream())
                    .filter(t -> "Extension".equals(t.getCode()))
                    .flatMap(t -> t.getProfile().stream())
                    .map(p -> p.getValue().replaceFirst("\\|.*$", ""))
                    .filter(url -> definitions.fetchStructureDefinition(url) == null)
                    .forEach(missing::add);
        }
        return missing;
    }

    /**
     * A content-free extension definition: its url (so slices keyed on url can be told apart) and nothing else -
     * value[x] and nested extensions 0..0, so any real use of it is an error until the real definition is loaded.
     */
    public static StructureDefinition extensionStub(String url) {
        StructureDefinition sd = new StructureDefinition();
        sd.setUrl(url);
        sd.setName("Stub" + url.substring(url.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9]", ""));
        sd.setTitle("STUB of " + url + " - the real definition (hl7.fhir.uv.extensions.r4) is not loaded");
        sd.setStatus(Enumerations.PublicationStatus.DRAFT);
        sd.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        sd.setKind(StructureDefinition.StructureDefinitionKind.COMPLEXTYPE);
        sd.setAbstract(false);
        sd.addContext().setType(StructureDefinition.ExtensionContextType.ELEMENT).setExpression("Element");
        sd.setType("Extension");
        sd.setBaseDefinition("http://hl7.org/fhir/StructureDefinition/Extension");
        sd.setDerivation(StructureDefinition.TypeDerivationRule.CONSTRAINT);
        String why = "not validatable offline: " + url + " is only stubbed (vendor hl7.fhir.uv.extensions.r4)";
        element(sd, "Extension").setShort(why).setDefinition(why);
        element(sd, "Extension.extension").setMax("0");
        element(sd, "Extension.url").setFixed(new UriType(url));
        element(sd, "Extension.value[x]").setMax("0");
        return sd;
    }

    private static ElementDefinition element(StructureDefinition sd, String path) {
        ElementDefinition e = sd.getDifferential().addElement().setPath(path);
        e.setId(path);
        return e;
    }

    /**
     * R4 core answered by versioned canonical. AU Base's snapshots name core types with a version
     * ({@code …/SimpleQuantity|4.0.1}); R4 core's support knows only the bare url, so this resolves {@code url|version}
     * to the core resource of that url when its version is exactly that version (another version stays unknown).
     */
    private static final class VersionedCanonicals extends BaseValidationSupport {
        private final IValidationSupport core;

        VersionedCanonicals(FhirContext ctx, IValidationSupport core) {
            super(ctx);
            this.core = core;
        }

        @Override
        public String getName() {
            return "R4 core by versioned canonical";
        }

        @Override
        public IBaseResource fetchStructureDefinition(String url) {
            return versioned(url, core::fetchStructureDefinition);
        }

        @Override
        public IBaseResource fetchValueSet(String url) {
            return versioned(url, core::fetchValueSet);
        }

        @Override
        public IBaseResource fetchCodeSystem(String url) {
            return versioned(url, core::fetchCodeSystem);
        }

        private static IBaseResource versioned(String url, java.util.function.Function<String, IBaseResource> fetch) {
            int bar = url == null ? -1 : url.indexOf('|');
            if (bar < 0) {
                return null;
            }
            IBaseResource r = fetch.apply(url.substring(0, bar));
            return r instanceof MetadataResource m && url.substring(bar + 1).equals(m.getVersion()) ? r : null;
        }
    }
}
