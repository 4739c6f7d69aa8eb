package dev.relock.cli;

import dev.relock.cache.Cache;
import dev.relock.filename.WheelFilename;
import dev.relock.index.IndexClient;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.pep508.MarkerEnvironment;
import dev.relock.pep508.Requirement;
import java.util.Map;
import java.util.Set;

/**
 * One-time work that every run against an index does, started on background threads as the run
 * begins, so that it overlaps the single-threaded reading of the command line and the project
 * instead of delaying the first request and the first cache read.
 *
 * <p>A JVM start-up archive holds classes loaded and linked, but not their initialized state nor
 * the method handles behind records' {@code equals}/{@code hashCode}, nor compiled code: the
 * first use of the HTTP client, of the cache's codec and of the packaging standards' parsers
 * costs tens of milliseconds of CPU each, once per process. Everything here is side-effect free
 * (in memory, no file, no request), and a failure is ignored: the run meets the same code and
 * reports whatever is wrong.
 */
final class WarmUp {
    /** The commands that read an index or the cache. */
    private static final Set<String> INDEX_COMMANDS = Set.of("compile", "verify", "update", "wheelhouse");

    private WarmUp() {}

    /** Starts the warm-up when {@code args} name a command that uses an index; returns at once. */
    static void startFor(String[] args) {
        if (!usesIndex(args)) {
            return;
        }
        // Even for --offline or a warm cache: on its own core it costs the run nothing, and a
        // static index (no Cache-Control) is asked again on every run.
        IndexClient.prepareNetwork();
        Thread thread = new Thread(WarmUp::standardsAndCache, "relock-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Whether {@code args} name an index-using command. */
    static boolean usesIndex(String[] args) {
        return Main.commandName(args).filter(INDEX_COMMANDS::contains).isPresent();
    }

    private static void standardsAndCache() {
        try {
            // First a record's generated equals and hashCode: the first one in a process sets up
            // the method-handle machinery every later record class shares.
            if (PackageName.of("warm-up").equals(PackageName.of("Warm_Up"))) {
                PackageName.of("warm-up").hashCode();
            }
            Cache.prepare();
            Requirement requirement = Requirement.parse(
                    "warm-up[extra]>=1.0,!=1.1.*; python_version >= \"3.8\" and sys_platform == \"linux\"");
            MarkerEnvironment environment = MarkerEnvironment.fromMap(Map.of(
                    "python_version", "3.12", "python_full_version", "3.12.1", "sys_platform", "linux"));
            boolean applies = requirement.marker().evaluate(environment)
                    && requirement.specifiers().contains(Version.parse("1.2.post1"))
                    && requirement.name().equals(PackageName.of("Warm_Up"));
            WheelFilename wheel = WheelFilename.parse("warm_up-1.2-cp312-cp312-manylinux_2_17_x86_64.whl");
            if (applies && wheel.name().hashCode() != requirement.name().hashCode()) {
                throw new IllegalStateException("normalized names differ");
            }
        } catch (RuntimeException | LinkageError e) {
            // the run itself meets the same code and reports what is wrong
        }
    }
}
