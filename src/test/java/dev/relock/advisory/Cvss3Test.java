package dev.relock.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Cvss3Test {

    /** Scores as the FIRST CVSS 3.1 calculator gives them. */
    @ParameterizedTest
    @CsvSource({
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8, CRITICAL",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1, MEDIUM",
        "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N, 5.9, MEDIUM",
        "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H, 7.5, HIGH",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H, 10.0, CRITICAL",
        "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N, 3.3, LOW",
        "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N, 0.0, NONE",
        "CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:L/I:L/A:N/E:U/RL:O, 4.8, MEDIUM",
        "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:L/I:L/A:N, 5.5, MEDIUM",
    })
    void baseScoresAndRatings(String vector, String score, String rating) {
        Cvss3.Score s = Cvss3.score(vector).orElseThrow();
        assertThat(s.number()).isEqualTo(score);
        assertThat(s.rating()).isEqualTo(rating);
    }

    @Test
    void otherVersionsAndIncompleteVectorsAreNotScored() {
        assertThat(Cvss3.score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")).isEmpty();
        assertThat(Cvss3.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H")).isEmpty();
        assertThat(Cvss3.score("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")).isEmpty();
        assertThat(Cvss3.score("AV:N/AC:L/Au:N/C:P/I:P/A:P")).isEmpty();
    }
}
