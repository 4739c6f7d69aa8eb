package dev.relock.verify;

import dev.relock.common.Excerpt;
import dev.relock.reqtxt.RequirementEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hashed}: every requirement carries at least one {@code --hash}. pip's hash-checking mode
 * is all or nothing: one hashed requirement turns it on and then every unhashed one fails the
 * install; without any, nothing checks that the downloaded files are the reviewed ones.
 */
public final class HashedCheck implements Check {
    public static final String NAME = "hashed";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "every requirement carries at least one --hash (pip's hash mode is all-or-nothing)";
    }

    @Override
    public List<Finding> run(VerifyInput input) {
        List<Finding> findings = new ArrayList<>();
        for (RequirementEntry e : input.lock().entries()) {
            if (e.hashes().isEmpty()) {
                findings.add(Finding.error(NAME, e.location().file(), e.location().line(),
                        e.requirement().map(r -> r.name()), "--hash=sha256:<digest>", "no hash",
                        "'" + Excerpt.of(e.text()) + "' has no --hash, so pip cannot check what it downloads"));
            }
        }
        return findings;
    }
}
