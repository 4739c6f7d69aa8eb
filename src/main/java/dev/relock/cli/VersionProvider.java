package dev.relock.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads relock's version from the build-filtered {@code version.properties}. */
public final class VersionProvider implements IVersionProvider {
    /** relock's own version, e.g. {@code 0.1.0}. */
    public static String version() {
        Properties props = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "relock " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
