package dev.relock.cli;

import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

/**
 * Declares a command's options and parameters on a picocli {@link CommandSpec} directly.
 *
 * <p>picocli's annotations are read by reflection on every start: a dynamic proxy class per
 * annotation type and a method handle per field, neither of which a JVM start-up archive can
 * hold. That was a third of a small compile's time before its first request. A spec declared
 * here is a few hundred plain objects; each option reaches its command through a setter.
 */
final class SpecBuilder {
    private final CommandSpec spec;

    private SpecBuilder(CommandSpec spec) {
        this.spec = spec;
    }

    /** A command named {@code name} whose {@code call()} is {@code command}'s. */
    static SpecBuilder command(String name, Object command) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name(name);
        return new SpecBuilder(spec);
    }

    /** The help's description paragraphs. */
    SpecBuilder description(String... lines) {
        spec.usageMessage().description(lines);
        return this;
    }

    /** The help's footer, under {@code heading}. */
    SpecBuilder footer(String heading, String... lines) {
        spec.usageMessage().footerHeading(heading).footer(lines);
        return this;
    }

    /** Left out of the parent's list of commands. */
    SpecBuilder hidden() {
        spec.usageMessage().hidden(true);
        return this;
    }

    /** {@code -h, --help} and {@code -V, --version}, worded as picocli's standard ones. */
    SpecBuilder standardHelp() {
        spec.versionProvider(new VersionProvider());
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return this;
    }

    /** An option with these names; add it with one of {@link Option}'s terminal methods. */
    Option option(String... names) {
        return new Option(OptionSpec.builder(names));
    }

    /** Positional parameters; add them with one of {@link Positional}'s terminal methods. */
    Positional positional(String label) {
        return new Positional(PositionalParamSpec.builder().paramLabel(label));
    }

    /** The finished spec. */
    CommandSpec build() {
        return spec;
    }

    /** One option being declared. */
    final class Option {
        private final OptionSpec.Builder builder;

        private Option(OptionSpec.Builder builder) {
            this.builder = builder;
        }

        Option label(String label) {
            builder.paramLabel(label);
            return this;
        }

        Option description(String description) {
            builder.description(description);
            return this;
        }

        /** The value when the option is not given; {@code ${DEFAULT-VALUE}} in the description shows it. */
        Option defaultValue(String value) {
            builder.defaultValue(value);
            return this;
        }

        Option required() {
            builder.required(true);
            return this;
        }

        /** Also accepted as {@code --no-NAME} (or {@code --NAME} for a {@code --no-} option). */
        Option negatable() {
            builder.negatable(true);
            return this;
        }

        /** Given to every subcommand too. */
        Option inherited() {
            builder.scopeType(ScopeType.INHERIT);
            return this;
        }

        /** A flag: {@code set} receives true when given (false when negated). */
        SpecBuilder flag(Consumer<Boolean> set) {
            return add(builder.arity("0").type(boolean.class), set);
        }

        /** A flag that may be repeated or clustered ({@code -vvv}): {@code set} receives how often. */
        SpecBuilder counted(Consumer<Integer> set) {
            return add(builder.arity("0").type(boolean[].class), (boolean[] given) -> set.accept(given.length));
        }

        /** One value of {@code type}, converted by picocli (or a converter registered for the type). */
        <T> SpecBuilder value(Class<T> type, Consumer<T> set) {
            return add(builder.arity("1").type(type), set);
        }

        /** A repeatable option: each value is appended to {@code target}. */
        <T> SpecBuilder values(Class<T> type, List<T> target) {
            return add(builder.arity("1").type(List.class).auxiliaryTypes(type), (List<T> all) -> {
                target.clear();
                target.addAll(all);
            });
        }

        private <T> SpecBuilder add(OptionSpec.Builder b, Consumer<T> set) {
            Binding<T> binding = new Binding<>(set);
            spec.addOption(b.getter(binding).setter(binding).build());
            return SpecBuilder.this;
        }
    }

    /** Positional parameters being declared. */
    final class Positional {
        private final PositionalParamSpec.Builder builder;

        private Positional(PositionalParamSpec.Builder builder) {
            this.builder = builder;
        }

        Positional description(String description) {
            builder.description(description);
            return this;
        }

        /** Exactly one value, at {@code index}. */
        <T> SpecBuilder one(int index, Class<T> type, Consumer<T> set) {
            Binding<T> binding = new Binding<>(set);
            spec.addPositional(builder.index(Integer.toString(index)).arity("1").type(type)
                    .getter(binding).setter(binding).build());
            return SpecBuilder.this;
        }

        /** Any number of values, each appended to {@code target}. */
        <T> SpecBuilder any(Class<T> type, List<T> target) {
            Binding<List<T>> binding = new Binding<>(all -> {
                target.clear();
                target.addAll(all);
            });
            spec.addPositional(builder.arity("0..*").type(List.class).auxiliaryTypes(type)
                    .getter(binding).setter(binding).build());
            return SpecBuilder.this;
        }
    }

    /**
     * Where picocli keeps an option's value, passing each non-null value on to the command. picocli
     * sets the initial value (null) before parsing; the command's own field keeps its initializer.
     */
    private static final class Binding<T> implements IGetter, ISetter {
        private final Consumer<T> set;
        private T value;

        Binding(Consumer<T> set) {
            this.set = set;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R get() {
            return (R) value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R set(R newValue) {
            R old = (R) value;
            value = (T) newValue;
            if (newValue != null) {
                set.accept(value);
            }
            return old;
        }
    }
}
