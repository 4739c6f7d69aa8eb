package dev.relock.resolve;

import dev.relock.name.PackageName;
import java.util.Objects;

/** Why a package is in a {@link Resolution}: another package requires it, or the user does. */
public sealed interface Via permits Via.Parent, Via.Source {

    /** The resolved package {@code name} depends on it. */
    record Parent(PackageName name) implements Via {
        public Parent {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A requirement or constraint from the input labelled {@code label} ({@code -r requirements.in}). */
    record Source(String label) implements Via {
        public Source {
            Objects.requireNonNull(label, "label");
        }
    }
}
