package dev.relock.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileOverlayTest {
    @Test
    void pathsAreLookedUpAbsoluteAndNormalized() {
        Path lock = Path.of("project", "requirements.txt").toAbsolutePath();
        FileOverlay overlay = FileOverlay.none().with(lock, "attrs==23.2.0\n");

        assertThat(overlay.text(lock.getParent().resolve("sub/../requirements.txt"))).contains("attrs==23.2.0\n");
        assertThat(overlay.text(Path.of("project/requirements.txt"))).contains("attrs==23.2.0\n");
        assertThat(overlay.text(lock.resolveSibling("requirements-dev.txt"))).isEmpty();
    }

    @Test
    void withLeavesTheOriginalAsItWas() {
        Path lock = Path.of("requirements.txt").toAbsolutePath();
        FileOverlay first = new FileOverlay(Map.of(lock, "a\n"));

        FileOverlay second = first.with(lock, "b\n");

        assertThat(first.text(lock)).contains("a\n");
        assertThat(second.text(lock)).contains("b\n");
        assertThat(FileOverlay.none().isEmpty()).isTrue();
        assertThat(second.texts()).containsOnlyKeys(lock);
    }
}
