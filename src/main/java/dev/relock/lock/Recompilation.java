package dev.relock.lock;

import java.util.Objects;
import java.util.Optional;

/**
 * A lockfile recompiled in memory ({@link Compiler#recompile}).
 *
 * @param result the compile's result: {@link CompileResult#text()} is the new text
 * @param targetChange {@code old → new} when the targets differ from those the lockfile recorded
 */
public record Recompilation(CompileResult result, Optional<String> targetChange) {
    public Recompilation {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(targetChange, "targetChange");
    }
}
