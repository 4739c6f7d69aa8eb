package dev.relock.lock;

import dev.relock.name.ExtraName;
import dev.relock.reqtxt.AnnotationStyle;
import dev.relock.resolve.BinaryPolicy;
import dev.relock.resolve.PrereleaseMode;
import dev.relock.tags.TargetPlatform;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The values of the options that shape a lockfile: one field per row of {@link LockOption}, which
 * is the table the CLI binds to, the header writer prints and the header reader parses. Every
 * command (compile, update, verify, wheelhouse) reads a lock's settings back through that table.
 * What a run does beyond the lock's shape ({@code --dry-run}, {@code -U}, {@code -P}, the cache)
 * lives elsewhere.
 *
 * @param pythonVersion {@code --python-version} as given; empty: {@code .python-version}
 * @param pythonPlatforms {@code --python-platform}, one or more; empty: derived from the project
 * @param index where packages come from
 * @param constraints {@code -c/--constraint} files, absolute
 * @param extras {@code --extra} names (pyproject.toml sources)
 * @param allExtras {@code --all-extras}
 * @param generateHashes {@code --generate-hashes}
 * @param allowUnsafe pin pip/setuptools/distribute (relock's default) rather than list them as comments
 * @param annotationStyle {@code --annotation-style}
 * @param stripExtras {@code --strip-extras}
 * @param emitIndexUrl false for {@code --no-emit-index-url}
 * @param header false for {@code --no-header}
 * @param prerelease {@code --prerelease}; empty: the resolver's default
 * @param excludeNewer {@code --exclude-newer}: a timestamp or a cooldown; {@link ExcludeNewer#cutoff} gives
 *     the instant for a given "now"
 * @param binaryOptions {@code --no-binary} / {@code --only-binary} in command-line order
 */
public record LockSettings(
        Optional<String> pythonVersion,
        List<TargetPlatform> pythonPlatforms,
        IndexSettings index,
        List<Path> constraints,
        SortedSet<ExtraName> extras,
        boolean allExtras,
        boolean generateHashes,
        boolean allowUnsafe,
        AnnotationStyle annotationStyle,
        boolean stripExtras,
        boolean emitIndexUrl,
        boolean header,
        Optional<PrereleaseMode> prerelease,
        Optional<ExcludeNewer> excludeNewer,
        List<BinaryPolicy.Option> binaryOptions) {

    /** Every option at its default. */
    public static final LockSettings DEFAULTS = builder().build();

    public LockSettings {
        Objects.requireNonNull(pythonVersion, "pythonVersion");
        pythonPlatforms = List.copyOf(new java.util.LinkedHashSet<>(pythonPlatforms));
        Objects.requireNonNull(index, "index");
        constraints = List.copyOf(constraints);
        extras = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(extras));
        Objects.requireNonNull(annotationStyle, "annotationStyle");
        Objects.requireNonNull(prerelease, "prerelease");
        Objects.requireNonNull(excludeNewer, "excludeNewer");
        binaryOptions = List.copyOf(binaryOptions);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.pythonVersion = pythonVersion;
        b.pythonPlatforms.addAll(pythonPlatforms);
        b.index = index;
        b.constraints.addAll(constraints);
        b.extras.addAll(extras);
        b.allExtras = allExtras;
        b.generateHashes = generateHashes;
        b.allowUnsafe = allowUnsafe;
        b.annotationStyle = annotationStyle;
        b.stripExtras = stripExtras;
        b.emitIndexUrl = emitIndexUrl;
        b.header = header;
        b.prerelease = prerelease;
        b.excludeNewer = excludeNewer;
        b.binaryOptions.addAll(binaryOptions);
        return b;
    }

    /** These settings with {@code platforms} as the target platforms. */
    public LockSettings withPlatforms(List<TargetPlatform> platforms) {
        Builder b = toBuilder();
        b.pythonPlatforms.clear();
        b.pythonPlatforms.addAll(platforms);
        return b.build();
    }

    /** These settings with {@code index} as the index settings. */
    public LockSettings withIndex(IndexSettings settings) {
        return toBuilder().index(settings).build();
    }

    /** Where {@link #index()} sends requests; see {@link IndexSettings#sources}. */
    public dev.relock.index.IndexSources indexSources(Path workingDirectory, java.util.Map<String, String> env) {
        return index.sources(workingDirectory, env);
    }

    /** The binary policy these settings' options give (before any requirements file's own options). */
    public BinaryPolicy binaryPolicy() {
        return BinaryPolicy.of(binaryOptions);
    }

    /** Collects settings; every field starts at its default. */
    public static final class Builder {
        Optional<String> pythonVersion = Optional.empty();
        final List<TargetPlatform> pythonPlatforms = new ArrayList<>();
        IndexSettings index = IndexSettings.DEFAULT;
        final List<Path> constraints = new ArrayList<>();
        final SortedSet<ExtraName> extras = new TreeSet<>();
        boolean allExtras;
        boolean generateHashes;
        boolean allowUnsafe = true;
        AnnotationStyle annotationStyle = AnnotationStyle.SPLIT;
        boolean stripExtras;
        boolean emitIndexUrl = true;
        boolean header = true;
        Optional<PrereleaseMode> prerelease = Optional.empty();
        Optional<ExcludeNewer> excludeNewer = Optional.empty();
        final List<BinaryPolicy.Option> binaryOptions = new ArrayList<>();

        private Builder() {}

        public Builder pythonVersion(String version) {
            pythonVersion = Optional.of(version.strip());
            return this;
        }

        public Builder pythonPlatform(TargetPlatform platform) {
            pythonPlatforms.add(Objects.requireNonNull(platform, "platform"));
            return this;
        }

        public Builder index(IndexSettings settings) {
            index = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public Builder constraint(Path file) {
            constraints.add(file.toAbsolutePath().normalize());
            return this;
        }

        public Builder extra(ExtraName extra) {
            extras.add(extra);
            return this;
        }

        public Builder allExtras(boolean on) {
            allExtras = on;
            return this;
        }

        public Builder generateHashes(boolean on) {
            generateHashes = on;
            return this;
        }

        public Builder allowUnsafe(boolean on) {
            allowUnsafe = on;
            return this;
        }

        public Builder annotationStyle(AnnotationStyle style) {
            annotationStyle = Objects.requireNonNull(style, "style");
            return this;
        }

        public Builder stripExtras(boolean on) {
            stripExtras = on;
            return this;
        }

        public Builder emitIndexUrl(boolean on) {
            emitIndexUrl = on;
            return this;
        }

        public Builder header(boolean on) {
            header = on;
            return this;
        }

        public Builder prerelease(PrereleaseMode mode) {
            prerelease = Optional.of(mode);
            return this;
        }

        public Builder excludeNewer(ExcludeNewer cutoff) {
            excludeNewer = Optional.of(cutoff);
            return this;
        }

        /** A fixed cut-off. */
        public Builder excludeNewer(Instant cutoff) {
            return excludeNewer(new ExcludeNewer.Timestamp(cutoff));
        }

        public Builder binaryOption(BinaryPolicy.Option option) {
            binaryOptions.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        public LockSettings build() {
            return new LockSettings(pythonVersion, pythonPlatforms, index, constraints, extras, allExtras,
                    generateHashes, allowUnsafe, annotationStyle, stripExtras, emitIndexUrl, header, prerelease,
                    excludeNewer, binaryOptions);
        }
    }
}
