package org.halocloud.mappings.au;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.halocloud.mappings.fhir.CodeTable;
import org.halocloud.mappings.fhir.CodeTable.Code;
import org.halocloud.mappings.fhir.MappedElement;
import org.halocloud.mappings.fhir.Params;
import org.halocloud.mappings.fhir.Row;
import org.halocloud.mappings.fhir.write.ColumnValues;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * One identifier a template declares over PMS columns, once: its system, the columns it reads, how a row renders
 * it (AU Base's type and system) and how {@code identifier=system|value} finds it. Searches compare the trimmed
 * column (as {@link Row#text} reads it) unless declared {@link #indexed()}.
 */
public final class AuIdentifier {

    private final String system;
    private final List<Field<?>> columns;
    private final Function<Row, Identifier> render;
    private final Function<String, Condition> search;
    private final Field<String> hpio;
    private final Field<String> recordNumber;
    private final Function<String, String> searched;
    /** The identifier read backwards into its columns (checked first); null when the PMS cannot be written it. */
    private BiConsumer<Identifier, ColumnValues> write;

    private AuIdentifier(String system, List<Field<?>> columns, Function<Row, Identifier> render,
                         Function<String, Condition> search, Field<String> hpio, Field<String> recordNumber) {
        this(system, columns, render, search, hpio, recordNumber, Function.identity());
    }

    private AuIdentifier(String system, List<Field<?>> columns, Function<Row, Identifier> render,
                         Function<String, Condition> search, Field<String> hpio, Field<String> recordNumber,
                         Function<String, String> searched) {
        this.system = system;
        this.columns = List.copyOf(columns);
        this.render = render;
        this.search = search;
        this.hpio = hpio;
        this.recordNumber = recordNumber;
        this.searched = searched;
    }

    /** Searches for {@code normalised(value)}: how a searched value is written as the column holds it. */
    private AuIdentifier searching(Function<String, String> normalised) {
        return new AuIdentifier(system, columns, render, search, hpio, recordNumber, normalised).writing(write);
    }

    private AuIdentifier writing(BiConsumer<Identifier, ColumnValues> backwards) {
        this.write = backwards;
        return this;
    }

    /** Writes the identifier's value into {@code column} when {@code valid} accepts it. */
    private static BiConsumer<Identifier, ColumnValues> into(Field<String> column, Predicate<String> valid, String what) {
        return (id, values) -> {
            String v = id.getValue() == null ? null : id.getValue().trim();
            if (v == null || v.isEmpty()) {
                return;
            }
            if (!valid.test(v)) {
                values.invalid("Patient.identifier: '" + what + "' is not a valid " + what + " (format or check digit).");
                return;
            }
            values.set(column, v, "identifier " + what);
        };
    }

    /** An identifier held in one column, rendered by {@code shape} from the trimmed text. */
    public static AuIdentifier value(String system, Field<String> column, Function<String, Identifier> shape) {
        return new AuIdentifier(system, List.of(column), r -> {
            String v = r.text(column);
            return v == null ? null : shape.apply(v);
        }, v -> DSL.trim(column).eq(v), null, null).writing(into(column, v -> true, system));
    }

    /** Any identifier: its own rendering (null when the row holds none) and search, over the given columns. */
    public static AuIdentifier of(String system, Function<Row, Identifier> render, Function<String, Condition> search,
                                  Field<?>... columns) {
        return new AuIdentifier(system, List.of(columns), render, search, null, null);
    }

    /** The identifiers AU Base shapes from one value: each {@link #of(Field) of} a column, searched by its system. */
    public enum Kind {
        IHI(AuIdentifiers.IHI_SYSTEM, AuCodes::ihi),
        HPII(AuIdentifiers.HPII_SYSTEM, AuCodes::hpii),
        HPIO(AuIdentifiers.HPIO_SYSTEM, AuCodes::hpio),
        PRESCRIBER_NUMBER(AuCodes.PRESCRIBER_NUMBER_SYSTEM, AuCodes::prescriberNumber),
        PROVIDER_NUMBER(AuCodes.PROVIDER_NUMBER_SYSTEM, AuCodes::providerNumber),
        AHPRA(AuCodes.AHPRA_SYSTEM, AuCodes::ahpra),
        /** An ABN: searched without the spaces it is written with ({@code 51 824 753 556}). */
        ABN(AuCodes.ABN_SYSTEM, AuCodes::abn, v -> v.replace(" ", ""));

        private final String system;
        private final Function<String, Identifier> shape;
        private final Function<String, String> searched;

        Kind(String system, Function<String, Identifier> shape) {
            this(system, shape, Function.identity());
        }

        Kind(String system, Function<String, Identifier> shape, Function<String, String> searched) {
            this.system = system;
            this.shape = shape;
            this.searched = searched;
        }

        /** This identifier ← the column's trimmed text (written only when it is well-formed: check digits). */
        public AuIdentifier of(Field<String> column) {
            return value(system, column, shape).searching(searched).writing(into(column, this::valid, name()));
        }

        /** A healthcare identifier (IHI, HPI-I, HPI-O) must carry its prefix and Luhn check digit. */
        boolean valid(String value) {
            return switch (this) {
                case IHI -> AuIdentifiers.isValidHealthcareIdentifier(value) && value.startsWith(AuIdentifiers.IHI_PREFIX);
                case HPII -> AuIdentifiers.isValidHealthcareIdentifier(value) && value.startsWith(AuIdentifiers.HPII_PREFIX);
                case HPIO -> AuIdentifiers.isValidHealthcareIdentifier(value) && value.startsWith(AuIdentifiers.HPIO_PREFIX);
                default -> true;
            };
        }

        /**
         * This identifier ← the digits of the column's text, when there are {@code length} of them (a number the
         * PMS keeps as typed, with spaces or dashes; others are left out); searched with the column's spaces removed.
         */
        public AuIdentifier ofDigits(Field<String> column, int length) {
            return new AuIdentifier(system, List.of(column), r -> {
                String digits = r.text(column) == null ? null : r.text(column).replaceAll("\\D", "");
                return digits == null || digits.length() != length ? null : shape.apply(digits);
            }, v -> DSL.replace(column, DSL.inline(" "), DSL.inline("")).eq(v), null, null).searching(searched)
                    .writing(into(column, v -> v.replaceAll("\\D", "").length() == length, name()));
        }
    }

    /** AU Base's Ahpra number shape: three letters (the profession) and ten digits. */
    public static final Predicate<String> AHPRA_FORMAT = v -> v.matches("[A-Z]{3}\\d{10}");

    /**
     * A Medicare card number (10 digits, spaces ignored) with its individual reference number, and its expiry as
     * the card prints it ({@code MM/YYYY} text, or a date column): month precision. {@code expiry} may be null.
     */
    public static AuIdentifier medicare(Field<String> card, Field<String> irn, Field<?> expiry) {
        List<Field<?>> columns = new ArrayList<>(List.of(card, irn));
        if (expiry != null) {
            columns.add(expiry);
        }
        return new AuIdentifier(AuIdentifiers.MEDICARE_SYSTEM, columns, r -> {
            String number = r.text(card) == null ? null : r.text(card).replaceAll("\\D", "");
            if (number == null || number.length() != 10) {
                return null;
            }
            String reference = r.text(irn);
            Identifier id = AuCodes.medicare(reference == null ? number : number + reference);
            String month = expiry == null ? null : expiryMonth(r, expiry);
            if (month != null) {
                id.getPeriod().setEndElement(new DateTimeType(month));
            }
            return id;
        }, v -> Params.medicare(v, card, irn), null, null).writing((id, values) -> {
            String v = id.getValue() == null ? "" : id.getValue().replaceAll("\\s", "");
            if (!v.matches("\\d{10,11}") || !AuIdentifiers.isValidMedicareCard(v.substring(0, 10))) {
                values.invalid("Patient.identifier: the Medicare number is not 10 digits with a valid check digit "
                        + "(and an optional individual reference number).");
                return;
            }
            values.set(card, v.substring(0, 10), "identifier Medicare");
            values.set(irn, v.length() == 11 ? v.substring(10) : null, "identifier Medicare");
            if (expiry != null && id.getPeriod().getEndElement().getValueAsString() != null) {
                writeExpiry(expiry, id.getPeriod().getEndElement().getValueAsString(), values);
            }
        });
    }

    /** A card's expiry from {@code YYYY-MM[-DD]}: as {@code MM/YYYY} text, or the month's first day in a date column. */
    @SuppressWarnings("unchecked")
    private static void writeExpiry(Field<?> expiry, String end, ColumnValues values) {
        if (end.length() < 7) {
            values.invalid("Patient.identifier: a Medicare card's expiry needs its month.");
            return;
        }
        if (expiry.getType() == LocalDateTime.class) {
            values.set((Field<LocalDateTime>) expiry, java.time.LocalDate.parse(end.substring(0, 7) + "-01").atStartOfDay(),
                    "identifier Medicare period");
        } else {
            values.set((Field<String>) expiry, end.substring(5, 7) + "/" + end.substring(0, 4), "identifier Medicare period");
        }
    }

    /** A card's expiry as {@code YYYY-MM}: from {@code MM/YYYY} text or a date column; null when none. */
    private static String expiryMonth(Row r, Field<?> expiry) {
        if (expiry.getType() == LocalDateTime.class) {
            var date = r.date(expiry);
            return date == null ? null : date.toString().substring(0, 7);
        }
        String text = r.text(expiry);
        return text != null && text.matches("\\d{2}/\\d{4}") ? text.substring(3) + "-" + text.substring(0, 2) : null;
    }

    /** A DVA file number, typed by the card its code table decodes. */
    public static AuIdentifier dva(Field<String> number, CodeTable<?, Code> card) {
        return new AuIdentifier(AuIdentifiers.DVA_SYSTEM, List.of(number, card.column()), r -> {
            String v = r.text(number);
            return v == null ? null : AuCodeTables.dva(v, card.decode(r));
        }, v -> DSL.trim(number).eq(v), null, null).writing((id, values) -> {
            String v = id.getValue() == null ? "" : id.getValue().trim();
            if (!v.matches("[NVQSWT][A-Z0-9 ]{1,8}")) {
                values.invalid("Patient.identifier: the DVA file number is not in DVA's format (a state letter, then up to 8).");
                return;
            }
            values.set(number, v, "identifier DVA");
            String type = id.getType().getCodingFirstRep().getCode();
            card.codes().stream().filter(c -> c.code().equals(type)).findFirst()
                    .ifPresent(c -> card.write(c, values, "Patient.identifier (DVA card type)"));
        });
    }

    /**
     * The practice's own record number as AU Base's HPI-O-scoped medical record number, assigned by the practice
     * ({@code assigner} its name); {@code identifier=<prefix><HPI-O>|number} must name the practice's HPI-O.
     */
    public static AuIdentifier medicalRecordNumber(Field<String> hpio, Field<String> number, Field<String> assigner) {
        return new AuIdentifier(AuCodes.MEDICAL_RECORD_PREFIX, List.of(hpio, number, assigner), r ->
                r.text(number) == null || r.text(hpio) == null ? null
                        : AuCodes.medicalRecordNumber(r.text(hpio), r.text(number), r.text(assigner)),
                null, hpio, number).writing(into(number, v -> true, "medical record number"));
    }

    /** Compares the column as stored ({@code column = ?}), so an index on it serves the search. */
    public AuIdentifier indexed() {
        Field<?> column = columns.get(0);
        @SuppressWarnings("unchecked")
        Field<String> text = (Field<String>) column;
        return new AuIdentifier(system, columns, render, text::eq, hpio, recordNumber, searched).writing(write);
    }

    /** Renders only values that pass {@code valid} (e.g. {@link #AHPRA_FORMAT}); others are left out. */
    public AuIdentifier when(Predicate<String> valid) {
        Function<Row, Identifier> all = render;
        return new AuIdentifier(system, columns, r -> {
            Identifier id = all.apply(r);
            return id == null || !valid.test(id.getValue()) ? null : id;
        }, search, hpio, recordNumber, searched).writing(write);
    }

    /** Adds to each rendered identifier (e.g. an extension) from further columns. */
    public AuIdentifier with(BiConsumer<Row, Identifier> more, Field<?>... read) {
        Function<Row, Identifier> plain = render;
        List<Field<?>> all = new ArrayList<>(columns);
        all.addAll(List.of(read));
        return new AuIdentifier(system, all, r -> {
            Identifier id = plain.apply(r);
            if (id != null) {
                more.accept(r, id);
            }
            return id;
        }, search, hpio, recordNumber, searched).writing(write);
    }

    /**
     * An IHI's AU Base status extensions: {@code ihi-status} and {@code ihi-record-status} from their code tables
     * (a value a table gives no code renders no extension).
     */
    public AuIdentifier withIhiStatus(CodeTable<?, Code> status, CodeTable<?, Code> recordStatus) {
        return with((r, id) -> {
            Code s = status.decode(r);
            if (s != null) {
                id.addExtension(AuCodes.ihiStatus(s.code()));
            }
            Code rs = recordStatus.decode(r);
            if (rs != null) {
                id.addExtension(AuCodes.ihiRecordStatus(rs.code()));
            }
        }, status.column(), recordStatus.column());
    }

    public String system() {
        return system;
    }

    public List<Field<?>> columns() {
        return columns;
    }

    /**
     * Reads {@code identifier} (of this identifier's system) back into its columns, or says the PMS cannot hold it.
     */
    public void write(Identifier identifier, ColumnValues values) {
        if (write == null) {
            values.unheld("Patient.identifier (system " + system + ")");
        } else {
            write.accept(identifier, values);
        }
    }

    /** True when {@code system} is this identifier's (a medical record number: any HPI-O's). */
    public boolean holds(String system) {
        return system != null && (isMedicalRecordNumber() ? system.startsWith(this.system) : system.equals(this.system));
    }

    /** The row's identifier; null when it holds none. */
    public Identifier render(Row row) {
        return render.apply(row);
    }

    /** The rows holding {@code value} under this identifier's system (not for a medical record number). */
    public Condition search(String value) {
        return search.apply(searched.apply(value));
    }

    /** True for the HPI-O-scoped medical record number, which a search matches by the practice's HPI-O. */
    public boolean isMedicalRecordNumber() {
        return recordNumber != null;
    }

    Field<String> hpioColumn() {
        return hpio;
    }

    Field<String> recordNumberColumn() {
        return recordNumber;
    }

    MappedElement element(String type) {
        return new MappedElement(type + ".identifier", system, columns, null);
    }
}
