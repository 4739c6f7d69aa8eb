package dev.relock.resolve;

import dev.relock.build.BuildRequirements;
import dev.relock.common.RelockException;
import dev.relock.common.Sha256;
import dev.relock.filename.WheelFilename;
import dev.relock.index.DistFile;
import dev.relock.index.IndexClient;
import dev.relock.pep508.Requirement;
import dev.relock.tags.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Resolves an sdist build's requirements with relock's own resolver, for the Python and platform
 * that run the build, from the lock's indexes, wheels only ({@code --only-binary :all:}: a build
 * requirement that itself needs a build is refused, so builds never nest), and downloads the best
 * wheel of each package, hash-verified.
 */
public final class BuildRequirementResolver implements BuildRequirements {
    private final IndexClient client;

    public BuildRequirementResolver(IndexClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public List<Wheel> fetch(List<String> requirements, Target host, Path dir) {
        ResolveRequest.Builder request = ResolveRequest.builder(host)
                .binary(BinaryPolicy.of(List.of(BinaryPolicy.Option.onlyBinary(":all:"))));
        for (String requirement : requirements) {
            request.requirement(new RootRequirement(Requirement.parse(requirement), "build requirement"));
        }
        Resolution resolution = new Resolver(client).resolve(request.build());
        List<Wheel> wheels = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new RelockException(RelockException.Kind.NETWORK, "cannot create " + dir + ": " + e.getMessage());
        }
        for (ResolvedPackage p : resolution.packages()) {
            DistFile best = p.files().stream()
                    .filter(f -> f.parsed() instanceof WheelFilename w && w.isCompatible(host))
                    .min(Comparator.comparingInt((DistFile f) -> ((WheelFilename) f.parsed()).bestRank(host).orElse(
                            Integer.MAX_VALUE)).thenComparing(DistFile::filename))
                    .orElseThrow(() -> new RelockException(RelockException.Kind.UNRESOLVABLE,
                            p.name() + " " + p.version() + " has no wheel for " + host));
            Path dest = dir.resolve(best.filename());
            client.download(best, dest);
            wheels.add(new Wheel(dest, best.sha256().isPresent() ? best.sha256().get() : sha256(dest)));
        }
        return wheels;
    }

    private static String sha256(Path file) {
        try {
            return Sha256.ofFile(file);
        } catch (IOException e) {
            throw new RelockException(RelockException.Kind.NETWORK, "cannot read " + file + ": " + e.getMessage());
        }
    }
}
