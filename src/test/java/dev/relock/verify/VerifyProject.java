package dev.relock.verify;

import dev.relock.cli.Main;
import dev.relock.cli.RunContext;
import dev.relock.index.DistFile;
import dev.relock.index.IndexClient;
import dev.relock.index.IndexSources;
import dev.relock.index.ProjectPage;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.reqtxt.AnnotationStyle;
import dev.relock.reqtxt.Hash;
import dev.relock.reqtxt.Lockfile;
import dev.relock.reqtxt.LockfileOptions;
import dev.relock.reqtxt.LockfileWriter;
import dev.relock.reqtxt.Pin;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A project directory with {@code requirements.in}, a hashed pip-compile {@code requirements.txt}
 * generated from what a {@link LocalIndexServer} publishes, and {@code .python-version}, plus
 * helpers to break it and to run {@code relock verify} on it.
 */
final class VerifyProject {
    /**
     * The scenario: {@code a} needs {@code b}, {@code b} needs {@code d}, {@code c[socks]} pulls
     * {@code e}; {@code f} and {@code h} exist but nothing needs them.
     */
    static Scenario scenario() {
        return Scenario.builder()
                .project("a", p -> p.release("1.0", r -> r.requires("b>=1.0").wheel().sdist()))
                .project("b", p -> p.release("1.0", r -> r.requires("d")).release("0.9"))
                .project("c", p -> p.release("2.0", r -> r.extra("socks", "e>=1")))
                .project("d", p -> p.release("1.0", r -> r.requiresPython(">=3.10")))
                .project("e", p -> p.release("1.0"))
                .project("f", p -> p.release("1.0"))
                .project("h", p -> p.release("1.0"))
                .build();
    }

    /** Pins of the correct lock, in file order. */
    static final List<String> PINS = List.of("a==1.0", "b==1.0", "c==2.0", "d==1.0", "e==1.0");

    final Path dir;
    final LocalIndexServer server;
    final Path lock;
    final Path in;

    record Result(int status, String out, String err) {}

    VerifyProject(Path dir, LocalIndexServer server) {
        this.dir = dir;
        this.server = server;
        this.lock = dir.resolve("requirements.txt");
        this.in = dir.resolve("requirements.in");
        write(".python-version", "3.11.8\n");
        write("requirements.in", "a\nc[socks]\n");
        write("requirements.txt", lockText(PINS));
    }

    /** The pip-compile lockfile for {@code pins}, with every published hash of each version. */
    String lockText(List<String> pins) {
        return lockText(server, pins);
    }

    /** The pip-compile lockfile for {@code pins} ({@code name==version}), hashes fetched concurrently. */
    static String lockText(LocalIndexServer server, List<String> pins) {
        List<Pin> out = new ArrayList<>();
        try (IndexClient client = IndexClient.builder(
                IndexSources.builder().indexUrl(server.simpleUrl().toString()).build()).build()) {
            List<CompletableFuture<ProjectPage>> pages = new ArrayList<>();
            for (String spec : pins) {
                pages.add(client.projectAsync(PackageName.of(spec.substring(0, spec.indexOf("==")))));
            }
            for (int i = 0; i < pins.size(); i++) {
                String spec = pins.get(i);
                String name = spec.substring(0, spec.indexOf("=="));
                String version = spec.substring(spec.indexOf("==") + 2);
                List<Hash> hashes = new ArrayList<>();
                for (DistFile f : pages.get(i).join().filesOf(Version.parse(version))) {
                    hashes.add(new Hash("sha256", f.sha256().orElseThrow()));
                }
                out.add(Pin.pinned(name, version).withHashes(hashes).withVia(List.of("-r requirements.in")));
            }
        }
        Lockfile lockfile = Lockfile.pipCompile(
                Lockfile.pipCompileHeader("3.11", "pip-compile --generate-hashes requirements.in"),
                new LockfileOptions(Optional.of(server.simpleUrl().toString()), List.of(), List.of(), List.of(),
                        List.of(), List.of()),
                out, Optional.empty(), AnnotationStyle.SPLIT);
        return LockfileWriter.pipCompile().write(lockfile);
    }

    void write(String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} (which must occur) with {@code to} in the file. */
    void edit(String name, String from, String to) {
        String text = read(name);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(name + " does not contain " + from);
        }
        write(name, text.replace(from, to));
    }

    /** The 1-based line of the first line of {@code name} containing {@code needle}. */
    int lineOf(String name, String needle) {
        List<String> lines = read(name).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(name + " has no line with " + needle);
    }

    /** The lock block of one pin: its requirement line, hash lines and annotation. */
    String block(String pin) {
        String text = read("requirements.txt");
        int start = text.indexOf(pin + " \\\n");
        int end = text.indexOf("\n", text.indexOf("# via", start)) + 1;
        return text.substring(start, end);
    }

    /** The hashes the lock lists for {@code pin}. */
    List<String> hashes(String pin) {
        List<String> hashes = new ArrayList<>();
        for (String line : block(pin).lines().toList()) {
            if (line.strip().startsWith("--hash=")) {
                hashes.add(line.strip().replace("--hash=", "").replace(" \\", ""));
            }
        }
        return hashes;
    }

    Result run(Map<String, String> extraEnv, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("RELOCK_CACHE_DIR", dir.resolve(".relock-cache").toString());
        int status = Main.run(args, new RunContext(env, dir, new PrintWriter(out, true), new PrintWriter(err, true),
                false));
        return new Result(status, out.toString(), err.toString());
    }

    Result run(String... args) {
        return run(Map.of(), args);
    }
}
