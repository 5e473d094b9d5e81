package org.halocloud.fhir;

import ca.uhn.fhir.rest.annotation.Metadata;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IServerConformanceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Date;
import java.util.Map;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.halocloud.mappings.fhir.SearchParameter;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * {@code /metadata} for one site, generated from its PMS mapping: exactly the resources, interactions and search
 * parameters that mapping answers, instantiating the AU Core 2.0.0 Responder.
 */
public class SiteCapabilityStatement implements IServerConformanceProvider<CapabilityStatement> {

    static final String AU_CORE_RESPONDER = "http://hl7.org.au/fhir/core/CapabilityStatement/au-core-responder";
    static final String AU_BASE_IG = "http://hl7.org.au/fhir/ImplementationGuide/hl7.fhir.au.base";

    private RestfulServer server;

    @Override
    @Metadata(cacheMillis = 0) // one statement per site: never serve another site's
    public CapabilityStatement getServerConformance(HttpServletRequest request, RequestDetails details) {
        SiteRequest site = SiteRequest.of(details);
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setDate(new Date());
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        cs.addFormat("json").addFormat("xml");
        cs.addInstantiates(AU_CORE_RESPONDER);
        cs.addImplementationGuide(AU_BASE_IG);
        cs.setName("HaloCloudFhirFacade");
        cs.setTitle("Halo Cloud FHIR facade — " + site.admission().database().practiceName());
        cs.setPublisher("Halo Cloud");
        cs.getSoftware().setName("Halo Cloud").setVersion("0.1.0");
        cs.getImplementation().setDescription(site.admission().database().pms().apiName() + " practice database "
                + site.admission().database().haloGuid()).setUrl(details.getFhirServerBase());
        CapabilityStatementRestComponent rest = cs.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.setDocumentation("Read and search, live from the practice database, and writes through the PMS's own "
                + "write path as the integrator's login; nothing is copied or cached.");
        for (ResourceMapping<?, ?> mapping : site.mapping().resources()) {
            CapabilityStatementRestResourceComponent resource = rest.addResource().setType(mapping.resourceName());
            mapping.supportedProfiles().forEach(resource::addSupportedProfile);
            resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
            resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
            if (mapping.version() != null) {
                // versions are derived from the row's stamp: the current one is readable, no history is kept
                resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.VREAD);
                resource.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONEDUPDATE);
                resource.setReadHistory(false);
            }
            if (mapping.writes().isPresent()) {
                resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
                resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.UPDATE);
                resource.setConditionalCreate(true).setUpdateCreate(false);
            }
            if (mapping.bookings().isPresent()) {
                // booking (create), cancelling (update, or a JSON Patch of status)
                resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
                resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.UPDATE);
                resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.PATCH);
                resource.setUpdateCreate(false);
            }
            mapping.includes().forEach(resource::addSearchInclude);
            for (Map.Entry<String, SearchParameter> p : mapping.search().entrySet()) {
                resource.addSearchParam().setName(p.getKey())
                        .setType(Enumerations.SearchParamType.fromCode(p.getValue().type().getCode()))
                        .setDocumentation(p.getValue().documentation());
            }
        }
        return cs;
    }

    @Override
    public void setRestfulServer(RestfulServer server) {
        this.server = server;
    }
}
