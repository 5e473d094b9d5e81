package org.halocloud.mappings.au;

import org.halocloud.mappings.fhir.CodeTable;
import org.halocloud.mappings.fhir.CodeTable.Code;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.jooq.Field;

/** Code tables every vendor declares over its own column, with AU Base's codes on the FHIR side. */
public final class AuCodeTables {

    private AuCodeTables() {
    }

    /** AIHW's "not stated/inadequately described", which AU Base renders for anything but 1–4. */
    public static final int INDIGENOUS_NOT_STATED = 9;

    /**
     * Indigenous status stored as AIHW's own numbers 1–4, with {@code notStated} the vendor's values for 9; any other
     * value renders 9 too. The caller says what no value renders ({@code absent}) and builds it.
     */
    public static CodeTable.Builder<Integer, Integer> indigenousStatus(Field<Integer> column, Integer... notStated) {
        return CodeTable.<Integer, Integer>of(column, AuCodes.INDIGENOUS_STATUS_SYSTEM, String::valueOf)
                .code(1, 1).code(2, 2).code(3, 3).code(4, 4)
                .code(INDIGENOUS_NOT_STATED, notStated)
                .unlisted(INDIGENOUS_NOT_STATED);
    }

    /**
     * Gender as the letters AU practice software stores: M, F, X (indeterminate/intersex/unspecified) and U; the
     * caller declares the fallbacks and builds it.
     */
    public static CodeTable.Builder<String, AdministrativeGender> genderLetters(Field<String> column, boolean ignoringCase) {
        CodeTable.Builder<String, AdministrativeGender> letters = CodeTable.of(column, AuCodes.GENDER_SYSTEM,
                AdministrativeGender::toCode);
        if (ignoringCase) {
            letters.ignoringCase();
        }
        return letters.code(AdministrativeGender.MALE, "M").code(AdministrativeGender.FEMALE, "F")
                .code(AdministrativeGender.OTHER, "X").code(AdministrativeGender.UNKNOWN, "U");
    }

    /** DVA card letters G gold, W white, O orange; the caller adds any others and the fallback. */
    public static CodeTable.Builder<String, Code> dvaCardLetters(Field<String> column) {
        return CodeTable.coded(column, AuCodes.AU_V2_0203)
                .code(DVA_GOLD, "G").code(DVA_WHITE, "W").code(DVA_ORANGE, "O");
    }

    /** AU Base's DVA card types (the identifier type of a DVA number, v2-0203 AU). */
    public static final Code DVA_GOLD = new Code("DVG", "DVA Gold Card");
    public static final Code DVA_WHITE = new Code("DVW", "DVA White Card");
    public static final Code DVA_ORANGE = new Code("DVO", "DVA Orange Card");
    public static final Code DVA_LILAC = new Code("DVL", "DVA Lilac Card");
    /** A DVA number whose card the PMS does not record. */
    public static final Code DVA_NUMBER = new Code("DVAU", "DVA Number");

    /** A DVA file number with the card type its code table decodes. */
    public static org.hl7.fhir.r4.model.Identifier dva(String number, Code card) {
        return AuCodes.dva(number, card.code(), card.display());
    }
}
