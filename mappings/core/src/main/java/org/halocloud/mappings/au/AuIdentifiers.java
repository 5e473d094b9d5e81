package org.halocloud.mappings.au;

import java.util.Random;

/**
 * Australian healthcare identifiers: the systems AU Base uses and synthetic, check-digit-valid values for demos.
 *
 * <p>IHI, HPI-I and HPI-O are 16 digits: the 6-digit prefix (800360, 800361, 800362) then 9 digits then a Luhn
 * check digit. Medicare card numbers are 10 digits whose 9th digit is a weighted check digit, followed by the
 * individual reference number (1..9). Values made here are synthetic and never issued to a real person.
 */
public final class AuIdentifiers {

    public static final String IHI_SYSTEM = "http://ns.electronichealth.net.au/id/hi/ihi/1.0";
    public static final String HPII_SYSTEM = "http://ns.electronichealth.net.au/id/hi/hpii/1.0";
    public static final String HPIO_SYSTEM = "http://ns.electronichealth.net.au/id/hi/hpio/1.0";
    public static final String MEDICARE_SYSTEM = "http://ns.electronichealth.net.au/id/medicare-number";
    public static final String DVA_SYSTEM = "http://ns.electronichealth.net.au/id/dva";

    public static final String IHI_PREFIX = "800360";
    public static final String HPII_PREFIX = "800361";
    public static final String HPIO_PREFIX = "800362";

    private static final int[] MEDICARE_WEIGHTS = {1, 3, 7, 9, 1, 3, 7, 9};

    private AuIdentifiers() {
    }

    public static String ihi(Random random) {
        return healthcareIdentifier(IHI_PREFIX, random);
    }

    public static String hpii(Random random) {
        return healthcareIdentifier(HPII_PREFIX, random);
    }

    public static String hpio(Random random) {
        return healthcareIdentifier(HPIO_PREFIX, random);
    }

    /** A 10-digit Medicare card number (first digit 2..6, valid check digit, issue number 1). */
    public static String medicareCard(Random random) {
        StringBuilder digits = new StringBuilder().append(2 + random.nextInt(5));
        for (int i = 0; i < 7; i++) {
            digits.append(random.nextInt(10));
        }
        digits.append(medicareCheckDigit(digits));
        return digits.append('1').toString();
    }

    /** DVA file number: state letter, war code, digits (e.g. {@code NX123456}). */
    public static String dvaNumber(Random random) {
        String states = "NVQSWT";
        return "" + states.charAt(random.nextInt(states.length())) + 'X' + String.format("%06d", random.nextInt(1_000_000));
    }

    public static boolean isValidHealthcareIdentifier(String value) {
        return value != null && value.matches("\\d{16}") && luhnCheckDigit(value.substring(0, 15)) == value.charAt(15) - '0';
    }

    public static boolean isValidMedicareCard(String value) {
        return value != null && value.matches("[2-6]\\d{9}")
                && medicareCheckDigit(value.substring(0, 8)) == value.charAt(8) - '0';
    }

    private static String healthcareIdentifier(String prefix, Random random) {
        StringBuilder digits = new StringBuilder(prefix);
        while (digits.length() < 15) {
            digits.append(random.nextInt(10));
        }
        return digits.append(luhnCheckDigit(digits)).toString();
    }

    static int luhnCheckDigit(CharSequence payload) {
        int sum = 0;
        boolean twice = true; // the rightmost payload digit is doubled
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }

    static int medicareCheckDigit(CharSequence firstEight) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (firstEight.charAt(i) - '0') * MEDICARE_WEIGHTS[i];
        }
        return sum % 10;
    }
}
