package org.halocloud.mappings.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Australian-looking synthetic people, places and business numbers for the demo databases. Phone numbers come
 * from ACMA's ranges reserved for fiction, e-mail addresses use reserved example domains, ABNs and Medicare
 * provider numbers carry valid check digits.
 */
public final class SyntheticAu {

    public record Address(String line1, String line2, String suburb, String state, String postcode) {
    }

    private static final String[] FEMALE = {"Olivia", "Charlotte", "Amelia", "Isla", "Mia", "Ava", "Grace", "Chloe",
        "Zoe", "Ruby", "Sophie", "Emily", "Matilda", "Harper", "Ella", "Lily", "Sarah", "Jessica", "Emma", "Hannah",
        "Margaret", "Patricia", "Susan", "Helen", "Karen", "Michelle", "Priya", "Mei", "Linh", "Fatima", "Aisha",
        "Maria", "Sofia", "Anh", "Jacinta", "Kylie", "Narelle", "Tahlia", "Georgia", "Leilani"};
    private static final String[] MALE = {"Oliver", "Noah", "Jack", "William", "Leo", "Lucas", "Thomas", "Henry",
        "James", "Charlie", "Liam", "Ethan", "Lachlan", "Cooper", "Mason", "Hudson", "Daniel", "Matthew", "Andrew",
        "Michael", "David", "Peter", "John", "Robert", "Graham", "Bruce", "Raj", "Wei", "Minh", "Omar", "Ahmed",
        "Giorgos", "Marco", "Hamish", "Bradley", "Darren", "Kieran", "Jarrah", "Tane", "Sione"};
    private static final String[] FAMILY = {"Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Johnson",
        "White", "Martin", "Anderson", "Thompson", "Nguyen", "Tran", "Le", "Walker", "Harris", "Lee", "Ryan",
        "Robinson", "Kelly", "King", "Davis", "Wright", "Mitchell", "Campbell", "Clarke", "Hughes", "O'Brien",
        "O'Connor", "McDonald", "MacKenzie", "Singh", "Patel", "Kumar", "Sharma", "Chen", "Wang", "Zhang", "Li",
        "Liu", "Papadopoulos", "Nikolaidis", "Rossi", "Russo", "Ferrari", "Kowalski", "Novak", "Haddad", "Khoury",
        "Ali", "Hassan", "Murphy", "Sullivan", "Fraser", "Stewart", "Walsh", "Graham", "Ngata", "Fonua", "Smith-Jones"};
    private static final String[] STREETS = {"George", "King", "Queen", "Victoria", "Albert", "Church", "High",
        "Station", "Railway", "Park", "Beach", "Bay", "Hill", "Forest", "Wattle", "Banksia", "Acacia", "Waratah",
        "Jacaranda", "Bottlebrush", "Kookaburra", "Lorikeet", "Macquarie", "Flinders", "Bourke", "Collins",
        "Elizabeth", "Hunter", "Murray", "Darling", "Cook", "Banks", "Phillip", "Lachlan", "Hume", "Oxley"};
    private static final String[] STREET_TYPES = {"Street", "Street", "Road", "Road", "Avenue", "Crescent",
        "Parade", "Court", "Place", "Drive", "Lane", "Terrace", "Close", "Way"};
    /** Suburb, postcode; grouped by state. */
    private static final List<String[]> SUBURBS = List.of(
        new String[] {"NSW", "Parramatta 2150", "Blacktown 2148", "Newtown 2042", "Chatswood 2067", "Penrith 2750",
            "Liverpool 2170", "Hornsby 2077", "Manly 2095", "Bankstown 2200", "Wollongong 2500"},
        new String[] {"VIC", "Brunswick 3056", "Footscray 3011", "Box Hill 3128", "Frankston 3199", "Dandenong 3175",
            "Werribee 3030", "Richmond 3121", "Coburg 3058", "Glen Waverley 3150", "Geelong 3220"},
        new String[] {"QLD", "Toowong 4066", "Chermside 4032", "Indooroopilly 4068", "Carindale 4152",
            "Southport 4215", "Ipswich 4305", "Redcliffe 4020", "Sunnybank 4109", "Springwood 4127", "Nundah 4012"},
        new String[] {"WA", "Fremantle 6160", "Joondalup 6027", "Subiaco 6008", "Morley 6062", "Cannington 6107",
            "Midland 6056", "Scarborough 6019", "Rockingham 6168"},
        new String[] {"SA", "Glenelg 5045", "Norwood 5067", "Salisbury 5108", "Marion 5043", "Prospect 5082",
            "Modbury 5092", "Unley 5061"},
        new String[] {"TAS", "Sandy Bay 7005", "Glenorchy 7010", "Kingston 7050", "Launceston 7250"},
        new String[] {"ACT", "Belconnen 2617", "Kingston 2604", "Woden 2606", "Gungahlin 2912"},
        new String[] {"NT", "Darwin 0800", "Palmerston 0830", "Casuarina 0810"});
    private static final int[] STATE_WEIGHTS = {31, 26, 21, 11, 7, 2, 1, 1};
    /** ACMA fictional mobile ranges: 0491 570 006-159, 0491 574 118-632, 0491 575 254-789. */
    private static final int[][] FICTIONAL_MOBILE = {{570_006, 570_159}, {574_118, 574_632}, {575_254, 575_789}};
    private static final String EMAIL_DOMAINS = "example.com example.net example.org example.com.au";

    private SyntheticAu() {
    }

    /** An independent, well-mixed random stream for one entity (e.g. one patient) of one seed. */
    public static Random random(long seed, long entity) {
        long z = seed * 0x9E3779B97F4A7C15L + entity;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    public static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    public static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    public static boolean chance(Random r, double p) {
        return r.nextDouble() < p;
    }

    public static String digits(Random r, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(r.nextInt(10));
        }
        return s.toString();
    }

    public static String givenName(Random r, char sex) {
        return pick(r, sex == 'F' ? FEMALE : sex == 'M' ? MALE : r.nextBoolean() ? FEMALE : MALE);
    }

    /** A second given name, never the same as the first. */
    public static String middleName(Random r, char sex, String given) {
        String middle = givenName(r, sex);
        return middle.equals(given) ? givenName(r, sex == 'F' ? 'M' : 'F') : middle;
    }

    public static String familyName(Random r) {
        return pick(r, FAMILY);
    }

    /** M or F mostly, a few X (another term) and U (not stated). */
    public static char sex(Random r) {
        int n = r.nextInt(200);
        return n < 98 ? 'M' : n < 197 ? 'F' : n < 199 ? 'X' : 'U';
    }

    public static String title(Random r, char sex, int age) {
        if (age < 16) {
            return sex == 'M' ? "Mstr" : sex == 'F' ? "Miss" : null;
        }
        return switch (sex) {
            case 'M' -> "Mr";
            case 'F' -> pick(r, new String[] {"Mrs", "Ms", "Miss", "Ms"});
            case 'X' -> "Mx";
            default -> null;
        };
    }

    /** A date of birth between 0 and 99 years before {@code today}, skewed like a GP practice population. */
    public static LocalDate birthDate(Random r, LocalDate today) {
        int age = r.nextInt(10) < 2 ? r.nextInt(18) : 18 + (int) Math.min(81, Math.abs(r.nextGaussian() * 28));
        return today.minusYears(age).minusDays(r.nextInt(365));
    }

    /** A state, weighted by population. */
    public static String state(Random r) {
        int n = r.nextInt(100);
        for (int i = 0; i < STATE_WEIGHTS.length; i++) {
            n -= STATE_WEIGHTS[i];
            if (n < 0) {
                return SUBURBS.get(i)[0];
            }
        }
        return "NSW";
    }

    /** An address, in {@code homeState} nine times in ten. */
    public static Address address(Random r, String homeState) {
        String[] suburbs = SUBURBS.stream().filter(s -> s[0].equals(homeState)).findFirst().orElseThrow();
        if (chance(r, 0.1)) {
            suburbs = pick(r, SUBURBS);
        }
        String suburb = suburbs[1 + r.nextInt(suburbs.length - 1)];
        int space = suburb.lastIndexOf(' ');
        String street = (1 + r.nextInt(240)) + " " + pick(r, STREETS) + " " + pick(r, STREET_TYPES);
        String line1 = chance(r, 0.2) ? "Unit " + (1 + r.nextInt(30)) : street;
        String line2 = line1.equals(street) ? null : street;
        return new Address(line1, line2, suburb.substring(0, space), suburbs[0], suburb.substring(space + 1));
    }

    public static String mobile(Random r) {
        int[] range = pick(r, FICTIONAL_MOBILE);
        String n = String.valueOf(range[0] + r.nextInt(range[1] - range[0] + 1));
        return "0491 " + n.substring(0, 3) + " " + n.substring(3);
    }

    /** A landline in ACMA's fictional 5550 xxxx range of the state's area code. */
    public static String landline(Random r, String state) {
        String area = switch (state) {
            case "NSW", "ACT" -> "02";
            case "VIC", "TAS" -> "03";
            case "QLD" -> "07";
            default -> "08";
        };
        return "(" + area + ") 5550 " + digits(r, 4);
    }

    public static String email(Random r, String given, String family) {
        String local = (given + "." + family).toLowerCase().replaceAll("[^a-z.]", "");
        return local + (r.nextBoolean() ? "" : String.valueOf(r.nextInt(100))) + "@"
                + pick(r, EMAIL_DOMAINS.split(" "));
    }

    /** An 11-digit ABN with a valid check (weights 10,1,3..19 after subtracting 1 from the first digit; mod 89). */
    public static String abn(Random r) {
        int[] weights = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
        String tail = digits(r, 9);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (tail.charAt(i) - '0') * weights[i + 2];
        }
        for (int prefix = 10; prefix <= 99; prefix++) {
            if ((sum + (prefix / 10 - 1) * 10 + prefix % 10) % 89 == 0) {
                return prefix + tail;
            }
        }
        throw new IllegalStateException("no ABN prefix");
    }

    public static boolean isValidAbn(String abn) {
        int[] weights = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
        if (abn == null || !abn.matches("\\d{11}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (abn.charAt(i) - '0' - (i == 0 ? 1 : 0)) * weights[i];
        }
        return sum % 89 == 0;
    }

    /**
     * A Medicare provider number: 6-digit stem, practice-location character, check character (stem weights
     * 3,5,8,4,2,1, location weight 6, mod 11 into {@code YXWTLKJHFBA}).
     */
    public static String providerNumber(String stem, int location) {
        String locations = "0123456789ABCDEFGHJKLMNPQRTUVWXY";
        int[] weights = {3, 5, 8, 4, 2, 1};
        int sum = location * 6;
        for (int i = 0; i < 6; i++) {
            sum += (stem.charAt(i) - '0') * weights[i];
        }
        return stem + locations.charAt(location) + "YXWTLKJHFBA".charAt(sum % 11);
    }

    /** An AHPRA registration number: profession prefix and ten digits, e.g. {@code MED0001234567}. */
    public static String ahpra(Random r, String profession) {
        return profession + "000" + digits(r, 7);
    }
}
