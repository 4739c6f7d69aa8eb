package dev.relock.wheelhouse;

import dev.relock.common.RelockException;
import java.util.List;

/** Turns the problems a stage collected into one error whose first line says what failed. */
final class Problems {
    private Problems() {}

    /** Throws when {@code problems} is not empty. */
    static void throwIfAny(RelockException.Kind kind, String stage, List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        if (problems.size() == 1) {
            throw new RelockException(kind, problems.get(0));
        }
        StringBuilder message = new StringBuilder(stage).append(": ").append(problems.size()).append(" problems");
        for (String problem : problems) {
            message.append("\n  ").append(problem);
        }
        throw new RelockException(kind, message.toString());
    }
}
