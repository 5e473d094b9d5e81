package org.halocloud.mappings.au;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.halocloud.mappings.au.AuIdentifier.Kind;
import org.halocloud.mappings.fhir.CodeTable;
import org.halocloud.mappings.fhir.MappedElement;
import org.halocloud.mappings.fhir.Params;
import org.halocloud.mappings.fhir.Ref;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.halocloud.mappings.fhir.Row;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The AU Core templates derive the select list, the searches and the row mapper from one declaration per element. */
class AuCoreTemplatesTest {

    private static final Table<?> DOCTORS = DSL.table(DSL.name("DOCTORS"));
    private static final Field<Integer> DOCTOR_ID = text("DOCTORS", "ID", Integer.class);
    private static final Field<String> DOCTOR_SURNAME = text("DOCTORS", "SURNAME", String.class);
    private static final Field<String> DOCTOR_FIRST = text("DOCTORS", "FIRST", String.class);
    private static final Field<String> HPII = text("DOCTORS", "HPII", String.class);
    private static final Field<Integer> DOCTOR_ACTIVE = text("DOCTORS", "ACTIVE", Integer.class);

    private static final Table<?> PEOPLE = DSL.table(DSL.name("PEOPLE"));
    private static final Field<Integer> ID = text("PEOPLE", "ID", Integer.class);
    private static final Field<String> SURNAME = text("PEOPLE", "SURNAME", String.class);
    private static final Field<String> FIRST = text("PEOPLE", "FIRST", String.class);
    private static final Field<String> MIDDLE = text("PEOPLE", "MIDDLE", String.class);
    private static final Field<String> KNOWN_AS = text("PEOPLE", "KNOWN_AS", String.class);
    private static final Field<String> SEX = text("PEOPLE", "SEX", String.class);
    private static final Field<LocalDateTime> BORN = text("PEOPLE", "BORN", LocalDateTime.class);
    private static final Field<String> IHI = text("PEOPLE", "IHI", String.class);
    private static final Field<String> DVA = text("PEOPLE", "DVA", String.class);
    private static final Field<String> DVA_CARD = text("PEOPLE", "DVA_CARD", String.class);
    private static final Field<String> MOBILE = text("PEOPLE", "MOBILE", String.class);
    private static final Field<Integer> DOCTOR = text("PEOPLE", "DOCTOR", Integer.class);
    private static final Field<String> NICKNAME = text("PEOPLE", "NICKNAME", String.class);

    private static final CodeTable<String, AdministrativeGender> GENDER = AuCodeTables.genderLetters(SEX, false)
            .otherwise(AdministrativeGender.UNKNOWN);

    private static final ResourceMapping<Practitioner, Integer> PRACTITIONERS = AuCorePractitioner
            .of(DOCTOR_ID, Params::integerId).from(DOCTORS)
            .identifiers(Kind.HPII.of(HPII).indexed())
            .family(DOCTOR_SURNAME).given(DOCTOR_FIRST)
            .active(CodeTable.<Integer, Boolean>of(DOCTOR_ACTIVE, "", String::valueOf).code(true, 1).code(false, 0).otherwise(false))
            .without("given")
            .mapping();

    private static final AuCorePatient<Integer> TEMPLATE = AuCorePatient.of(ID, Params::integerId).from(PEOPLE)
            .identifiers(Kind.IHI.of(IHI).indexed(),
                    AuIdentifier.dva(DVA, AuCodeTables.dvaCardLetters(DVA_CARD).otherwise(AuCodeTables.DVA_NUMBER)))
            .family(SURNAME).given(FIRST).middleName(MIDDLE).preferred(KNOWN_AS)
            .phone(ContactPoint.ContactPointUse.MOBILE, MOBILE)
            .gender(GENDER).birthDate(BORN)
            .generalPractitioner(Ref.to(PRACTITIONERS, DOCTOR))
            .extras((row, patient) -> {
                if (row.text(NICKNAME) != null) {
                    patient.addName().setText(row.text(NICKNAME));
                }
            }, NICKNAME);
    private static final ResourceMapping<Patient, Integer> PATIENTS = TEMPLATE.mapping();

    @Test
    void theSelectListIsTheKeyThenEveryDeclaredColumnOnceThenTheExtras() {
        assertThat(PATIENTS.columns()).extracting(Field::getName).containsExactly("ID", "IHI", "DVA", "DVA_CARD",
                "SURNAME", "FIRST", "MIDDLE", "KNOWN_AS", "MOBILE", "SEX", "BORN", "DOCTOR", "NICKNAME");
        assertThat(PRACTITIONERS.columns()).extracting(Field::getName).containsExactly("ID", "HPII", "SURNAME", "FIRST", "ACTIVE");
    }

    @Test
    void theSearchesAreAuCoresForTheDeclaredElementsLessThoseAPmsDoesNotAnswer() {
        assertThat(PATIENTS.search().keySet()).containsExactly("_id", "identifier", "family", "given", "name", "birthdate", "gender");
        assertThat(PRACTITIONERS.search().keySet()).containsExactly("_id", "identifier", "name", "family");
        assertThat(PATIENTS.profile()).isEqualTo(AuProfiles.PATIENT);
    }

    @Test
    void aDeclaredElementRendersAndSearchesFromTheSameColumn() {
        Patient p = PATIENTS.map(row(Map.of("ID", 7, "SURNAME", " Nguyen  ", "FIRST", "Anh", "MIDDLE", "Thi",
                "KNOWN_AS", "Annie", "SEX", "F", "BORN", "1990-02-03T00:00", "IHI", "8003608111288692", "DOCTOR", 3,
                "MOBILE", "0400 000 000")));

        assertThat(p.getIdElement().getValue()).isEqualTo("Patient/7");
        assertThat(p.getNameFirstRep().getUse()).isEqualTo(HumanName.NameUse.OFFICIAL);
        assertThat(p.getNameFirstRep().getFamily()).isEqualTo("Nguyen");
        assertThat(p.getNameFirstRep().getGiven()).extracting(Object::toString).containsExactly("Anh", "Thi");
        assertThat(p.getName().get(1).getUse()).isEqualTo(HumanName.NameUse.USUAL);
        assertThat(p.getName().get(1).getGivenAsSingleString()).isEqualTo("Annie");
        assertThat(p.getGender()).isEqualTo(AdministrativeGender.FEMALE);
        assertThat(p.getBirthDateElement().getValueAsString()).isEqualTo("1990-02-03");
        assertThat(p.getIdentifierFirstRep().getSystem()).isEqualTo(AuIdentifiers.IHI_SYSTEM);
        assertThat(p.getTelecomFirstRep().getUse()).isEqualTo(ContactPoint.ContactPointUse.MOBILE);
        assertThat(p.getGeneralPractitionerFirstRep().getReference()).isEqualTo("Practitioner/3");

        assertThat(where("family", null, "ngu")).isEqualTo("upper(trim(PEOPLE.SURNAME)) like upper('ngu%') escape '!'");
        assertThat(where("family", "exact", "Nguyen")).isEqualTo("trim(PEOPLE.SURNAME) = 'Nguyen'");
        assertThat(where("given", null, "a")).contains("PEOPLE.FIRST").contains("PEOPLE.KNOWN_AS").doesNotContain("MIDDLE");
        assertThat(where("name", null, "a")).contains("PEOPLE.SURNAME", "PEOPLE.FIRST", "PEOPLE.MIDDLE", "PEOPLE.KNOWN_AS");
        assertThat(where("gender", null, "female")).isEqualTo("trim(PEOPLE.SEX) in ('F')");
        assertThat(where("identifier", null, AuIdentifiers.IHI_SYSTEM + "|8003608111288692"))
                .isEqualTo("PEOPLE.IHI = '8003608111288692'");
        assertThat(where("identifier", null, AuIdentifiers.DVA_SYSTEM + "|NX1")).isEqualTo("trim(PEOPLE.DVA) = 'NX1'");
    }

    @Test
    void absentDataRendersAsAuCoreAsksAndTheExtrasRunAfterTheTemplate() {
        Patient p = PATIENTS.map(row(Map.of("ID", 8, "SURNAME", "Lee", "DOCTOR", 0, "NICKNAME", "Bo")));

        assertThat(p.getIdentifier()).hasSize(1);
        assertThat(p.getIdentifierFirstRep().getExtensionFirstRep().getUrl()).isEqualTo(AuCodes.DATA_ABSENT_REASON);
        assertThat(p.getBirthDateElement().getExtensionFirstRep().getUrl()).isEqualTo(AuCodes.DATA_ABSENT_REASON);
        assertThat(p.getGender()).isEqualTo(AdministrativeGender.UNKNOWN);
        assertThat(p.hasGeneralPractitioner()).as("0 is no doctor").isFalse();
        assertThat(p.getName()).hasSize(2);
        assertThat(p.getName().get(1).getText()).isEqualTo("Bo");
        assertThat(p.hasTelecom()).isFalse();
    }

    @Test
    void theDeclarationsReadBackwardsGiveTheColumnsAndCodesAWriteStores() {
        assertThat(element("Patient.name.family").columns()).containsExactly(SURNAME);
        assertThat(element("Patient.birthDate").columns()).containsExactly(BORN);
        MappedElement gender = element("Patient.gender");
        assertThat(gender.columns()).containsExactly(SEX);
        @SuppressWarnings("unchecked")
        CodeTable<String, AdministrativeGender> codes = (CodeTable<String, AdministrativeGender>) gender.codes();
        assertThat(codes.encode(AdministrativeGender.OTHER)).contains("X");
        assertThat(PATIENTS.elements()).filteredOn(e -> e.path().equals("Patient.identifier"))
                .extracting(MappedElement::qualifier).containsExactly(AuIdentifiers.IHI_SYSTEM, AuIdentifiers.DVA_SYSTEM);
        MappedElement doctor = element("Patient.generalPractitioner");
        assertThat(doctor.qualifier()).isEqualTo("Practitioner");
        assertThat(doctor.columns()).containsExactly(DOCTOR);
    }

    @Test
    void aReferenceNamesItsTargetMappingForItsTypeAndIds() {
        Ref<Integer> doctor = Ref.to(PRACTITIONERS, DOCTOR);
        assertThat(doctor.type()).isEqualTo("Practitioner");
        assertThat(doctor.parameter().targets()).containsExactly("Practitioner");
        String sql = SQL.renderInlined(doctor.parameter().condition(null, List.of("Practitioner/12"), null));
        assertThat(sql).isEqualTo("PEOPLE.DOCTOR = 12");
        assertThat(SQL.renderInlined(doctor.parameter().condition(null, List.of("x1"), null)))
                .as("an id the target's mapping does not parse").isEqualTo("(1 = 0)");
    }

    @Test
    void identifiersRenderTheirAuBaseShapeAndMayBeValidated() {
        Field<String> ahpra = text("DOCTORS", "AHPRA", String.class);
        AuIdentifier checked = Kind.AHPRA.of(ahpra).when(AuIdentifier.AHPRA_FORMAT);
        assertThat(checked.render(row(Map.of("AHPRA", "MED0001234567")))).extracting(Identifier::getSystem)
                .isEqualTo(AuCodes.AHPRA_SYSTEM);
        assertThat(checked.render(row(Map.of("AHPRA", "12345")))).isNull();
        Field<String> card = text("PEOPLE", "CARD", String.class);
        Field<String> irn = text("PEOPLE", "IRN", String.class);
        Field<String> expiry = text("PEOPLE", "EXPIRY", String.class);
        Identifier medicare = AuIdentifier.medicare(card, irn, expiry)
                .render(row(Map.of("CARD", "2123 45670 1", "IRN", "2", "EXPIRY", "09/2028")));
        assertThat(medicare.getValue()).isEqualTo("21234567012");
        assertThat(medicare.getPeriod().getEndElement().getValueAsString()).isEqualTo("2028-09");
    }

    private static final org.jooq.DSLContext SQL = DSL.using(SQLDialect.H2,
            new org.jooq.conf.Settings().withRenderQuotedNames(org.jooq.conf.RenderQuotedNames.NEVER));

    private static MappedElement element(String path) {
        return PATIENTS.elements().stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow();
    }

    private static String where(String parameter, String modifier, String value) {
        return SQL.renderInlined(PATIENTS.search().get(parameter).condition(modifier, List.of(value), null));
    }

    /** A row as a Link sends it: every selected column, null unless given. */
    private static Row row(Map<String, Object> values) {
        return TestRows.of(List.of("ID", "IHI", "DVA", "DVA_CARD", "SURNAME", "FIRST", "MIDDLE", "KNOWN_AS", "MOBILE",
                "SEX", "BORN", "DOCTOR", "NICKNAME", "AHPRA", "CARD", "IRN", "EXPIRY"), values);
    }

    private static <T> Field<T> text(String table, String column, Class<T> type) {
        return DSL.field(DSL.name(table, column), type);
    }

}
