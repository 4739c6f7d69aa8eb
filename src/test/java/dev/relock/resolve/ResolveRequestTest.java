package dev.relock.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.tags.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolveRequestTest {
    static final Target LINUX = Target.parse("3.11.7", "x86_64-manylinux_2_28");
    static final Target MAC = Target.parse("3.11.7", "aarch64-apple-darwin");

    @Test
    void oneTargetIsThePrimaryAndTheOnlyOne() {
        ResolveRequest r = ResolveRequest.builder(LINUX).build();
        assertThat(r.target()).isEqualTo(LINUX);
        assertThat(r.targets()).containsExactly(LINUX);
    }

    @Test
    void severalTargetsKeepTheirOrderAndTheFirstIsPrimary() {
        ResolveRequest r = ResolveRequest.builder(List.of(MAC, LINUX)).build();
        assertThat(r.target()).isEqualTo(MAC);
        assertThat(r.targets()).containsExactly(MAC, LINUX);
        assertThat(ResolveRequest.builder(LINUX).targets(List.of(LINUX, MAC)).build().targets())
                .containsExactly(LINUX, MAC);
    }

    @Test
    void repeatedTargetsAreMerged() {
        assertThat(ResolveRequest.builder(List.of(LINUX, MAC, LINUX)).build().targets()).containsExactly(LINUX, MAC);
    }

    @Test
    void mixedPythonVersionsAreRejected() {
        List<Target> mixed = List.of(LINUX, Target.parse("3.12.1", "aarch64-apple-darwin"));
        assertThatThrownBy(() -> ResolveRequest.builder(mixed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one Python version");
        assertThatThrownBy(() -> ResolveRequest.builder(LINUX).targets(mixed))
                .isInstanceOf(IllegalArgumentException.class);
        // 3.11 and 3.11.7 are different Python versions for markers (python_full_version)
        assertThatThrownBy(() -> ResolveRequest.builder(List.of(LINUX, Target.parse("3.11", "linux"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noTargetIsRejected() {
        assertThatThrownBy(() -> ResolveRequest.builder(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
