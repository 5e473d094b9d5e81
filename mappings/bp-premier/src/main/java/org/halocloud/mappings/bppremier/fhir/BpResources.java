package org.halocloud.mappings.bppremier.fhir;

import static org.halocloud.mappings.bppremier.fhir.BpTables.*;

import org.halocloud.mappings.au.AuCodes;
import org.halocloud.mappings.fhir.Row;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;

/** Row mappers: each FHIR element ← its BPSPatients column (trimmed, decoded). */
final class BpResources {

    private BpResources() {
    }

    static Patient patient(Row r) {
        Patient p = new Patient();
        String ihi = r.text(IHI);
        if (ihi != null) {
            p.addIdentifier(AuCodes.ihi(ihi));
        }
        String medicare = r.text(MEDICARENO) == null ? null : r.text(MEDICARENO).replaceAll("\\D", "");
        if (medicare != null && medicare.length() == 10) {
            String irn = r.text(MEDICARELINENO);
            Identifier id = AuCodes.medicare(irn == null ? medicare : medicare + irn);
            String expiry = r.text(MEDICAREEXPIRY); // MM/YYYY
            if (expiry != null && expiry.matches("\\d{2}/\\d{4}")) {
                id.getPeriod().setEndElement(new DateTimeType(expiry.substring(3) + "-" + expiry.substring(0, 2)));
            }
            p.addIdentifier(id);
        }
        String dva = r.text(DVANO);
        if (dva != null) {
            int code = r.integer(DVACODE);
            p.addIdentifier(switch (code) {
                case 1 -> AuCodes.dva(dva, "DVG", "DVA Gold Card");
                case 2 -> AuCodes.dva(dva, "DVW", "DVA White Card");
                case 3 -> AuCodes.dva(dva, "DVO", "DVA Orange Card");
                default -> AuCodes.dva(dva, "DVAU", "DVA Number");
            });
        }
        if (r.text(RECORDNO) != null && r.text(PRACTICE_HPIO) != null) {
            p.addIdentifier(AuCodes.medicalRecordNumber(r.text(PRACTICE_HPIO), r.text(RECORDNO), r.text(PRACTICENAME)));
        }
        HumanName name = p.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(r.text(SURNAME));
        if (r.text(FIRSTNAME) != null) {
            name.addGiven(r.text(FIRSTNAME));
        }
        if (r.text(MIDDLENAME) != null) {
            name.addGiven(r.text(MIDDLENAME));
        }
        if (r.text(PREFERREDNAME) != null) {
            p.addName().setUse(HumanName.NameUse.USUAL).addGiven(r.text(PREFERREDNAME)).setFamily(r.text(SURNAME));
        }
        phone(p, r.text(HOMEPHONE), ContactPoint.ContactPointUse.HOME);
        phone(p, r.text(WORKPHONE), ContactPoint.ContactPointUse.WORK);
        phone(p, r.text(MOBILEPHONE), ContactPoint.ContactPointUse.MOBILE);
        p.setGender(switch (r.integer(SEXCODE)) {
            case 1 -> AdministrativeGender.MALE;
            case 2 -> AdministrativeGender.FEMALE;
            case 3, 4 -> AdministrativeGender.OTHER;
            default -> AdministrativeGender.UNKNOWN;
        });
        if (r.date(DOB) != null) {
            p.setBirthDateElement(new DateType(r.date(DOB).toString()));
        } else {
            p.getBirthDateElement().addExtension(AuCodes.unknown());
        }
        if (r.dateTime(DATEOFDEATH) != null) {
            p.setDeceased(new DateTimeType(r.date(DATEOFDEATH).toString()));
        }
        if (r.text(ADDRESS1) != null || r.text(CITY) != null) {
            var address = p.addAddress().setUse(org.hl7.fhir.r4.model.Address.AddressUse.HOME)
                    .setCity(r.text(CITY)).setPostalCode(r.text(POSTCODE)).setCountry("AU");
            if (r.text(ADDRESS1) != null) {
                address.addLine(r.text(ADDRESS1));
            }
            if (r.text(ADDRESS2) != null) {
                address.addLine(r.text(ADDRESS2));
            }
        }
        p.setActive(r.integer(PATIENTSTATUS) != 2);
        int ethnic = r.integer(ETHNICCODE);
        p.addExtension(AuCodes.indigenousStatus(ethnic == 0 ? 9 : ethnic));
        Integer doctor = r.integer(USUAL_DOCTOR);
        if (doctor != null && doctor > 0) {
            p.addGeneralPractitioner(new Reference("Practitioner/" + doctor));
        }
        return p;
    }

    static Practitioner practitioner(Row r) {
        Practitioner p = new Practitioner();
        if (r.text(HPII) != null) {
            p.addIdentifier(AuCodes.hpii(r.text(HPII)));
        }
        if (r.text(PRESCRIBERNO) != null) {
            p.addIdentifier(AuCodes.prescriberNumber(r.text(PRESCRIBERNO)));
        }
        HumanName name = p.addName().setFamily(r.text(USER_SURNAME));
        if (r.text(USER_FIRSTNAME) != null) {
            name.addGiven(r.text(USER_FIRSTNAME));
        }
        phone(p, r.text(USER_PHONE), ContactPoint.ContactPointUse.WORK);
        if (r.text(USER_EMAIL) != null) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(r.text(USER_EMAIL))
                    .setUse(ContactPoint.ContactPointUse.WORK);
        }
        p.setActive(r.integer(USERSTATUS) == 1);
        return p;
    }

    private static void phone(Patient p, String number, ContactPoint.ContactPointUse use) {
        if (number != null) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(number).setUse(use);
        }
    }

    private static void phone(Practitioner p, String number, ContactPoint.ContactPointUse use) {
        if (number != null) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(number).setUse(use);
        }
    }
}
