package dev.relock.verify;

import dev.relock.common.Excerpt;
import dev.relock.name.PackageName;
import dev.relock.reqtxt.RequirementEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code pinned}: every requirement names one exact version ({@code name==version} or
 * {@code name===version}). Ranges, bare names, wildcards, URL, path and editable requirements let
 * pip install something other than what was reviewed.
 */
public final class PinnedCheck implements Check {
    public static final String NAME = "pinned";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "every requirement is name==version (or ===); ranges, bare names, URLs and paths are errors";
    }

    @Override
    public List<Finding> run(VerifyInput input) {
        List<Finding> findings = new ArrayList<>();
        for (RequirementEntry e : input.lock().entries()) {
            if (LockedPin.of(e).isPresent()) {
                continue;
            }
            Optional<PackageName> pkg = e.requirement().map(r -> r.name());
            String why = switch (e.form()) {
                case URL -> "a URL requirement is not pinned to an index release";
                case PATH -> "a path requirement is not pinned to an index release";
                case EDITABLE -> "an editable requirement is not pinned";
                case NAMED -> e.requirement().get().url().isPresent()
                        ? "a direct reference (name @ url) is not pinned to an index release"
                        : e.requirement().get().specifiers().isAny()
                                ? "a bare name lets pip install any version"
                                : "a version range lets pip install a version nobody locked";
            };
            String expected = pkg.map(n -> n + "==<version>").orElse("name==<version>");
            findings.add(Finding.error(NAME, e.location().file(), e.location().line(), pkg, expected, Excerpt.of(e.text()),
                    "'" + Excerpt.of(e.text()) + "' is not an exact pin: " + why));
        }
        return findings;
    }
}
