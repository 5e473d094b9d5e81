package org.halocloud.mappings.bppremier;

import java.util.List;

/**
 * The fixed vocabulary the demo data is drawn from: Australian-looking names and places, and the clinical items a
 * general practice records. Names and streets are common words, not people; SNOMED CT and LOINC codes are the real
 * codes for the concept so that a FHIR facade can be tested against them. Bp's own item and product ids are invented.
 */
final class BpCatalogue {

    private BpCatalogue() {
    }

    static final List<String> MALE_NAMES = List.of("James", "Oliver", "William", "Jack", "Noah", "Thomas", "Lucas",
            "Henry", "Liam", "Ethan", "Lachlan", "Cooper", "Mason", "Samuel", "Harrison", "Daniel", "Matthew", "Benjamin",
            "Joshua", "Ryan", "Michael", "David", "Peter", "Andrew", "Mark", "Paul", "Stephen", "Robert", "John", "Graham",
            "Kevin", "Trent", "Hamish", "Angus", "Minh", "Raj", "Arjun", "Wei", "Giovanni", "Nikolaos", "Mohammed", "Tane");
    static final List<String> FEMALE_NAMES = List.of("Charlotte", "Olivia", "Amelia", "Isla", "Mia", "Ava", "Grace",
            "Chloe", "Sophie", "Zoe", "Matilda", "Ruby", "Emily", "Sarah", "Jessica", "Emma", "Hannah", "Lily", "Ella",
            "Georgia", "Kylie", "Michelle", "Karen", "Susan", "Margaret", "Helen", "Jennifer", "Nicole", "Rebecca", "Tanya",
            "Bronwyn", "Narelle", "Linh", "Priya", "Mei", "Aisha", "Maria", "Eleni", "Fatima", "Anjali", "Kirra", "Jarrah");
    static final List<String> SURNAMES = List.of("Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Johnson",
            "White", "Martin", "Anderson", "Thompson", "Nguyen", "Thomas", "Walker", "Harris", "Lee", "Ryan", "Robinson",
            "Kelly", "King", "Davis", "Wright", "Evans", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel",
            "Khan", "Singh", "Tran", "Chen", "Wang", "Li", "Zhang", "Le", "Pham", "Kaur", "Papadopoulos", "Rossi", "Russo",
            "Murphy", "O'Brien", "McDonald", "Campbell", "Stewart", "Fraser", "Mitchell", "Hughes", "Baker", "Cooper",
            "Edwards", "Morris", "Turner", "Phillips", "Kennedy", "Sullivan", "Doherty", "Nicholls", "Watson", "Ahmed",
            "Hussain", "Kowalski", "Novak", "Costa", "Ferrari", "Sato", "Kim", "Park", "Walsh", "Burke", "Byrne");
    static final List<String> STREETS = List.of("Smith Street", "George Street", "Church Street", "Victoria Road",
            "Station Street", "High Street", "Park Road", "Railway Parade", "King Street", "Queen Street",
            "Elizabeth Street", "William Street", "Albert Road", "Wattle Avenue", "Banksia Crescent", "Waratah Street",
            "Bottlebrush Close", "Gum Tree Lane", "Jacaranda Drive", "Ocean View Road", "Hill Street", "Bridge Road",
            "Macquarie Street", "Hume Highway", "Pacific Highway", "Boundary Road", "School Lane", "Kurrajong Avenue");

    /** Suburb and its postcode (real places; postcodes are public). */
    record Suburb(String name, String postcode) {
    }

    static final List<Suburb> SUBURBS = List.of(new Suburb("PARRAMATTA", "2150"), new Suburb("WESTMEAD", "2145"),
            new Suburb("NORTH PARRAMATTA", "2151"), new Suburb("HARRIS PARK", "2150"), new Suburb("GRANVILLE", "2142"),
            new Suburb("MERRYLANDS", "2160"), new Suburb("BAULKHAM HILLS", "2153"), new Suburb("CARLINGFORD", "2118"),
            new Suburb("EPPING", "2121"), new Suburb("RYDALMERE", "2116"), new Suburb("ERMINGTON", "2115"),
            new Suburb("TOONGABBIE", "2146"), new Suburb("WENTWORTHVILLE", "2145"), new Suburb("NORTHMEAD", "2152"),
            new Suburb("AUBURN", "2144"), new Suburb("BLACKTOWN", "2148"), new Suburb("SEVEN HILLS", "2147"),
            new Suburb("CASTLE HILL", "2154"), new Suburb("DUNDAS", "2117"), new Suburb("GUILDFORD", "2161"));

    static final List<String> HEALTH_FUNDS = List.of("Medibank Private", "Bupa", "HCF", "nib", "HBF",
            "Australian Unity", "ahm", "Teachers Health");

    /** A past-history item: Bp condition code (0 = free text), its SNOMED CT code, and the drug usually prescribed. */
    record Condition(int itemCode, String text, String snomed, int minAge, int weight, Drug drug) {
        /** Procedures and past injuries are history, not current problems. */
        boolean ongoing() {
            return itemCode != 0 && itemCode != 1013 && itemCode != 1014;
        }
    }

    /** A product: Bp product id (invented), name, dose, frequency/food codes, pack, indication, long-term flag. */
    record Drug(int productId, String name, String description, String dose, int frequency, int food, int prn,
                int quantity, String unit, int repeats, String indication, boolean longTerm) {
    }

    static final Drug METFORMIN = new Drug(10101, "Metformin 500 mg tablet", "metformin hydrochloride 500 mg tablet",
            "1 tablet", 2, 1, 0, 100, "tablet", 5, "Type 2 diabetes", true);
    static final Drug ATORVASTATIN = new Drug(10102, "Atorvastatin 20 mg tablet", "atorvastatin 20 mg tablet",
            "1 tablet", 5, 0, 0, 30, "tablet", 5, "Hypercholesterolaemia", true);
    static final Drug PERINDOPRIL = new Drug(10103, "Perindopril arginine 5 mg tablet", "perindopril arginine 5 mg tablet",
            "1 tablet", 1, 0, 0, 30, "tablet", 5, "Hypertension", true);
    static final Drug SALBUTAMOL = new Drug(10104, "Salbutamol 100 microgram/dose inhaler",
            "salbutamol 100 microgram/actuation pressurised inhalation", "2 puffs", 4, 0, 1, 1, "inhaler", 5, "Asthma", true);
    static final Drug SERTRALINE = new Drug(10105, "Sertraline 50 mg tablet", "sertraline 50 mg tablet", "1 tablet", 6,
            0, 0, 30, "tablet", 5, "Depression", true);
    static final Drug PANTOPRAZOLE = new Drug(10106, "Pantoprazole 40 mg tablet", "pantoprazole 40 mg enteric tablet",
            "1 tablet", 1, 2, 0, 30, "tablet", 5, "Gastro-oesophageal reflux", true);
    static final Drug LEVOTHYROXINE = new Drug(10107, "Levothyroxine 100 microgram tablet", "levothyroxine sodium 100 microgram tablet",
            "1 tablet", 6, 2, 0, 200, "tablet", 1, "Hypothyroidism", true);
    static final Drug APIXABAN = new Drug(10108, "Apixaban 5 mg tablet", "apixaban 5 mg tablet", "1 tablet", 2, 0, 0,
            60, "tablet", 5, "Atrial fibrillation", true);
    static final Drug PARACETAMOL = new Drug(10109, "Paracetamol 500 mg tablet", "paracetamol 500 mg tablet", "2 tablets",
            4, 0, 1, 100, "tablet", 0, "Pain", true);
    static final Drug AMOXICILLIN = new Drug(10110, "Amoxicillin 500 mg capsule", "amoxicillin 500 mg capsule",
            "1 capsule", 3, 0, 0, 20, "capsule", 0, "Infection", false);
    static final Drug TIOTROPIUM = new Drug(10111, "Tiotropium 18 microgram inhalation capsule",
            "tiotropium 18 microgram powder for inhalation", "1 capsule", 1, 0, 0, 30, "capsule", 5, "COPD", true);

    static final List<Condition> CONDITIONS = List.of(
            new Condition(1001, "Hypertension", "38341003", 30, 18, PERINDOPRIL),
            new Condition(778, "Diabetes Type 2", "44054006", 35, 8, METFORMIN),
            new Condition(775, "Diabetes Type 1", "46635009", 5, 1, null),
            new Condition(1002, "Hypercholesterolaemia", "13644009", 30, 12, ATORVASTATIN),
            new Condition(1003, "Asthma", "195967001", 3, 10, SALBUTAMOL),
            new Condition(1004, "Depression", "35489007", 15, 9, SERTRALINE),
            new Condition(1005, "Anxiety", "197480006", 12, 8, null),
            new Condition(1006, "Osteoarthritis", "396275006", 45, 10, PARACETAMOL),
            new Condition(1007, "Gastro-oesophageal reflux disease", "235595009", 20, 7, PANTOPRAZOLE),
            new Condition(1008, "Hypothyroidism", "40930008", 25, 4, LEVOTHYROXINE),
            new Condition(1009, "Atrial fibrillation", "49436004", 60, 3, APIXABAN),
            new Condition(1010, "Chronic obstructive pulmonary disease", "13645005", 50, 3, TIOTROPIUM),
            new Condition(1011, "Migraine", "37796009", 12, 5, null),
            new Condition(1012, "Eczema", "43116000", 0, 5, null),
            new Condition(1013, "Appendicectomy", "80146002", 8, 3, null),
            new Condition(1014, "Tonsillectomy", "173422009", 5, 3, null),
            // free-text entries: typed by the doctor, no Bp code and so no SNOMED CT code
            new Condition(0, "Knee injury - netball", null, 12, 2, null),
            new Condition(0, "MVA - whiplash", null, 18, 2, null),
            new Condition(0, "Lower back pain", null, 20, 4, null));

    /** A recorded reaction: ITEMTYPE 1 product, 2 ingredient, 3 drug class; ITEMCODE invented. */
    record Allergen(int itemType, int itemCode, String name) {
    }

    static final List<Allergen> ALLERGENS = List.of(new Allergen(3, 301, "Penicillins"),
            new Allergen(2, 201, "Amoxicillin"), new Allergen(3, 302, "Sulfonamides"), new Allergen(2, 202, "Codeine"),
            new Allergen(2, 203, "Aspirin"), new Allergen(2, 204, "Ibuprofen"), new Allergen(3, 303, "Cephalosporins"),
            new Allergen(1, 101, "Augmentin Duo Forte"), new Allergen(2, 205, "Morphine"));
    static final List<String> REACTIONS = List.of("Rash", "Urticaria", "Nausea", "Vomiting", "Anaphylaxis",
            "Angioedema", "Shortness of breath", "Itch");

    /** A vaccine (BPSDrugs.VACCINES-like); age range in years where the demo gives it. */
    record Vaccine(int vaccineId, String name, String acirCode, boolean childhood, String generic) {
    }

    static final Vaccine INFANRIX_HEXA = new Vaccine(1, "Infanrix hexa", "INFHEX", true, "DTPa-hepB-IPV-Hib");
    static final Vaccine PREVENAR_13 = new Vaccine(2, "Prevenar 13", "PREV13", true, "Pneumococcal conjugate 13v");
    static final Vaccine PRIORIX = new Vaccine(3, "Priorix", "PRIORX", true, "MMR");
    static final Vaccine FLU = new Vaccine(4, "Vaxigrip Tetra", "VAXGRP", false, "Influenza quadrivalent");
    static final Vaccine BOOSTRIX = new Vaccine(5, "Boostrix", "BOOSTX", false, "dTpa");
    static final Vaccine SHINGRIX = new Vaccine(6, "Shingrix", "SHINGX", false, "Zoster recombinant");
    static final Vaccine COMIRNATY = new Vaccine(7, "Comirnaty", "COMIRN", false, "COVID-19 mRNA");
    static final Vaccine GARDASIL_9 = new Vaccine(8, "Gardasil 9", "GARDS9", true, "HPV 9-valent");
    static final List<Vaccine> VACCINES = List.of(INFANRIX_HEXA, PREVENAR_13, PRIORIX, FLU, BOOSTRIX, SHINGRIX,
            COMIRNATY, GARDASIL_9);

    /** A pathology result line: BPCODE, LOINC, name, units, range, and the normal mean/spread for synthetic values. */
    record LabTest(int bpCode, String loinc, String name, String units, String range, double mean, double spread,
                   double high, int decimals) {
    }

    static final LabTest HBA1C = new LabTest(1, "4548-4", "HbA1c", "%", "4.0-6.0", 7.1, 1.0, 6.0, 1);
    static final LabTest CHOLESTEROL = new LabTest(2, "14647-2", "Cholesterol", "mmol/L", "<5.5", 5.0, 0.9, 5.5, 1);
    static final LabTest HDL = new LabTest(3, "14646-4", "HDL Cholesterol", "mmol/L", ">1.0", 1.4, 0.3, 99, 1);
    static final LabTest LDL = new LabTest(4, "22748-8", "LDL Cholesterol", "mmol/L", "<3.5", 3.0, 0.8, 3.5, 1);
    static final LabTest TRIGLYCERIDES = new LabTest(5, "14927-8", "Triglycerides", "mmol/L", "<2.0", 1.5, 0.6, 2.0, 1);
    static final LabTest CREATININE = new LabTest(6, "14682-9", "Creatinine", "umol/L", "45-90", 75, 15, 90, 0);
    static final LabTest EGFR = new LabTest(16, "62238-1", "eGFR", "mL/min/1.73m2", ">59", 82, 12, 999, 0);
    static final List<LabTest> LIPIDS = List.of(CHOLESTEROL, HDL, LDL, TRIGLYCERIDES);
    static final List<LabTest> KIDNEY = List.of(CREATININE, EGFR);

    /** Short synthetic visit notes; never anything that could identify a person. */
    static final List<String> VISIT_NOTES = List.of("Review of chronic conditions. Medication reviewed.",
            "Presenting with URTI symptoms. Advised rest and fluids.", "Repeat prescriptions. No new issues.",
            "BP check. Lifestyle advice given.", "Results discussed. Plan to recheck in 6 months.",
            "Immunisation given. Observed 15 minutes, no reaction.", "Skin check. Nil suspicious lesions.",
            "Follow up. Improving.", "Care plan reviewed with patient.", "Sore back after lifting. Simple analgesia.");
    static final List<String> APPOINTMENT_REASONS = List.of("Check up", "Repeat script", "Results", "Follow up",
            "Flu vaccine", "Skin check", "Care plan", "Sore throat", "Back pain", "Medical certificate");
}
