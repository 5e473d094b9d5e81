package org.halocloud.mappings.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;

/** FHIR data types every vendor's row mapper builds the same way from PMS columns. */
public final class Elements {

    private Elements() {
    }

    /** Adds a phone number or e-mail address the PMS holds; nothing when it holds none. */
    public static void contact(List<ContactPoint> telecom, ContactPoint.ContactPointSystem system, String value,
                               ContactPoint.ContactPointUse use) {
        if (value != null) {
            telecom.add(new ContactPoint().setSystem(system).setValue(value).setUse(use));
        }
    }

    /** An Australian address from its parts; null when the PMS holds no street, suburb or postcode. */
    public static Address australianAddress(String line1, String line2, String suburb, String state, String postcode) {
        if (line1 == null && suburb == null && postcode == null) {
            return null;
        }
        Address a = new Address().setCity(suburb).setState(state).setPostalCode(postcode).setCountry("AU");
        if (line1 != null) {
            a.addLine(line1);
        }
        if (line2 != null) {
            a.addLine(line2);
        }
        return a;
    }

    /** A practice-local time as a FHIR dateTime to the second, with the practice's offset on that day. */
    public static DateTimeType localDateTime(LocalDateTime local, ZoneId zone) {
        return new DateTimeType(Date.from(local.atZone(zone).toInstant()), TemporalPrecisionEnum.SECOND,
                TimeZone.getTimeZone(zone));
    }
}
