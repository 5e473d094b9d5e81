package org.halocloud.mappings.au;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.halocloud.mappings.fhir.write.ColumnValues;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.jooq.Field;

/**
 * An AU Core Patient read backwards through its template's declarations: each element into the columns it was
 * declared with (code tables encode), everything the declarations do not hold listed as unheld, values that break
 * AU rules (check digits, a reference to nothing) listed as invalid. Elements a read renders without a column
 * (meta, text, data-absent-reason markers, IHI statuses, the record number's assigner) pass.
 */
final class PatientColumns {

    /** Patient's elements that carry nothing to store: the resource's own bookkeeping. */
    private static final Set<String> BOOKKEEPING = Set.of("id", "meta", "implicitRules", "language", "text", "contained");

    private PatientColumns() {
    }

    static ColumnValues read(AuCorePatient<?> t, Patient p) {
        ColumnValues v = new ColumnValues();
        p.children().forEach(property -> {
            String name = property.getName();
            if (property.hasValues() && !BOOKKEEPING.contains(name) && !held(t, name)) {
                v.unheld("Patient." + name.replace("[x]", ""));
            }
        });
        p.getIdentifier().forEach(id -> identifier(t, id, v));
        names(t, p.getName(), v);
        if (t.family != null && v.get(t.family) == null) {
            v.invalid("Patient.name.family is required: the PMS files every patient under a family name.");
        }
        if (!t.given.isEmpty() && v.get(t.given.get(0)) == null) {
            v.invalid("Patient.name.given is required: the PMS files every patient under a first name.");
        }
        p.getTelecom().forEach(c -> telecom(t, c, v));
        if (t.gender != null && p.hasGender()) {
            t.gender.write(p.getGender(), v, "Patient.gender");
        }
        if (t.birthDate != null) {
            v.set(t.birthDate, p.getBirthDate() == null ? null
                    : LocalDate.parse(p.getBirthDateElement().getValueAsString()).atStartOfDay(), "Patient.birthDate");
        }
        deceased(t, p, v);
        if (p.getAddress().size() > 1) {
            v.unheld("Patient.address (more than one)");
        }
        if (t.address != null && !p.getAddress().isEmpty()) {
            address(t.address, p.getAddressFirstRep(), v);
        }
        active(t, p, v);
        extensions(t, p.getExtension(), v);
        List<Reference> gps = p.getGeneralPractitioner();
        if (gps.size() > 1) {
            v.unheld("Patient.generalPractitioner (more than one)");
        } else if (t.generalPractitioner != null && gps.size() == 1) {
            t.generalPractitioner.write(gps.get(0), "Patient.generalPractitioner", v);
        }
        return v;
    }

    private static boolean held(AuCorePatient<?> t, String element) {
        return switch (element) {
            case "identifier", "name", "extension" -> true;
            case "telecom" -> !t.telecom.isEmpty();
            case "gender" -> t.gender != null;
            case "birthDate" -> t.birthDate != null;
            case "deceased[x]" -> t.deceased != null;
            case "address" -> t.address != null;
            case "active" -> t.active != null || t.alwaysActive != null;
            case "generalPractitioner" -> t.generalPractitioner != null;
            default -> false;
        };
    }

    private static void identifier(AuCorePatient<?> t, Identifier id, ColumnValues v) {
        if (!id.hasValue() && id.hasExtension(AuCodes.DATA_ABSENT_REASON)) {
            return; // AU Core's marker for "no identifier known": nothing to store
        }
        t.identifiers.stream().filter(declared -> declared.holds(id.getSystem())).findFirst().ifPresentOrElse(
                declared -> declared.write(id, v),
                () -> v.unheld("Patient.identifier (system " + id.getSystem() + ")"));
    }

    private static void names(AuCorePatient<?> t, List<HumanName> names, ColumnValues v) {
        boolean official = false;
        for (HumanName name : names) {
            HumanName.NameUse use = name.getUse();
            if (use == HumanName.NameUse.USUAL && t.preferred != null) {
                given(name, List.of(t.preferred), null, v, "Patient.name (usual)");
                continue;
            }
            if (use != null && use != HumanName.NameUse.OFFICIAL || official) {
                v.unheld("Patient.name (" + (use == null ? "a second name" : use.toCode()) + ")");
                continue;
            }
            official = true;
            if (t.family != null) {
                set(v, t.family, name.getFamily(), "Patient.name.family");
            }
            given(name, t.given, t.middle, v, "Patient.name.given");
            if (name.hasPrefix()) {
                if (t.prefix == null || name.getPrefix().size() > 1) {
                    v.unheld("Patient.name.prefix");
                } else {
                    set(v, t.prefix, name.getPrefix().get(0).getValue(), "Patient.name.prefix");
                }
            }
            if (name.hasSuffix()) {
                v.unheld("Patient.name.suffix");
            }
            if (name.hasPeriod()) {
                v.unheld("Patient.name.period");
            }
        }
    }

    /** Given names in order into the given columns, then the middle-name column; more than they hold is unheld. */
    private static void given(HumanName name, List<Field<String>> columns, Field<String> middle, ColumnValues v,
                              String element) {
        List<String> given = name.getGiven().stream().map(g -> g.getValue()).toList();
        int i = 0;
        for (; i < given.size() && i < columns.size(); i++) {
            set(v, columns.get(i), given.get(i), element);
        }
        if (i < given.size() && middle != null) {
            set(v, middle, given.get(i++), element);
        }
        if (i < given.size()) {
            v.unheld(element + " (more given names than the PMS holds)");
        }
    }

    private static void telecom(AuCorePatient<?> t, ContactPoint c, ColumnValues v) {
        String element = "Patient.telecom (" + (c.hasSystem() ? c.getSystem().toCode() : "no system")
                + (c.hasUse() ? "|" + c.getUse().toCode() : "") + ")";
        t.telecom.stream()
                .filter(d -> d.system() == c.getSystem() && (d.use() == c.getUse() || !c.hasUse()))
                .filter(d -> v.get(d.column()) == null)
                .findFirst()
                .ifPresentOrElse(d -> set(v, d.column(), c.getValue(), element), () -> v.unheld(element));
    }

    private static void deceased(AuCorePatient<?> t, Patient p, ColumnValues v) {
        if (t.deceased == null || !p.hasDeceased()) {
            return;
        }
        if (p.getDeceased() instanceof BooleanType flag) {
            if (flag.booleanValue()) {
                v.unheld("Patient.deceasedBoolean (the PMS records a date of death)");
            }
            return;
        }
        String when = p.getDeceasedDateTimeType().getValueAsString();
        v.set(t.deceased, LocalDate.parse(when.substring(0, 10)).atStartOfDay(), "Patient.deceasedDateTime");
    }

    private static void address(AuCoreTemplate.AddressColumns columns, Address a, ColumnValues v) {
        if (a.hasUse() && a.getUse() != Address.AddressUse.HOME) {
            v.unheld("Patient.address (use " + a.getUse().toCode() + ")");
            return;
        }
        List<String> lines = a.getLine().stream().map(l -> l.getValue()).toList();
        int held = columns.line2() == null ? 1 : 2;
        if (lines.size() > held) {
            v.unheld("Patient.address.line (more lines than the PMS holds)");
        }
        if (!lines.isEmpty()) {
            set(v, columns.line1(), lines.get(0), "Patient.address.line");
        }
        if (lines.size() > 1 && columns.line2() != null) {
            set(v, columns.line2(), lines.get(1), "Patient.address.line");
        }
        set(v, columns.city(), a.getCity(), "Patient.address.city");
        if (a.hasState()) {
            if (columns.state() == null) {
                v.unheld("Patient.address.state");
            } else {
                set(v, columns.state(), a.getState(), "Patient.address.state");
            }
        }
        if (columns.postcode() != null) {
            set(v, columns.postcode(), a.getPostalCode(), "Patient.address.postalCode");
        }
        if (a.hasCountry() && !a.getCountry().equalsIgnoreCase("AU") && !a.getCountry().equalsIgnoreCase("Australia")) {
            v.unheld("Patient.address.country (" + a.getCountry() + ")");
        }
        if (a.hasDistrict() || a.hasPeriod() || a.hasText() && !a.hasLine()) {
            v.unheld("Patient.address (district, period or text only)");
        }
    }

    private static void active(AuCorePatient<?> t, Patient p, ColumnValues v) {
        if (!p.hasActive()) {
            return;
        }
        if (t.active != null) {
            t.active.write(p.getActive(), v, "Patient.active");
        } else if (!p.getActive()) {
            v.unheld("Patient.active (false: the PMS keeps only active patients)");
        }
    }

    private static void extensions(AuCorePatient<?> t, List<Extension> extensions, ColumnValues v) {
        for (Extension e : extensions) {
            if (AuProfiles.INDIGENOUS_STATUS.equals(e.getUrl()) && t.indigenousStatus != null
                    && e.getValue() instanceof Coding coding && coding.getCode() != null
                    && coding.getCode().matches("[1-49]")) {
                t.indigenousStatus.write(Integer.parseInt(coding.getCode()), v, "Patient.extension:indigenousStatus");
            } else {
                v.unheld("Patient.extension (" + e.getUrl() + ")");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(ColumnValues v, Field<T> column, Object value, String element) {
        v.set(column, (T) value, element);
    }
}
