package org.halocloud.mappings.au;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.halocloud.mappings.au.AuIdentifier.Kind;
import org.halocloud.mappings.fhir.CodeTable;
import org.halocloud.mappings.fhir.MappedElement;
import org.halocloud.mappings.fhir.Params;
import org.halocloud.mappings.fhir.Ref;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.halocloud.mappings.fhir.Row;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The Organization and Location templates: identifiers (HPI-O, ABN), name, telecom, address; searches derived. */
class AuCorePlacesTest {

    private static final Table<?> SITES = DSL.table(DSL.name("SITES"));
    private static final Field<Integer> ID = field("ID", Integer.class);
    private static final Field<String> NAME = field("NAME", String.class);
    private static final Field<String> HPIO = field("HPIO", String.class);
    private static final Field<String> ABN = field("ABN", String.class);
    private static final Field<String> PHONE = field("PHONE", String.class);
    private static final Field<String> LINE1 = field("LINE1", String.class);
    private static final Field<String> SUBURB = field("SUBURB", String.class);
    private static final Field<String> STATE = field("STATE", String.class);
    private static final Field<String> POSTCODE = field("POSTCODE", String.class);
    private static final Field<Integer> OPEN = field("OPEN", Integer.class);

    private static final CodeTable<Integer, Boolean> OPEN_CODES = CodeTable.<Integer, Boolean>of(OPEN, "", String::valueOf)
            .code(true, 1).code(false, 0).otherwise(false);

    private static final ResourceMapping<Organization, Integer> ORGANIZATIONS = AuCoreOrganization
            .of(ID, Params::integerId).from(SITES)
            .identifiers(Kind.HPIO.of(HPIO).indexed(), Kind.ABN.of(ABN))
            .name(NAME).healthcareProvider()
            .phone(ContactPoint.ContactPointUse.WORK, PHONE)
            .address(LINE1, null, SUBURB, STATE, POSTCODE)
            .active(OPEN_CODES)
            .mapping();

    private static final ResourceMapping<Location, Integer> LOCATIONS = AuCoreLocation
            .of(ID, Params::integerId).from(SITES)
            .name(NAME).mode(Location.LocationMode.INSTANCE).building()
            .address(LINE1, null, SUBURB, null, POSTCODE).addressType(Address.AddressType.PHYSICAL)
            .active(OPEN_CODES)
            .managingOrganization(Ref.to(ORGANIZATIONS, ID).display(NAME))
            .without("organization")
            .mapping();

    @Test
    void theSelectListsAndSearchesComeFromTheDeclarations() {
        assertThat(ORGANIZATIONS.columns()).extracting(Field::getName)
                .containsExactly("ID", "HPIO", "ABN", "NAME", "PHONE", "LINE1", "SUBURB", "STATE", "POSTCODE", "OPEN");
        assertThat(ORGANIZATIONS.search().keySet()).containsExactly("_id", "identifier", "name", "address");
        assertThat(ORGANIZATIONS.profile()).isEqualTo(AuProfiles.ORGANIZATION);
        assertThat(LOCATIONS.search().keySet()).as("no state column: no address-state; organization left out")
                .containsExactly("_id", "name", "address", "address-city", "address-postalcode");
        assertThat(LOCATIONS.profile()).isEqualTo(AuProfiles.LOCATION);
        assertThat(LOCATIONS.elements()).filteredOn(e -> e.path().equals("Location.managingOrganization"))
                .extracting(MappedElement::qualifier).containsExactly("Organization");
    }

    @Test
    void anOrganizationRendersItsIdentifiersNameTypeTelecomAndWorkAddress() {
        Organization o = ORGANIZATIONS.map(row(Map.of("ID", 4, "NAME", "Harbour Dental", "HPIO", "8003621566684455",
                "ABN", "51 824 753 556", "PHONE", "02 9000 0000", "LINE1", "1 Quay St", "SUBURB", "Sydney",
                "STATE", "NSW", "POSTCODE", "2000", "OPEN", 1)));

        assertThat(o.getIdElement().getValue()).isEqualTo("Organization/4");
        assertThat(o.getIdentifier()).extracting(i -> i.getSystem())
                .containsExactly(AuIdentifiers.HPIO_SYSTEM, AuCodes.ABN_SYSTEM);
        assertThat(o.getIdentifier().get(1).getValue()).isEqualTo("51 824 753 556");
        assertThat(o.getName()).isEqualTo("Harbour Dental");
        assertThat(o.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("prov");
        assertThat(o.getTelecomFirstRep().getUse()).isEqualTo(ContactPoint.ContactPointUse.WORK);
        assertThat(o.getAddressFirstRep().getUse()).isEqualTo(Address.AddressUse.WORK);
        assertThat(o.getAddressFirstRep().getState()).isEqualTo("NSW");
        assertThat(o.getActive()).isTrue();
    }

    @Test
    void anOrganizationWithoutANameSaysSoAsAuCoreAsks() {
        Organization o = ORGANIZATIONS.map(row(Map.of("ID", 5, "OPEN", 0)));

        assertThat(o.getNameElement().getExtensionFirstRep().getUrl()).isEqualTo(AuCodes.DATA_ABSENT_REASON);
        assertThat(o.getActive()).isFalse();
        assertThat(o.hasAddress()).isFalse();
        assertThat(o.hasTelecom()).isFalse();
    }

    @Test
    void theAbnIsSearchedWithoutItsSpacesTheHpioAsStored() {
        assertThat(where(ORGANIZATIONS, "identifier", AuCodes.ABN_SYSTEM + "|51 824 753 556"))
                .isEqualTo("trim(SITES.ABN) = '51824753556'");
        assertThat(where(ORGANIZATIONS, "identifier", AuIdentifiers.HPIO_SYSTEM + "|8003621566684455"))
                .isEqualTo("SITES.HPIO = '8003621566684455'");
        assertThat(where(ORGANIZATIONS, "name", "harb")).contains("SITES.NAME");
        assertThat(where(ORGANIZATIONS, "address", "syd")).contains("SITES.LINE1", "SITES.SUBURB", "SITES.STATE",
                "SITES.POSTCODE");
    }

    @Test
    void anAbnKeptAsTypedRendersAsItsDigitsAndIsSearchedWithTheColumnsSpacesRemoved() {
        AuIdentifier typed = Kind.ABN.ofDigits(ABN, 11);
        assertThat(typed.render(row(Map.of("ABN", "51-824 753 556"))).getValue()).isEqualTo("51824753556");
        assertThat(typed.render(row(Map.of("ABN", "5182475")))).as("not 11 digits").isNull();
        assertThat(SQL.renderInlined(typed.search("51 824 753 556")))
                .isEqualTo("replace(SITES.ABN, ' ', '') = '51824753556'");
    }

    @Test
    void aLocationRendersItsStatusModeTypeAddressAndManagingOrganization() {
        Location l = LOCATIONS.map(row(Map.of("ID", 4, "NAME", "Harbour Dental", "LINE1", "1 Quay St",
                "SUBURB", "Sydney", "POSTCODE", "2000", "OPEN", 0)));

        assertThat(l.getIdElement().getValue()).isEqualTo("Location/4");
        assertThat(l.getName()).isEqualTo("Harbour Dental");
        assertThat(l.getStatus()).isEqualTo(Location.LocationStatus.INACTIVE);
        assertThat(l.getMode()).isEqualTo(Location.LocationMode.INSTANCE);
        assertThat(l.getPhysicalType().getCodingFirstRep().getCode()).isEqualTo("bu");
        assertThat(l.getAddress().getUse()).isEqualTo(Address.AddressUse.WORK);
        assertThat(l.getAddress().getType()).isEqualTo(Address.AddressType.PHYSICAL);
        assertThat(l.getManagingOrganization().getReference()).isEqualTo("Organization/4");
        assertThat(l.getManagingOrganization().getDisplay()).isEqualTo("Harbour Dental");
        assertThat(where(LOCATIONS, "address-city", "syd")).contains("SITES.SUBURB").doesNotContain("LINE1");
    }

    @Test
    void aLocationWithoutAnAddressOrStatusRendersNone() {
        ResourceMapping<Location, Integer> plain = AuCoreLocation.of(ID, Params::integerId).from(SITES)
                .name(NAME).address(LINE1, null, SUBURB, STATE, POSTCODE).alwaysActive()
                .managingOrganization(Ref.to(ORGANIZATIONS, ID)).mapping();
        Location l = plain.map(row(Map.of("ID", 6, "NAME", "Annex")));

        assertThat(l.hasAddress()).isFalse();
        assertThat(l.getStatus()).isEqualTo(Location.LocationStatus.ACTIVE);
        assertThat(l.hasMode()).isFalse();
        assertThat(l.hasPhysicalType()).isFalse();
        assertThat(plain.search().keySet()).containsExactly("_id", "name", "address", "address-city", "address-state",
                "address-postalcode", "organization");
        assertThat(SQL.renderInlined(plain.search().get("organization").condition(null, List.of("Organization/6"), null)))
                .isEqualTo("SITES.ID = 6");
    }

    private static final org.jooq.DSLContext SQL = DSL.using(SQLDialect.H2,
            new org.jooq.conf.Settings().withRenderQuotedNames(org.jooq.conf.RenderQuotedNames.NEVER));

    private static String where(ResourceMapping<?, ?> mapping, String parameter, String value) {
        return SQL.renderInlined(mapping.search().get(parameter).condition(null, List.of(value), null));
    }

    private static Row row(Map<String, Object> values) {
        return TestRows.of(List.of("ID", "NAME", "HPIO", "ABN", "PHONE", "LINE1", "SUBURB", "STATE", "POSTCODE", "OPEN"),
                values);
    }

    private static <T> Field<T> field(String column, Class<T> type) {
        return DSL.field(DSL.name("SITES", column), type);
    }
}
