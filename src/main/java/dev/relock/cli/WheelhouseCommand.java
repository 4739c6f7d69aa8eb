package dev.relock.cli;

import dev.relock.index.IndexClient;
import dev.relock.index.IndexLog;
import dev.relock.lock.CompileSetup;
import dev.relock.lock.LockOption;
import dev.relock.lock.LockSettings;
import dev.relock.lock.LockTargets;
import dev.relock.reqtxt.Lockfile;
import dev.relock.reqtxt.LockfileReader;
import dev.relock.tags.Target;
import dev.relock.wheelhouse.Action;
import dev.relock.wheelhouse.FileChoice;
import dev.relock.wheelhouse.FileOutcome;
import dev.relock.wheelhouse.Wheelhouse;
import dev.relock.wheelhouse.WheelhouseRequest;
import dev.relock.wheelhouse.WheelhouseResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code relock wheelhouse LOCKFILE -d DIR}: downloads the files a lockfile's hashes allow into a
 * flat directory for {@code pip install --no-index --find-links DIR --require-hashes}, for the
 * targets the lockfile records (or those given: {@code --python-platform} is repeatable, so one
 * wheelhouse can serve several platforms).
 */
final class WheelhouseCommand implements Callable<Integer>, LockOptionBinding.Bound {
    enum Format { TEXT, JSON }

    private final RelockCommand root;
    private final CommandSpec spec;
    private final IndexOptions index = new IndexOptions();
    private final LockOptionBinding lockOptions = LockOptionBinding.of(LockOption.Group.TARGET, LockOption.Group.INDEX);
    private String lockfile;
    private String directory;
    private boolean allFiles;
    private boolean includeSdists;
    private Format format;

    WheelhouseCommand(RelockCommand root) {
        this.root = root;
        SpecBuilder b = SpecBuilder.command("wheelhouse", this)
                .description(
                        "Download the files a hashed lockfile allows into DIR, verified, for an offline install.",
                        "Then: pip install --no-index --find-links DIR --require-hashes -r LOCKFILE")
                .footer("%nExit status:%n",
                        "  0  the wheelhouse is complete and DIR/relock-wheelhouse.json describes it",
                        "  2  bad input: unreadable lockfile, a pin without hashes, no file for a target",
                        "  4  index/network failure, or a file does not match the lockfile's hash")
                .standardHelp()
                .positional("LOCKFILE").description("The hashed lockfile (pip-compile or uv format).")
                .one(0, String.class, v -> lockfile = v)
                .option("-d", "--dest").required().label("DIR")
                .description("The wheelhouse directory (created when missing; files already there with the right hash"
                        + " are kept without any request).")
                .value(String.class, v -> directory = v)
                .option("--all-files").description("Bundle every file the lockfile's hashes allow, for any platform.")
                .flag(v -> allFiles = v)
                .option("--include-sdists")
                .description("Where a target has no compatible wheel, bundle the sdist (pip builds it when installing).")
                .flag(v -> includeSdists = v)
                .option("--format").label("FORMAT").defaultValue("text")
                .description("Output format: text or json (default: ${DEFAULT-VALUE}).")
                .value(Format.class, v -> format = v);
        index.declare(b);
        spec = b.build();
    }

    /** The command's picocli model. */
    CommandSpec spec() {
        return spec;
    }

    @Override
    public LockOptionBinding lockOptions() {
        return lockOptions;
    }

    @Override
    public Integer call() {
        RunContext ctx = root.context();
        Path lockPath = ctx.resolve(lockfile);
        Lockfile lock = LockfileReader.read(lockPath);
        LockSettings settings = CompileSetup.settingsOf(lockPath, ctx.workingDirectory(), lockOptions.given(), ctx.env());
        List<Target> targets = LockTargets.choose(settings.installTarget(lockOptions.given().stream()
                .anyMatch(g -> g.option() == LockOption.PYTHON_VERSION)), "the lockfile", lockPath.getParent(),
                lockPath.getParent()).targets();
        WheelhouseRequest request = new WheelhouseRequest(lockPath, lockfile, lock, ctx.resolve(directory), targets,
                allFiles ? FileChoice.ALL_FILES : FileChoice.BEST_PER_TARGET, includeSdists, VersionProvider.version());
        WheelhouseResult result;
        try (Progress progress = Progress.of(ctx, root.global());
                IndexClient client = index.client(ctx, index.sources(ctx, settings), log(ctx))) {
            result = new Wheelhouse(client, progress::status).build(request);
        }
        if (format == Format.JSON) {
            ctx.out().print(result.toJson(directory));
            ctx.out().flush();
        } else if (root.global().verbosity() >= 0) {
            printText(ctx.out(), result);
        }
        if (root.global().verbosity() >= 0) {
            result.warnings().forEach(w -> ctx.err().println("relock: warning: " + w));
        }
        return ExitCodes.OK;
    }

    private IndexLog log(RunContext ctx) {
        boolean debug = root.global().verbosity() >= 2;
        boolean quiet = root.global().verbosity() < 0;
        PrintWriter err = ctx.err();
        return new IndexLog() {
            @Override
            public void debug(String message) {
                if (debug) {
                    synchronized (err) {
                        err.println("relock: debug: " + message);
                    }
                }
            }

            @Override
            public void warn(String message) {
                if (!quiet) {
                    synchronized (err) {
                        err.println("relock: warning: " + message);
                    }
                }
            }
        };
    }

    private void printText(PrintWriter out, WheelhouseResult result) {
        boolean verbose = root.global().verbose();
        for (FileOutcome o : result.outcomes()) {
            switch (o.action()) {
                case DOWNLOADED -> out.println("downloaded " + o.entry().filename());
                case REPLACED -> out.println("replaced   " + o.entry().filename() + " (its sha256 was "
                        + o.replacedSha256().orElseThrow() + ", the lockfile allows " + o.entry().sha256() + ")");
                case PRESENT -> {
                    if (verbose) {
                        out.println("present    " + o.entry().filename());
                    }
                }
            }
        }
        for (String extra : result.extraFiles()) {
            out.println("note: " + extra + " is not part of this lockfile's wheelhouse (left in place)");
        }
        out.println(directory + ": " + result.outcomes().size() + " file" + (result.outcomes().size() == 1 ? "" : "s")
                + " for " + String.join(", ", result.manifest().targets().stream().map(t -> t.name()).toList())
                + " (" + result.count(Action.DOWNLOADED) + " downloaded, " + result.count(Action.REPLACED)
                + " replaced, " + result.count(Action.PRESENT) + " already present)");
        out.println("Install offline with: pip install --no-index --find-links " + directory
                + " --require-hashes -r " + lockfile);
        out.flush();
    }
}
