package dev.relock.resolve;

import dev.relock.name.ExtraName;
import dev.relock.name.PackageName;

/**
 * A package as the solver sees it: the root (the user's requirements), a base package, or the
 * virtual {@code name[extra]} package that pins its base to the same version and adds the extra's
 * dependencies (uv's approach, so that an extra's dependencies are those of the chosen version).
 */
sealed interface Node permits Node.Root, Node.Base, Node.Extra {

    /** The user's requirements. */
    record Root() implements Node {
        @Override
        public String toString() {
            return "your requirements";
        }
    }

    /** A package of the index. */
    record Base(PackageName name) implements Node {
        @Override
        public String toString() {
            return name.toString();
        }
    }

    /** A package with one extra requested. */
    record Extra(PackageName name, ExtraName extra) implements Node {
        @Override
        public String toString() {
            return name + "[" + extra + "]";
        }
    }

    Root ROOT = new Root();

    /** The index package behind this node; absent for the root. */
    static java.util.Optional<PackageName> projectOf(Node node) {
        if (node instanceof Base b) {
            return java.util.Optional.of(b.name());
        }
        if (node instanceof Extra e) {
            return java.util.Optional.of(e.name());
        }
        return java.util.Optional.empty();
    }
}
