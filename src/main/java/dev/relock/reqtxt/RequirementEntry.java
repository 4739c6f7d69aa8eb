package dev.relock.reqtxt;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One requirement (or constraint) line of a requirements file, after continuations were joined,
 * the comment removed and {@code ${VAR}} references expanded.
 *
 * @param form how the requirement is written
 * @param text the requirement as written, without its per-line options
 * @param target for {@link Form#URL}, {@link Form#PATH} and {@link Form#EDITABLE}: the URL or path
 *     (without the marker); for {@link Form#NAMED}: the same as {@code text}
 * @param marker for {@link Form#URL} and {@link Form#PATH}: the environment marker after
 *     {@code "; "} (URL) or {@code ";"} (path), as written; always empty for the other forms (a
 *     named requirement carries its marker inside its PEP 508 text)
 * @param hashes the {@code --hash} options of the line, in the order written
 * @param configSettings the {@code --config-settings} values, passed through
 * @param globalOptions the {@code --global-option} values, passed through
 * @param location where the requirement text starts
 */
public record RequirementEntry(
        Form form,
        String text,
        String target,
        Optional<String> marker,
        List<Hash> hashes,
        List<String> configSettings,
        List<String> globalOptions,
        SourceLocation location) {

    /** The ways pip lets a requirement be written. */
    public enum Form {
        /** A PEP 508 requirement, including {@code name @ url}. */
        NAMED,
        /** A bare URL ({@code https://…/x.whl}, {@code git+https://…#egg=x}). */
        URL,
        /** A local path to a project directory or an archive; pip resolves it against the working directory. */
        PATH,
        /** {@code -e/--editable} followed by a path or VCS URL. */
        EDITABLE
    }

    public RequirementEntry {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(marker, "marker");
        hashes = List.copyOf(hashes);
        configSettings = List.copyOf(configSettings);
        globalOptions = List.copyOf(globalOptions);
        Objects.requireNonNull(location, "location");
    }
}
