package org.halocloud.mappings.d4w;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The synthetic Dental4Windows practice database (on-premises D4W). D4W runs on SAP SQL Anywhere; H2 has no such
 * mode, and {@code MSSQLServer} is the closest (SQL Anywhere speaks Transact-SQL: {@code BIT}, {@code TOP n}).
 *
 * <p>Dates are relative to {@code today} (the build date unless given); the same seed and day give identical rows.
 */
public final class Dental4WindowsDemo extends D4wDemo {

    public static final String CATALOGUE = "D4W";

    public Dental4WindowsDemo() {
        this(LocalDate.now(ZoneId.of("Australia/Sydney"))); // the practice's today, as the FHIR API reads its dates
    }

    public Dental4WindowsDemo(LocalDate today) {
        super(Centaur.D4W, false, today);
    }
}
