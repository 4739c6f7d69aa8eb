package dev.relock.update;

import dev.relock.common.RelockException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders lockfiles so that a file referenced by another's {@code .in} through {@code -c} or
 * {@code -r} (for example {@code requirements.txt} from {@code requirements-dev.in}) is compiled
 * first. Only the {@code .in} file's own lines are read; references inside referenced files are not
 * followed. Otherwise the given order is kept.
 */
final class LayerOrder {
    private static final Pattern REFERENCE =
            Pattern.compile("^\\s*(?:-c|--constraint|-r|--requirement)(?:\\s*=\\s*|\\s+|(?=[^\\s-]))(\\S+)");

    private LayerOrder() {}

    static List<LockfileJob> sort(List<LockfileJob> jobs) {
        Map<Path, LockfileJob> byLockfile = new LinkedHashMap<>();
        jobs.forEach(j -> byLockfile.put(j.lockfile().toAbsolutePath().normalize(), j));
        Map<LockfileJob, List<LockfileJob>> needs = new LinkedHashMap<>();
        for (LockfileJob job : jobs) {
            List<LockfileJob> deps = new ArrayList<>();
            for (Path ref : references(job.source())) {
                LockfileJob dep = byLockfile.get(ref);
                if (dep != null && dep != job) {
                    deps.add(dep);
                }
            }
            needs.put(job, deps);
        }
        Set<LockfileJob> done = new LinkedHashSet<>();
        for (LockfileJob job : jobs) {
            visit(job, needs, done, new LinkedHashSet<>());
        }
        return List.copyOf(done);
    }

    private static void visit(LockfileJob job, Map<LockfileJob, List<LockfileJob>> needs, Set<LockfileJob> done,
            Set<LockfileJob> path) {
        if (done.contains(job)) {
            return;
        }
        if (!path.add(job)) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, "lockfiles constrain each other in a cycle: "
                    + path.stream().map(j -> j.lockfile().getFileName().toString()).toList());
        }
        for (LockfileJob dep : needs.get(job)) {
            visit(dep, needs, done, path);
        }
        path.remove(job);
        done.add(job);
    }

    private static List<Path> references(Optional<Path> source) {
        if (source.isEmpty() || !Files.isRegularFile(source.get())) {
            return List.of();
        }
        Path dir = source.get().toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(source.get())) {
                Matcher m = REFERENCE.matcher(line);
                if (m.find()) {
                    out.add(dir.resolve(m.group(1)).normalize());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
