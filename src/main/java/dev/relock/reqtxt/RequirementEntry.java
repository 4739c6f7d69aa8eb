package dev.relock.reqtxt;

import dev.relock.pep508.MarkerTree;
import dev.relock.pep508.Requirement;
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
 * @param requirement the parsed PEP 508 requirement; present exactly for {@link Form#NAMED}
 * @param marker when the line applies: the requirement's marker for {@link Form#NAMED}, the marker
 *     after {@code "; "} (URL) or {@code ";"} (path), {@link MarkerTree#TRUE} when there is none
 * @param hashes the {@code --hash} options of the line, in the order written
 * @param configSettings the {@code --config-settings} values, passed through
 * @param globalOptions the {@code --global-option} values, passed through
 * @param location where the requirement text starts
 */
public record RequirementEntry(
        Form form,
        String text,
        String target,
        Optional<Requirement> requirement,
        MarkerTree marker,
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
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(marker, "marker");
        if (requirement.isPresent() != (form == Form.NAMED)) {
            throw new IllegalArgumentException("a parsed requirement belongs to exactly the NAMED form");
        }
        hashes = List.copyOf(hashes);
        configSettings = List.copyOf(configSettings);
        globalOptions = List.copyOf(globalOptions);
        Objects.requireNonNull(location, "location");
    }
}
