package dev.relock.wheelhouse;

import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.reqtxt.Pin;
import dev.relock.tags.Target;
import java.util.List;

/**
 * A {@code name==version} pin of the lockfile with the targets that install it.
 *
 * @param pin the pin as read
 * @param name its normalized name
 * @param version its version
 * @param targets the requested targets whose environment satisfies the pin's marker, in request order
 */
record LockedPin(Pin pin, PackageName name, Version version, List<Target> targets) {
    LockedPin {
        targets = List.copyOf(targets);
    }

    /** {@code name==version} as the lockfile spells it, for messages. */
    String label() {
        return pin.name() + "==" + pin.target();
    }
}
