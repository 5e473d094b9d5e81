package org.halocloud.fhir;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.util.UrlUtil;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.halocloud.fhir.validation.WriteValidation;
import org.halocloud.kernel.pipeline.DatabaseRefusal;
import org.halocloud.kernel.pipeline.QueryPipeline;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.halocloud.mappings.fhir.write.ColumnValues;
import org.halocloud.mappings.fhir.write.Versions;
import org.halocloud.mappings.fhir.write.Writes;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * FHIR create and update at one site, through the PMS's own write path as the integrator's login: the resource is
 * read backwards through its mapping (nothing the PMS cannot hold is dropped silently: 422 naming it, unless the
 * client prefers lenient handling), checked against the row's version, written, and read back from the database,
 * so the answer is what the PMS now holds. The database's refusal decides: its grants (403), its constraints (409),
 * a value it cannot hold (422).
 */
@Component
public class ResourceWrites {

    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"([^\"]+)\"$");

    private final SearchEngine engine;
    private final QueryPipeline pipeline;
    private final AppointmentBookings bookings;
    private final WriteValidation validation;

    public ResourceWrites(SearchEngine engine, QueryPipeline pipeline, AppointmentBookings bookings,
                          WriteValidation validation) {
        this.engine = engine;
        this.pipeline = pipeline;
        this.bookings = bookings;
        this.validation = validation;
    }

    /** {@code POST [type]}, optionally conditional ({@code If-None-Exist}: 0 matches create, 1 answers it, more 412). */
    MethodOutcome create(SiteRequest site, String type, IBaseResource body, String ifNoneExist, boolean lenient) {
        ResourceMapping<?, ?> mapping = site.resource(type);
        if (mapping.bookings().isPresent() && body instanceof org.hl7.fhir.r4.model.Appointment appointment) {
            return bookings.book(site, mapping, appointment); // validated once its slot has given it its times
        }
        valid((Resource) body);
        Writes<?> writes = writable(site, mapping);
        if (ifNoneExist != null) {
            List<Resource> existing = matches(site, type, ifNoneExist);
            if (existing.size() > 1) {
                throw new PreconditionFailedException("If-None-Exist matches " + existing.size() + " " + type
                        + " resources at this site; make the criteria unique (e.g. an identifier).");
            }
            if (existing.size() == 1) {
                Resource found = versioned(existing.get(0));
                return new MethodOutcome(found.getIdElement(), false).setResource(found);
            }
        }
        ColumnValues values = checked(mapping, writes, (Resource) body, null, lenient);
        Object key = write(type, () -> writes.path().create(values, statements(site)));
        Resource created = reread(site, mapping, String.valueOf(key));
        return new MethodOutcome(created.getIdElement(), true).setResource(created);
    }

    /** {@code PUT [type]/[id]}, with {@code If-Match} checked against the row's version (412 when stale). */
    MethodOutcome update(SiteRequest site, String type, IdType id, IBaseResource body, String ifMatch, boolean lenient) {
        ResourceMapping<?, ?> mapping = site.resource(type);
        if (body.getIdElement().hasIdPart() && !body.getIdElement().getIdPart().equals(id.getIdPart())) {
            throw new InvalidRequestException("The resource's id (" + body.getIdElement().getIdPart()
                    + ") is not the id in the URL (" + id.getIdPart() + ").");
        }
        Resource current = current(site, mapping, id, ifMatch);
        String version = current.getMeta().getVersionId();
        valid((Resource) body);
        if (mapping.bookings().isPresent() && body instanceof org.hl7.fhir.r4.model.Appointment wanted) {
            return bookings.update(site, mapping, (org.hl7.fhir.r4.model.Appointment) versioned(current), wanted);
        }
        Writes<?> writes = writable(site, mapping);
        ColumnValues values = checked(mapping, writes, (Resource) body, current, lenient);
        LocalDateTime stamp = Versions.stamp(version).orElse(null);
        Object key = mapping.parseKey(id.getIdPart()).orElseThrow();
        boolean updated = write(type, () -> writes.path().update(key, stamp, values, statements(site)));
        if (!updated) {
            throw new PreconditionFailedException(type + "/" + id.getIdPart()
                    + " changed at the practice while this update was in flight: read it again and reapply the change.");
        }
        Resource now = reread(site, mapping, id.getIdPart());
        return new MethodOutcome(now.getIdElement(), false).setResource(now);
    }

    /**
     * {@code PATCH [type]/[id]} with a JSON Patch: only {@code replace} (and {@code test}) of an Appointment's
     * {@code /status}, which is a cancellation through the booking path; any other patch is refused (422).
     */
    MethodOutcome patch(SiteRequest site, String type, IdType id, ca.uhn.fhir.rest.api.PatchTypeEnum patchType,
                        String body, String ifMatch) {
        ResourceMapping<?, ?> mapping = site.resource(type);
        if (mapping.bookings().isEmpty()) {
            throw new MethodNotAllowedException("PATCH is offered only for an Appointment's status (a cancellation).");
        }
        if (patchType != ca.uhn.fhir.rest.api.PatchTypeEnum.JSON_PATCH) {
            throw new InvalidRequestException(
                    "PATCH takes a JSON Patch (Content-Type: application/json-patch+json).");
        }
        org.hl7.fhir.r4.model.Appointment current = (org.hl7.fhir.r4.model.Appointment) versioned(
                current(site, mapping, id, ifMatch));
        org.hl7.fhir.r4.model.Appointment wanted = current.copy();
        wanted.setStatus(JsonPatches.status(body, current.getStatus()));
        valid(wanted);
        return bookings.update(site, mapping, current, wanted);
    }

    /** The row as it is now (404 when there is none), checked against {@code If-Match} (412 when stale). */
    private Resource current(SiteRequest site, ResourceMapping<?, ?> mapping, IdType id, String ifMatch) {
        String type = mapping.resourceName();
        Resource current = engine.read(site, mapping, id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(
                type + "/" + id.getIdPart() + " is not known at this site; create it with POST."));
        String version = current.getMeta().getVersionId();
        if (ifMatch != null && !Objects.equals(expectedVersion(ifMatch), version)) {
            throw new PreconditionFailedException(type + "/" + id.getIdPart() + " is at version " + version
                    + ", not the If-Match version: read it again and reapply the change.");
        }
        return current;
    }

    /** The resource with its version in its id, as reads and writes answer it (HAPI's ETag and Location use it). */
    static Resource versioned(Resource resource) {
        String version = resource.getMeta().getVersionId();
        if (version != null) {
            IdType id = resource.getIdElement();
            resource.setIdElement(new IdType(resource.fhirType(), id.getIdPart(), version));
        }
        return resource;
    }

    private static Writes<?> writable(SiteRequest site, ResourceMapping<?, ?> mapping) {
        return mapping.writes().orElseThrow(() -> new MethodNotAllowedException(mapping.resourceName()
                + " cannot be written at this site: its PMS (" + site.admission().database().pms().apiName()
                + ") offers no write path for it. See /metadata."));
    }

    /**
     * The body read backwards, refused (422) when a value breaks a rule, or when it carries what the PMS cannot
     * hold — an element without a column, or a value the write path cannot store that the row does not already
     * hold — unless lenient.
     */
    private static ColumnValues checked(ResourceMapping<?, ?> mapping, Writes<?> writes, Resource body, Resource current,
                                        boolean lenient) {
        ColumnValues values = writes.columnsOf(body);
        if (!values.invalid().isEmpty()) {
            throw unprocessable(values.invalid());
        }
        List<String> unheld = new ArrayList<>(values.unheld());
        ColumnValues held = current == null ? null : writes.columnsOf(current);
        for (Map.Entry<Field<?>, Object> e : values.all().entrySet()) {
            Object now = held == null ? null : held.get(e.getKey());
            if (e.getValue() != null && !writes.path().stores(e.getKey(), e.getValue()) && !Objects.equals(now, e.getValue())) {
                unheld.add(element(mapping, e.getKey()) + " (the PMS's write path does not take it)");
            }
        }
        if (!unheld.isEmpty() && !lenient) {
            throw unprocessable(unheld.stream().map(u -> u + " cannot be held by this PMS; remove it or send "
                    + "'Prefer: handling=lenient' to have it ignored.").toList());
        }
        return values;
    }

    /** The body's structure against its AU Base profile (R4 core where there is none): 422 listing the errors. */
    void valid(Resource body) {
        List<String> errors = validation.errors(body);
        if (!errors.isEmpty()) {
            throw unprocessable(errors.stream().map(e -> body.fhirType() + " does not conform to AU Base: " + e).toList());
        }
    }

    /** The element a column holds, as the mapping declares it. */
    private static String element(ResourceMapping<?, ?> mapping, Field<?> column) {
        return mapping.elements().stream().filter(e -> e.columns().contains(column)).map(e -> e.path()
                + (e.qualifier() == null ? "" : " (" + e.qualifier() + ")")).findFirst().orElse(mapping.resourceName());
    }

    private static UnprocessableEntityException unprocessable(List<String> problems) {
        OperationOutcome outcome = new OperationOutcome();
        problems.forEach(p -> outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.PROCESSING).setDiagnostics(p));
        return new UnprocessableEntityException(String.join(" ", problems), outcome);
    }

    private static String expectedVersion(String ifMatch) {
        Matcher m = ETAG.matcher(ifMatch.trim());
        if (!m.matches()) {
            throw new InvalidRequestException("If-Match must be an ETag such as W/\"3\".");
        }
        return m.group(1);
    }

    private List<Resource> matches(SiteRequest site, String type, String ifNoneExist) {
        String query = ifNoneExist.contains("?") ? ifNoneExist.substring(ifNoneExist.indexOf('?') + 1) : ifNoneExist;
        Map<String, String[]> parameters = new LinkedHashMap<>(UrlUtil.parseQueryString(query));
        if (parameters.isEmpty()) {
            throw new InvalidRequestException("If-None-Exist needs search criteria, e.g. identifier=system|value.");
        }
        parameters.put("_count", new String[] {"2"});
        return engine.search(site, SearchRequest.first(type, parameters, null)).resources();
    }

    private Resource reread(SiteRequest site, ResourceMapping<?, ?> mapping, String id) {
        return versioned(engine.read(site, mapping, id).orElseThrow(() -> new ResourceVersionConflictException(
                mapping.resourceName() + "/" + id + " was written but is not readable as a live record at this site.")));
    }

    private SiteStatements statements(SiteRequest site) {
        return new SiteStatements(pipeline, site);
    }

    /** Runs a write path's statements; a refusal of the database becomes its answer. */
    static <T> T write(String type, java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (SiteStatements.Refused refused) {
            throw answer(type, refused);
        }
    }

    /** A refused statement as the client hears it: the reason the database gave, never its text. */
    private static BaseServerResponseException answer(String type, SiteStatements.Refused refused) {
        int code = refused.failure.errorCode();
        return switch (DatabaseRefusal.of(refused.failure)) {
            case NOT_PERMITTED -> {
                String m = "The practice database's grants do not allow this integration to write " + type
                        + "; nothing was written. Ask the practice or the PMS vendor.";
                yield new ForbiddenOperationException(m, OperationOutcomes.outcome(OperationOutcome.IssueType.FORBIDDEN, m));
            }
            case CONSTRAINT -> {
                String m = "The practice database refused the " + type + " write: it conflicts with a record it holds "
                        + "(database error " + code + ").";
                yield new ResourceVersionConflictException(m, null, OperationOutcomes.outcome(OperationOutcome.IssueType.CONFLICT, m));
            }
            case INVALID_VALUE -> {
                String m = "A value of this " + type + " does not fit the practice database (too long or out of range; "
                        + "database error " + code + ").";
                yield new UnprocessableEntityException(m, OperationOutcomes.outcome(OperationOutcome.IssueType.INVALID, m));
            }
            case OTHER -> SearchExecutor.failure(refused.failure);
        };
    }
}
