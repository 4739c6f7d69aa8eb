package dev.relock.testing.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Turns a release description into real, installable distribution files with deterministic bytes.
 *
 * <p>Wheels are zip files whose entries are STORED (uncompressed) with a fixed DOS timestamp, so
 * their bytes depend on nothing but the description. Sdists are gzip'd ustar/POSIX tars with fixed
 * owner, mode and mtime, compressed at a fixed level (gzip header mtime 0).
 */
public final class Distributions {
    /** Timestamp written into every archive entry. */
    static final LocalDateTime ZIP_TIME = LocalDateTime.of(2020, 2, 2, 0, 0, 0);
    static final FileTime TAR_TIME = FileTime.from(Instant.parse("2020-02-02T00:00:00Z"));
    /** Metadata-Version of wheel METADATA files (the first that has Provides-Extra semantics). */
    static final String WHEEL_METADATA_VERSION = "2.1";

    private Distributions() {}

    /** The file name of a distribution: PEP 427 for wheels, PEP 625 for sdists. */
    public static String filename(ProjectSpec project, ReleaseSpec release, DistributionSpec dist) {
        String stem = ProjectNames.escaped(project.name()) + "-" + release.version().replace('-', '_');
        return dist instanceof DistributionSpec.Wheel w ? stem + "-" + w.tags() + ".whl" : stem + ".tar.gz";
    }

    /** Builds the file. */
    public static BuiltDistribution build(ProjectSpec project, ReleaseSpec release, DistributionSpec dist) {
        String filename = filename(project, release, dist);
        if (dist instanceof DistributionSpec.Wheel w) {
            byte[] metadata = coreMetadata(project, release, WHEEL_METADATA_VERSION, List.of());
            return new BuiltDistribution(filename, wheel(project, release, w, metadata), metadata, true);
        }
        DistributionSpec.Sdist s = (DistributionSpec.Sdist) dist;
        byte[] metadata = coreMetadata(project, release, s.metadataVersion(), s.dynamic());
        return new BuiltDistribution(filename, sdist(project, release, metadata, s.files()), metadata, false);
    }

    /** The core metadata (METADATA / PKG-INFO) of a release. */
    static byte[] coreMetadata(ProjectSpec project, ReleaseSpec release, String metadataVersion,
            List<String> dynamic) {
        StringBuilder b = new StringBuilder();
        b.append("Metadata-Version: ").append(metadataVersion).append('\n');
        b.append("Name: ").append(project.name()).append('\n');
        b.append("Version: ").append(release.version()).append('\n');
        for (String field : dynamic) {
            b.append("Dynamic: ").append(field).append('\n');
        }
        b.append("Summary: ").append(release.summary()).append('\n');
        for (String url : release.projectUrls()) {
            b.append("Project-URL: ").append(url).append('\n');
        }
        release.requiresPython().ifPresent(rp -> b.append("Requires-Python: ").append(rp).append('\n'));
        for (String extra : release.providesExtra()) {
            b.append("Provides-Extra: ").append(extra).append('\n');
        }
        for (Dependency d : release.dependencies()) {
            b.append("Requires-Dist: ").append(d.requiresDist()).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The importable package name of a project. */
    static String packageName(ProjectSpec project) {
        return ProjectNames.escaped(project.name());
    }

    private static byte[] moduleSource(ProjectSpec project, ReleaseSpec release) {
        return ("\"\"\"" + project.name() + " (generated test distribution).\"\"\"\n__version__ = \""
                + release.version() + "\"\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] wheel(ProjectSpec project, ReleaseSpec release, DistributionSpec.Wheel spec,
            byte[] metadata) {
        String distInfo = ProjectNames.escaped(project.name()) + "-" + release.version().replace('-', '_')
                + ".dist-info";
        StringBuilder wheelFile = new StringBuilder("Wheel-Version: 1.0\nGenerator: relock-test-index 1.0\n")
                .append("Root-Is-Purelib: ").append(spec.rootIsPurelib()).append('\n');
        spec.expandedTags().forEach(t -> wheelFile.append("Tag: ").append(t).append('\n'));

        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(packageName(project) + "/__init__.py", moduleSource(project, release));
        entries.put(distInfo + "/METADATA", metadata);
        entries.put(distInfo + "/WHEEL", wheelFile.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder();
        entries.forEach((path, data) -> record.append(path).append(',').append(Hashing.recordDigest(data))
                .append(',').append(data.length).append('\n'));
        record.append(distInfo).append("/RECORD,,\n");
        entries.put(distInfo + "/RECORD", record.toString().getBytes(StandardCharsets.UTF_8));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                byte[] data = e.getValue();
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(data.length);
                entry.setCompressedSize(data.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                entry.setCrc(crc.getValue());
                entry.setTimeLocal(ZIP_TIME);
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] sdist(ProjectSpec project, ReleaseSpec release, byte[] metadata, Map<String, String> files) {
        String root = ProjectNames.escaped(project.name()) + "-" + release.version().replace('-', '_') + "/";
        Map<String, byte[]> entries = new TreeMap<>();
        entries.put(root + "PKG-INFO", metadata);
        entries.put(root + "pyproject.toml", ("[build-system]\nrequires = [\"setuptools>=40.8.0\"]\n"
                + "build-backend = \"setuptools.build_meta\"\n").getBytes(StandardCharsets.UTF_8));
        entries.put(root + "setup.py", setupPy(project, release).getBytes(StandardCharsets.UTF_8));
        entries.put(root + packageName(project) + "/__init__.py", moduleSource(project, release));
        files.forEach((path, content) -> entries.put(root + path, content.getBytes(StandardCharsets.UTF_8)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new FixedLevelGzip(out);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                entry.setMode(0100644);
                entry.setLastModifiedTime(TAR_TIME);
                entry.setUserId(0);
                entry.setGroupId(0);
                entry.setUserName("");
                entry.setGroupName("");
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String setupPy(ProjectSpec project, ReleaseSpec release) {
        List<String> install = new ArrayList<>();
        Map<String, List<String>> extras = new TreeMap<>();
        release.providesExtra().forEach(e -> extras.put(e, new ArrayList<>()));
        for (Dependency d : release.dependencies()) {
            if (d.extra().isPresent()) {
                extras.get(d.extra().get()).add(d.requirement());
            } else {
                install.add(d.requirement());
            }
        }
        StringBuilder b = new StringBuilder("from setuptools import setup\n\nsetup(\n");
        b.append("    name=").append(py(project.name())).append(",\n");
        b.append("    version=").append(py(release.version())).append(",\n");
        b.append("    description=").append(py(release.summary())).append(",\n");
        b.append("    packages=[").append(py(packageName(project))).append("],\n");
        b.append("    install_requires=").append(pyList(install)).append(",\n");
        b.append("    extras_require={").append(extras.entrySet().stream()
                .map(e -> py(e.getKey()) + ": " + pyList(e.getValue())).collect(Collectors.joining(", ")))
                .append("},\n");
        release.requiresPython().ifPresent(rp -> b.append("    python_requires=").append(py(rp)).append(",\n"));
        return b.append(")\n").toString();
    }

    private static String pyList(List<String> values) {
        return values.stream().map(Distributions::py).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String py(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** gzip at a fixed compression level; the JDK writes a fixed header (mtime 0). */
    private static final class FixedLevelGzip extends GZIPOutputStream {
        FixedLevelGzip(ByteArrayOutputStream out) throws IOException {
            super(out);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
