package dev.relock.reqtxt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content lookup is consulted before the disk, for the top file and every include. */
class RequirementsFileReaderContentsTest {
    @TempDir
    Path temp;

    @Test
    void anIncludedFilesPendingTextIsReadInsteadOfTheDisks() throws IOException {
        Files.writeString(temp.resolve("dev.in"), "-c requirements.txt\npluggy\n", StandardCharsets.UTF_8);
        Path constraints = Files.writeString(temp.resolve("requirements.txt"), "attrs==23.1.0\n",
                StandardCharsets.UTF_8);
        Map<Path, String> pending = Map.of(constraints, "attrs==23.2.0\n");

        RequirementsFile file = new RequirementsFileReader(Map.of(), p -> Optional.ofNullable(pending.get(p)))
                .read(temp.resolve("dev.in"));

        assertThat(file.constraints()).extracting(RequirementEntry::text).containsExactly("attrs==23.2.0");
        assertThat(file.requirements()).extracting(RequirementEntry::text).containsExactly("pluggy");
        assertThat(Files.readString(constraints)).isEqualTo("attrs==23.1.0\n");
    }

    @Test
    void aFileThatExistsOnlyAsPendingTextIsRead() {
        Path top = temp.resolve("requirements.in");
        Path missing = temp.resolve("lock.txt");
        Map<Path, String> pending = Map.of(top, "-c lock.txt\nidna\n", missing, "idna==3.7\n");

        RequirementsFile file = new RequirementsFileReader(Map.of(), p -> Optional.ofNullable(pending.get(p)))
                .read(top);

        assertThat(file.constraints()).extracting(RequirementEntry::text).containsExactly("idna==3.7");
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void withoutPendingTextTheDiskIsRead() throws IOException {
        Path top = Files.writeString(temp.resolve("requirements.in"), "attrs\n", StandardCharsets.UTF_8);

        RequirementsFile file = new RequirementsFileReader(Map.of(), p -> Optional.empty()).read(top);

        assertThat(file.requirements()).extracting(RequirementEntry::text).containsExactly("attrs");
    }
}
