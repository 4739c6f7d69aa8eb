package dev.relock.advisory;

import dev.relock.common.RelockException;
import dev.relock.name.PackageName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An offline OSV database ({@code --osv-db PATH}): a directory of OSV JSON records (searched
 * recursively for {@code *.json}) or a zip of them, such as OSV's per-ecosystem
 * {@code https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip}. Records are matched
 * by relock's own evaluation of their ranges ({@link Advisory#affects}); withdrawn ones are left out.
 *
 * <p>The whole database is read on the first query; a file that is not an OSV record fails the
 * run (BAD_INPUT) naming it, since a silently skipped record could hide a vulnerability.
 */
public final class OsvDatabaseSource implements AdvisorySource {
    private final Path path;
    private Map<PackageName, List<Advisory>> byPackage;

    public OsvDatabaseSource(Path path) {
        this.path = path;
    }

    @Override
    public String describe() {
        return path.toString();
    }

    @Override
    public synchronized Map<Pin, List<Advisory>> query(Collection<Pin> pins) {
        if (byPackage == null) {
            byPackage = load();
        }
        Map<Pin, List<Advisory>> result = new LinkedHashMap<>();
        for (Pin pin : pins) {
            result.put(pin, byPackage.getOrDefault(pin.name(), List.of()).stream()
                    .filter(a -> a.affects(pin.name(), pin.version()))
                    .toList());
        }
        return result;
    }

    private Map<PackageName, List<Advisory>> load() {
        List<Advisory> all = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                        .filter(Files::isRegularFile).sorted().toList()) {
                    all.add(record(path.relativize(file).toString(), Files.readAllBytes(file)));
                }
            } catch (IOException e) {
                throw unreadable(e);
            }
        } else if (Files.isRegularFile(path)) {
            try (ZipFile zip = new ZipFile(path.toFile())) {
                List<? extends ZipEntry> entries = zip.stream()
                        .filter(e -> !e.isDirectory() && e.getName().endsWith(".json")).toList();
                for (ZipEntry entry : entries) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        all.add(record(entry.getName(), in.readAllBytes()));
                    }
                }
            } catch (IOException e) {
                throw unreadable(e);
            }
        } else {
            throw new AdvisoryException(RelockException.Kind.BAD_INPUT,
                    "--osv-db " + path + ": no such file or directory");
        }
        Map<PackageName, List<Advisory>> index = new HashMap<>();
        for (Advisory a : all) {
            if (a.isWithdrawn()) {
                continue;
            }
            a.affected().stream().map(AffectedRange::name).distinct()
                    .forEach(n -> index.computeIfAbsent(n, k -> new ArrayList<>()).add(a));
        }
        return index;
    }

    private Advisory record(String name, byte[] bytes) {
        try {
            return OsvRecords.parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new AdvisoryException(RelockException.Kind.BAD_INPUT,
                    "--osv-db " + path + ": " + name + ": " + e.getMessage());
        }
    }

    private AdvisoryException unreadable(IOException e) {
        return new AdvisoryException(RelockException.Kind.BAD_INPUT, "--osv-db " + path
                + ": cannot read it as a directory or zip of OSV records ("
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
}
