package org.halocloud.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Structure before any write: a resource to be written is validated against AU Base 6.0.0's profile of its type
 * (Patient: au-patient), or R4 core where AU Base has none (Appointment). The validator takes seconds to build, so
 * it is built once in the background when the application is ready; a write that comes first waits for it.
 */
@Component
public class WriteValidation {

    /** The AU Base profile each written type is checked against; a type not listed is checked against R4 core. */
    private static final Map<String, String> AU_BASE_PROFILES = Map.of(
            "Patient", "http://hl7.org.au/fhir/StructureDefinition/au-patient");

    private final FhirContext fhir;
    private final CompletableFuture<FhirValidator> validator = new CompletableFuture<>();

    public WriteValidation(FhirContext fhir) {
        this.fhir = fhir;
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildInBackground() {
        Thread builder = new Thread(this::build, "write-validation");
        builder.setDaemon(true);
        builder.setPriority(Thread.MIN_PRIORITY);
        builder.start();
    }

    private synchronized void build() {
        if (validator.isDone()) {
            return;
        }
        try {
            validator.complete(AuBaseDefinitions.validator(fhir, AuBaseDefinitions.load(fhir).support()));
        } catch (RuntimeException | Error e) {
            validator.completeExceptionally(e);
        }
    }

    /**
     * The errors of {@code resource} as the write would store it: against its type's AU Base profile (a profile the
     * client claims in {@code meta.profile}, e.g. AU Core's, is not what the practice database holds, so it is
     * replaced for the check). Each error is "location: message".
     */
    public List<String> errors(Resource resource) {
        build(); // waits for the background build, or builds it for a write that came first
        Resource checked = resource.copy();
        checked.getMeta().getProfile().clear();
        String profile = AU_BASE_PROFILES.get(resource.fhirType());
        if (profile != null) {
            checked.getMeta().addProfile(profile);
        }
        return validator.join().validateWithResult(checked).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
    }
}
