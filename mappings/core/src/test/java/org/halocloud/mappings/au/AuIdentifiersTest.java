package org.halocloud.mappings.au;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AuIdentifiersTest {

    @Test
    void generatedHealthcareIdentifiersHaveTheirPrefixAndAValidLuhnDigit() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            String ihi = AuIdentifiers.ihi(random);
            assertThat(ihi).hasSize(16).startsWith("800360");
            assertThat(AuIdentifiers.isValidHealthcareIdentifier(ihi)).isTrue();
            assertThat(AuIdentifiers.hpii(random)).startsWith("800361");
            assertThat(AuIdentifiers.hpio(random)).startsWith("800362");
        }
    }

    @Test
    void aWrongCheckDigitIsCaught() {
        String ihi = AuIdentifiers.ihi(new Random(1));
        char wrong = (char) ('0' + (ihi.charAt(15) - '0' + 1) % 10);
        assertThat(AuIdentifiers.isValidHealthcareIdentifier(ihi.substring(0, 15) + wrong)).isFalse();
    }

    @Test
    void knownLuhnAndMedicareExamples() {
        // 8003608166690503 is a published test IHI; 2123456701 a commonly used valid Medicare test card number
        assertThat(AuIdentifiers.isValidHealthcareIdentifier("8003608166690503")).isTrue();
        assertThat(AuIdentifiers.isValidMedicareCard("2123456701")).isTrue();
        assertThat(AuIdentifiers.isValidMedicareCard("2123456711")).isFalse();
    }

    @Test
    void generatedMedicareNumbersAreValid() {
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            assertThat(AuIdentifiers.isValidMedicareCard(AuIdentifiers.medicareCard(random))).isTrue();
        }
    }
}
