package org.halocloud.bench;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.jooq.impl.DSL;

/**
 * The FHIR scenario's searches on the Bp Premier demo: five kinds ({@code groups}), each with one variant per
 * sample patient — up to 64 of the first patients (by key) with an IHI and a name, read raw and mapped as the
 * facade maps them.
 */
record Searches(List<List<Search>> groups, int patients) {

    static final String IHI_SYSTEM = "http://ns.electronichealth.net.au/id/hi/ihi/1.0";

    static Searches sample(RawJdbc raw) throws SQLException {
        List<Patient> sample = samplePatients(raw);
        String since = "ge" + LocalDate.now().minusYears(3);
        List<Search> family = new ArrayList<>(), ihi = new ArrayList<>(), obs = new ArrayList<>(), enc = new ArrayList<>(),
                cond = new ArrayList<>();
        for (Patient p : sample) {
            String id = p.getIdElement().getIdPart();
            String fam = p.getNameFirstRep().getFamily();
            String prefix = fam.substring(0, Math.min(2, fam.length())).toLowerCase(Locale.ROOT);
            String value = p.getIdentifier().stream().filter(i -> IHI_SYSTEM.equals(i.getSystem()))
                    .map(Identifier::getValue).findFirst().orElseThrow();
            family.add(new Search("Patient?family=<2 letters>", "Patient", List.<String[]>of(new String[] {"family", prefix})));
            ihi.add(new Search("Patient?identifier=<IHI system>\\|<ihi>", "Patient",
                    List.<String[]>of(new String[] {"identifier", IHI_SYSTEM + "|" + value})));
            obs.add(new Search("Observation?patient=<id>&category=vital-signs", "Observation",
                    List.of(new String[] {"patient", id}, new String[] {"category", "vital-signs"})));
            enc.add(new Search("Encounter?patient=<id>&date=" + since, "Encounter",
                    List.of(new String[] {"patient", id}, new String[] {"date", since})));
            cond.add(new Search("Condition?patient=<id>&clinical-status=active", "Condition",
                    List.of(new String[] {"patient", id}, new String[] {"clinical-status", "active"})));
        }
        return new Searches(List.of(family, ihi, obs, enc, cond), sample.size());
    }

    /** Every variant of every group, in order. */
    List<Search> all() {
        return groups.stream().flatMap(List::stream).toList();
    }

    private static List<Patient> samplePatients(RawJdbc raw) throws SQLException {
        List<Patient> sample = new ArrayList<>();
        for (Resource r : raw.search(raw.resource("Patient"), DSL.noCondition(), 200)) {
            Patient p = (Patient) r;
            if (p.getIdentifier().stream().anyMatch(i -> IHI_SYSTEM.equals(i.getSystem())) && !p.getName().isEmpty()) {
                sample.add(p);
            }
            if (sample.size() == 64) {
                break;
            }
        }
        if (sample.isEmpty()) {
            throw new IllegalStateException("no demo patient with an IHI");
        }
        return sample;
    }
}
