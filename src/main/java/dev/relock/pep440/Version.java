package dev.relock.pep440;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A PEP 440 version: {@code [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]}.
 *
 * <p>Parsing accepts every spelling PEP 440 allows (leading {@code v}, surrounding whitespace,
 * any letter case, {@code alpha/beta/c/pre/preview/rev/r}, {@code -_.} separators, implicit
 * numbers, {@code 1.0-1} as a post-release) and {@link #toString()} prints the normalized form.
 * Ordering is PEP 440's: {@code 1.0.dev0 < 1.0a1.dev0 < 1.0a1 < 1.0a1.post0 < 1.0rc1 < 1.0
 * < 1.0+local < 1.0.post0.dev0 < 1.0.post0}; trailing zeros of the release are ignored, so
 * {@code 1.0 equals 1.0.0} (and {@link #equals} agrees with {@link #compareTo}), while
 * {@link #toString()} keeps the zeros as written.
 *
 * <p><b>Boundary versions.</b> Besides parsed versions, this class has two internal kinds of
 * boundary points used only as interval ends by {@link VersionSpecifier#toRanges()}. They sort
 * between real versions and never come out of {@link #parse}:
 * <ul>
 *   <li>"after locals" of V sorts above V and every {@code V+local} but below anything else
 *       greater than V; it prints as {@code V+<after-locals>};</li>
 *   <li>"after posts" of V (V without post or dev part) sorts above V, its locals and all its
 *       post-releases ({@code V.postN}, {@code V.postN.devM}, with locals) but below the next
 *       pre-release or release; it prints as {@code V.<after-posts>}.</li>
 * </ul>
 * {@link #isBoundary()} tells them apart; their other accessors describe V.
 */
public final class Version implements Comparable<Version> {
    private static final long NONE = -1;
    private static final LocalSegment[] NO_LOCAL = new LocalSegment[0];
    private static final PreKind[] PRE_KINDS = PreKind.values();

    private static final byte REAL = 0;
    private static final byte AFTER_LOCALS = 1;
    private static final byte AFTER_POSTS = 2;

    /** The smallest version there is: no real version sorts below {@code 0.dev0}. */
    static final Version MIN = new Version(0, new long[] {0}, (byte) -1, 0, NONE, 0, NO_LOCAL, REAL);

    private final long epoch;
    private final long[] release;
    private final int trimmedLength;
    private final byte preKind;
    private final long preNumber;
    private final long post;
    private final long dev;
    private final LocalSegment[] local;
    private final byte boundary;
    private int hash;
    private String text;

    private Version(long epoch, long[] release, byte preKind, long preNumber, long post, long dev,
            LocalSegment[] local, byte boundary) {
        this.epoch = epoch;
        this.release = release;
        int t = release.length;
        while (t > 0 && release[t - 1] == 0) {
            t--;
        }
        this.trimmedLength = t;
        this.preKind = preKind;
        this.preNumber = preNumber;
        this.post = post;
        this.dev = dev;
        this.local = local;
        this.boundary = boundary;
    }

    /**
     * Parses a version in any spelling PEP 440 accepts.
     *
     * @throws VersionParseException with the input and the offset of the first offending character
     */
    public static Version parse(String text) {
        VersionScanner scanner = new VersionScanner(text, 0, text.length());
        Version v = scanner.scanWhole();
        if (v == null) {
            throw scanner.error(text, 0);
        }
        return v;
    }

    /** Like {@link #parse} but answers empty for text that is not a valid version. */
    public static Optional<Version> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(new VersionScanner(text, 0, text.length()).scanWhole());
    }

    /**
     * A final release with the given release numbers, for example {@code Version.of(3, 12)}.
     *
     * @throws IllegalArgumentException if there are no numbers or one is negative
     */
    public static Version of(long... release) {
        if (release.length == 0) {
            throw new IllegalArgumentException("a release needs at least one number");
        }
        for (long n : release) {
            if (n < 0) {
                throw new IllegalArgumentException("release numbers must not be negative: " + Arrays.toString(release));
            }
        }
        return new Version(0, release.clone(), (byte) -1, 0, NONE, NONE, NO_LOCAL, REAL);
    }

    /** Builds a parsed version; the arrays are owned by the new instance. */
    static Version ofParts(long epoch, long[] release, int preKind, long preNumber, long post, long dev,
            LocalSegment[] local) {
        return new Version(epoch, release, (byte) preKind, preNumber, post, dev,
                local.length == 0 ? NO_LOCAL : local, REAL);
    }

    /** The epoch ({@code 0} when not written). */
    public long epoch() {
        return epoch;
    }

    /** The release numbers as written, trailing zeros included. */
    public List<Long> release() {
        List<Long> out = new ArrayList<>(release.length);
        for (long n : release) {
            out.add(n);
        }
        return Collections.unmodifiableList(out);
    }

    /** Number of release numbers as written ({@code 1.0.0} has 3). */
    public int releaseLength() {
        return release.length;
    }

    /** The release number at {@code index}, or 0 past the end (releases are zero-padded). */
    public long releaseAt(int index) {
        if (index < 0) {
            throw new IndexOutOfBoundsException(index);
        }
        return index < release.length ? release[index] : 0;
    }

    /** First release number. */
    public long major() {
        return release[0];
    }

    /** Second release number, or 0. */
    public long minor() {
        return releaseAt(1);
    }

    /** Third release number, or 0. */
    public long micro() {
        return releaseAt(2);
    }

    /** The pre-release part ({@code a1}, {@code b2}, {@code rc3}), if any. */
    public Optional<Pre> pre() {
        return preKind < 0 ? Optional.empty() : Optional.of(new Pre(PRE_KINDS[preKind], preNumber));
    }

    /** The post-release number, if any. */
    public OptionalLong post() {
        return post == NONE ? OptionalLong.empty() : OptionalLong.of(post);
    }

    /** The development-release number, if any. */
    public OptionalLong dev() {
        return dev == NONE ? OptionalLong.empty() : OptionalLong.of(dev);
    }

    /** The local version label's segments; empty for a public version. */
    public List<LocalSegment> local() {
        return List.of(local);
    }

    /** The normalized local label ({@code ubuntu.1}), if any. */
    public Optional<String> localLabel() {
        if (local.length == 0) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        appendLocal(sb);
        return Optional.of(sb.toString());
    }

    /** True for a pre-release or development release ({@code 1.0a1}, {@code 1.0.dev0}, {@code 1.0.post1.dev0}). */
    public boolean isPrerelease() {
        return preKind >= 0 || dev != NONE;
    }

    /** True when there is a post-release part. */
    public boolean isPostrelease() {
        return post != NONE;
    }

    /** True when there is a development-release part. */
    public boolean isDevrelease() {
        return dev != NONE;
    }

    /** True when there is a local version label. */
    public boolean isLocal() {
        return local.length > 0;
    }

    /**
     * True for the internal boundary points described in the class documentation; never true for
     * a version that came from {@link #parse} or {@link #of}.
     */
    public boolean isBoundary() {
        return boundary != REAL;
    }

    /** Epoch and release only: {@code 1!2.0rc1.post3+x} gives {@code 1!2.0}. */
    public Version baseVersion() {
        if (preKind < 0 && post == NONE && dev == NONE && local.length == 0 && boundary == REAL) {
            return this;
        }
        return new Version(epoch, release, (byte) -1, 0, NONE, NONE, NO_LOCAL, REAL);
    }

    /** The version without its local label: {@code 1.0+ubuntu.1} gives {@code 1.0}. */
    public Version publicVersion() {
        if (local.length == 0 && boundary == REAL) {
            return this;
        }
        return new Version(epoch, release, preKind, preNumber, post, dev, NO_LOCAL, REAL);
    }

    /** This version's earliest pre-release: the same version with {@code .dev0} and no local label. */
    Version withDev0() {
        return new Version(epoch, release, preKind, preNumber, post, 0, NO_LOCAL, REAL);
    }

    /** Boundary above this version and all of its local versions. */
    Version afterLocals() {
        return new Version(epoch, release, preKind, preNumber, post, dev, NO_LOCAL, AFTER_LOCALS);
    }

    /** Boundary above this version and all of its post-releases; this must have no post or dev part. */
    Version afterPosts() {
        if (post != NONE || dev != NONE) {
            throw new IllegalStateException("after-posts boundary needs a version without post or dev part: " + this);
        }
        return new Version(epoch, release, preKind, preNumber, NONE, NONE, NO_LOCAL, AFTER_POSTS);
    }

    /** The epoch and release without the last release number ({@code 1.4.2} gives {@code 1.4}). */
    Version dropLastReleaseNumber() {
        return new Version(epoch, Arrays.copyOf(release, release.length - 1), (byte) -1, 0, NONE, NONE,
                NO_LOCAL, REAL);
    }

    /**
     * The earliest version after every version starting with this release as a prefix:
     * {@code 1.2} gives {@code 1.3.dev0}.
     */
    Version nextPrefixDev0() {
        long[] next = release.clone();
        next[next.length - 1]++;
        return new Version(epoch, next, (byte) -1, 0, NONE, 0, NO_LOCAL, REAL);
    }

    /** This version's epoch and release with {@code .dev0}: {@code 1.2} gives {@code 1.2.dev0}. */
    Version releaseDev0() {
        return new Version(epoch, release, (byte) -1, 0, NONE, 0, NO_LOCAL, REAL);
    }

    /**
     * The least real version strictly above this point when one exists, or empty when versions
     * above it come arbitrarily close (as after a plain version, where {@code +0a}, {@code +00a}, ...
     * approach it). Used to decide whether an interval holds any real version.
     */
    Optional<Version> leastVersionAbove() {
        if (boundary == AFTER_LOCALS) {
            if (dev != NONE) {
                return dev == Long.MAX_VALUE ? Optional.empty() : Optional.of(withDev(dev + 1));
            }
            if (post == Long.MAX_VALUE) {
                return Optional.empty();
            }
            long nextPost = post == NONE ? 0 : post + 1;
            return Optional.of(new Version(epoch, release, preKind, preNumber, nextPost, 0, NO_LOCAL, REAL));
        }
        if (boundary == AFTER_POSTS && preKind >= 0 && preNumber != Long.MAX_VALUE) {
            return Optional.of(new Version(epoch, release, preKind, preNumber + 1, NONE, 0, NO_LOCAL, REAL));
        }
        return Optional.empty();
    }

    /** The same version without pre-release, dev and local parts: {@code 1.0.post1.dev2} gives {@code 1.0.post1}. */
    Version stripPreAndDev() {
        return new Version(epoch, release, (byte) -1, 0, post, NONE, NO_LOCAL, REAL);
    }

    /**
     * For a boundary point, the least final or post-release above it, or empty when such versions
     * come arbitrarily close above it.
     */
    Optional<Version> leastFinalAboveBoundary() {
        if (isPrerelease()) {
            return Optional.of(stripPreAndDev());
        }
        if (boundary == AFTER_LOCALS && post != Long.MAX_VALUE) {
            return Optional.of(new Version(epoch, release, (byte) -1, 0, post == NONE ? 0 : post + 1, NONE,
                    NO_LOCAL, REAL));
        }
        return Optional.empty();
    }

    private Version withDev(long newDev) {
        return new Version(epoch, release, preKind, preNumber, post, newDev, NO_LOCAL, REAL);
    }

    private int preRank() {
        if (preKind >= 0) {
            return preKind + 1;
        }
        return post == NONE && dev != NONE && boundary != AFTER_POSTS ? 0 : 4;
    }

    private int postRank() {
        return boundary == AFTER_POSTS ? 2 : post == NONE ? 0 : 1;
    }

    private int localRank() {
        return boundary == AFTER_LOCALS ? 2 : local.length > 0 ? 1 : 0;
    }

    @Override
    public int compareTo(Version o) {
        int c = Long.compare(epoch, o.epoch);
        if (c != 0) {
            return c;
        }
        int common = Math.min(trimmedLength, o.trimmedLength);
        for (int i = 0; i < common; i++) {
            c = Long.compare(release[i], o.release[i]);
            if (c != 0) {
                return c;
            }
        }
        c = Integer.compare(trimmedLength, o.trimmedLength);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank(), o.preRank());
        if (c != 0) {
            return c;
        }
        c = Long.compare(preNumber, o.preNumber);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(postRank(), o.postRank());
        if (c != 0) {
            return c;
        }
        c = Long.compare(post, o.post);
        if (c != 0) {
            return c;
        }
        // No dev part sorts after every dev number.
        c = Long.compare(dev == NONE ? Long.MAX_VALUE : dev, o.dev == NONE ? Long.MAX_VALUE : o.dev);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(dev == NONE ? 1 : 0, o.dev == NONE ? 1 : 0);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(localRank(), o.localRank());
        if (c != 0 || local.length == 0) {
            return c;
        }
        int n = Math.min(local.length, o.local.length);
        for (int i = 0; i < n; i++) {
            c = local[i].compareTo(o.local[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(local.length, o.local.length);
    }

    /** Equal exactly when {@link #compareTo} is 0: {@code 1.0} equals {@code 1.0.0}. */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof Version other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Long.hashCode(epoch);
            for (int i = 0; i < trimmedLength; i++) {
                h = 31 * h + Long.hashCode(release[i]);
            }
            h = 31 * h + preKind;
            h = 31 * h + Long.hashCode(preNumber);
            h = 31 * h + Long.hashCode(post);
            h = 31 * h + Long.hashCode(dev);
            h = 31 * h + Arrays.hashCode(local);
            h = 31 * h + boundary;
            if (h == 0) {
                h = 1;
            }
            hash = h;
        }
        return h;
    }

    /** The normalized form, for example {@code 1!2.0rc1.post2.dev3+ubuntu.1}. */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            StringBuilder sb = new StringBuilder(16);
            if (epoch != 0) {
                sb.append(epoch).append('!');
            }
            for (int i = 0; i < release.length; i++) {
                if (i > 0) {
                    sb.append('.');
                }
                sb.append(release[i]);
            }
            if (preKind >= 0) {
                sb.append(PRE_KINDS[preKind].label()).append(preNumber);
            }
            if (post != NONE) {
                sb.append(".post").append(post);
            }
            if (dev != NONE) {
                sb.append(".dev").append(dev);
            }
            if (local.length > 0) {
                sb.append('+');
                appendLocal(sb);
            }
            if (boundary == AFTER_LOCALS) {
                sb.append("+<after-locals>");
            } else if (boundary == AFTER_POSTS) {
                sb.append(".<after-posts>");
            }
            t = sb.toString();
            text = t;
        }
        return t;
    }

    private void appendLocal(StringBuilder sb) {
        for (int i = 0; i < local.length; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(local[i].value());
        }
    }
}
