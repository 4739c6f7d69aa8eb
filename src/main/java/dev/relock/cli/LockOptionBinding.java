package dev.relock.cli;

import dev.relock.lock.LockOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Binds rows of the {@link LockOption} table to a picocli command: one option per name, each
 * collecting its occurrences, in command-line order, as {@link LockOption.Given}. Nothing here
 * knows any particular option; the table owns names, help and meaning.
 */
final class LockOptionBinding {
    /** A command whose options include rows of the table. */
    interface Bound {
        /** The rows this command offers, and where their occurrences go. */
        LockOptionBinding lockOptions();
    }

    private final List<LockOption.Group> groups;
    private final List<LockOption.Given> given = new ArrayList<>();

    private LockOptionBinding(List<LockOption.Group> groups) {
        this.groups = List.copyOf(groups);
    }

    /** A binding of the rows of {@code groups}. */
    static LockOptionBinding of(LockOption.Group... groups) {
        return new LockOptionBinding(List.of(groups));
    }

    /** The occurrences, in command-line order. */
    List<LockOption.Given> given() {
        return List.copyOf(given);
    }

    /** Adds the options of {@code command}'s groups to its spec. */
    static void bind(CommandSpec spec, Bound command) {
        LockOptionBinding target = command.lockOptions();
        for (LockOption row : LockOption.values()) {
            if (!target.groups.contains(row.group())) {
                continue;
            }
            List<String> names = row.names();
            if (row.kind() == LockOption.Kind.FLAG) {
                // Two options: the flag and its negation, which is shown only in the flag's help line.
                String on = names.get(0);
                String off = names.get(names.size() - 1);
                String hint = row.description().contains(off) ? "" : " (" + off + ": off)";
                spec.addOption(flag(on, row.description() + hint, row, target, false));
                spec.addOption(flag(off, row.description(), row, target, true));
            } else if (row == LockOption.BINARY) {
                for (String name : names) {
                    spec.addOption(value(new String[] {name}, row, target));
                }
            } else {
                spec.addOption(value(names.toArray(String[]::new), row, target));
            }
        }
    }

    private static OptionSpec flag(String name, String description, LockOption row, LockOptionBinding target,
            boolean hidden) {
        return OptionSpec.builder(name)
                .arity("0")
                .description(description)
                .hidden(hidden)
                .parameterConsumer(new Collect(row, name, target, false))
                .build();
    }

    private static OptionSpec value(String[] names, LockOption row, LockOptionBinding target) {
        return OptionSpec.builder(names)
                .arity("1")
                .paramLabel(row.paramLabel())
                .description(row.description())
                .type(String.class)
                .parameterConsumer(new Collect(row, names[names.length - 1], target, true))
                .build();
    }

    /**
     * Records one occurrence, popping its value when the row takes one. A class, not a record:
     * picocli hashes its options, and a record's generated {@code hashCode} costs a method-handle
     * bootstrap at start-up that nothing here needs.
     */
    private static final class Collect implements IParameterConsumer {
        private final LockOption row;
        private final String flag;
        private final LockOptionBinding target;
        private final boolean takesValue;

        Collect(LockOption row, String flag, LockOptionBinding target, boolean takesValue) {
            this.row = row;
            this.flag = flag;
            this.target = target;
            this.takesValue = takesValue;
        }

        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            String value = "";
            if (takesValue) {
                if (args.isEmpty()) {
                    throw new ParameterException(commandSpec.commandLine(), "Missing required parameter for option '"
                            + ((OptionSpec) argSpec).longestName() + "' (" + row.paramLabel() + ")");
                }
                value = args.pop();
            }
            target.given.add(new LockOption.Given(row, canonical(), value));
        }

        /** The name the table knows the occurrence by: the long one for aliases like {@code -c}. */
        private String canonical() {
            if (row == LockOption.BINARY || row.kind() == LockOption.Kind.FLAG) {
                return flag;
            }
            return row.names().get(row.names().size() - 1);
        }
    }
}
