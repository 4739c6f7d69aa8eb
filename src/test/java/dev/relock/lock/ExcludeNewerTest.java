package dev.relock.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.common.RelockException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --exclude-newer} as a cooldown: the spellings it accepts, the one it records, and what it means at a given now. */
class ExcludeNewerTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {
        "7d | P7D", "7D | P7D", "7 days | P7D", "1 day | P1D", "P7D | P7D", "p7d | P7D", "1 week | P7D", "2w | P14D",
        "P2W | P14D", "24h | P1D", "24 hours | P1D", "36 hours | P1DT12H", "PT36H | P1DT12H", "P1DT12H | P1DT12H",
        "1 week 2 days | P9D", "1w, 3h | P7DT3H", "3 hrs | PT3H", " 7d  | P7D"
    })
    void durationsHaveOneRecordedSpelling(String text, String recorded) {
        ExcludeNewer parsed = ExcludeNewer.parse(text);
        assertThat(parsed).isInstanceOf(ExcludeNewer.Cooldown.class);
        assertThat(parsed.recorded()).isEqualTo(recorded);
        assertThat(ExcludeNewer.parse(recorded)).as("the recorded form reads back").isEqualTo(parsed);
    }

    @Test
    void aCooldownIsEvaluatedAgainstNowAndATimestampIsNot() {
        Instant now = Instant.parse("2026-12-06T08:00:00Z");
        assertThat(ExcludeNewer.parse("7d").cutoff(now)).isEqualTo(Instant.parse("2026-11-29T08:00:00Z"));
        assertThat(ExcludeNewer.parse("PT24H").cutoff(now)).isEqualTo(now.minus(Duration.ofDays(1)));
        assertThat(ExcludeNewer.parse("2024-03-01").cutoff(now)).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(ExcludeNewer.parse("2024-03-01").recorded()).isEqualTo("2024-03-01T00:00:00Z");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"yesterday", "7", "d", "7 fortnights", "P", "PT", "P7M", "7d7", "-7d", "7 days ago", "1.5d",
        "1234567d", ""})
    void anythingElseIsBadInputNamingTheForms(String text) {
        assertThatThrownBy(() -> ExcludeNewer.parse(text))
                .isInstanceOf(RelockException.class)
                .satisfies(e -> assertThat(((RelockException) e).kind()).isEqualTo(RelockException.Kind.BAD_INPUT))
                .hasMessageStartingWith("bad --exclude-newer value '")
                .hasMessageContaining("(7d, 24h, 2w, '7 days', P7D)");
    }

    @Test
    void aZeroCooldownIsRefused() {
        assertThatThrownBy(() -> ExcludeNewer.parse("0d")).isInstanceOf(RelockException.class)
                .hasMessage("bad --exclude-newer value '0d': a cooldown must be longer than zero");
    }
}
