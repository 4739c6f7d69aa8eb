package dev.relock.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void aLongSecretIsMaskedEverywhere() {
        assertThat(Secrets.scrub("https://x-access-token:ghs_abcdef123@host ghs_abcdef123xyz",
                List.of("ghs_abcdef123"))).isEqualTo("https://x-access-token:***@host ***xyz");
    }

    @Test
    void aShortSecretIsMaskedOnlyAsAWholeToken() {
        assertThat(Secrets.scrub("outside.txt: token x rejected (x)", List.of("x")))
                .isEqualTo("outside.txt: token *** rejected (***)");
        assertThat(Secrets.scrub("a $1 b", List.of("$1"))).isEqualTo("a *** b");
    }
}
