package dev.relock.update;

import dev.relock.common.RelockException;
import dev.relock.filename.WheelFilename;
import dev.relock.index.DistFile;
import dev.relock.index.IndexClient;
import dev.relock.index.ProjectPage;
import dev.relock.metadata.CoreMetadata;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.tags.Target;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ReleaseFacts} from a package index: file list, Requires-Python and core metadata. */
public final class IndexReleaseFacts implements ReleaseFacts {
    private final IndexClient client;
    private final Target target;

    public IndexReleaseFacts(IndexClient client, Target target) {
        this.client = client;
        this.target = target;
    }

    @Override
    public Optional<ReleaseInfo> release(PackageName name, Version version) {
        try {
            ProjectPage page = client.project(name);
            List<DistFile> files = page.filesOf(version);
            if (files.isEmpty()) {
                return Optional.empty();
            }
            Optional<CoreMetadata> metadata = page.metadataSource(version).flatMap(this::metadata);
            Optional<String> requiresPython = files.stream().map(DistFile::requiresPython).flatMap(Optional::stream)
                    .filter(s -> !s.isBlank()).findFirst()
                    .or(() -> metadata.flatMap(CoreMetadata::requiresPython).map(Object::toString));
            boolean wheel = files.stream()
                    .anyMatch(f -> f.parsed() instanceof WheelFilename w && w.isCompatible(target));
            Map<String, String> urls = metadata.map(CoreMetadata::projectUrls).orElse(Map.of());
            return Optional.of(new ReleaseInfo(requiresPython, wheel, urls));
        } catch (RelockException | UncheckedIOException e) {
            // release notes are a courtesy: an index hiccup must not fail the update
            return Optional.empty();
        }
    }

    private Optional<CoreMetadata> metadata(DistFile file) {
        try {
            return Optional.of(client.metadata(file));
        } catch (RelockException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
