package dev.relock.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Help that wraps only at spaces. picocli wraps with the JDK's line {@code BreakIterator}, which
 * also breaks after {@code .}, {@code /} and {@code :}, so that {@code .python-version} or
 * {@code https://pypi.org/simple/} came out split across lines ({@code .} / {@code python-version}).
 * While a text is laid out, those characters are replaced (when a non-space follows them) by
 * letters the break iterator does not split at, and put back in the finished text; the width of
 * each line is unchanged. picocli does the same for {@code -}.
 */
final class HelpText extends Help {
    private static final char[][] KEPT = {{'.', '\u0138'}, {'/', '\u0146'}, {':', '\u0149'}};

    HelpText(CommandSpec spec, ColorScheme colors) {
        super(spec, colors);
    }

    /** Installs this help on {@code cli} and every subcommand it has now. */
    static void install(CommandLine cli) {
        cli.setHelpFactory(HelpText::new);
    }

    @Override
    public Layout createDefaultLayout(java.util.List<OptionSpec> options, java.util.List<PositionalParamSpec> positionals,
            ColorScheme colors) {
        Layout layout = super.createDefaultLayout(options, positionals, colors);
        TextTable table = new KeepTokens(colors, layout.textTable().columns());
        table.indentWrappedLines = layout.textTable().indentWrappedLines;
        table.setAdjustLineBreaksForWideCJKCharacters(layout.textTable().isAdjustLineBreaksForWideCJKCharacters());
        return new Layout(colors, table, layout.optionRenderer(), layout.parameterRenderer());
    }

    @Override
    public String description(Object... params) {
        String[] lines = commandSpec().usageMessage().description();
        if (lines.length == 0) {
            return "";
        }
        TextTable table = new KeepTokens(colorScheme(),
                new Column[] {new Column(commandSpec().usageMessage().width(), 0, Column.Overflow.WRAP)});
        table.indentWrappedLines = 0;
        for (String line : lines) {
            for (String row : String.format(line, params).split("\\r?\\n", -1)) {
                table.addRowValues(colorScheme().text(row));
            }
        }
        return table.toString();
    }

    static String keep(String text) {
        StringBuilder sb = new StringBuilder(text);
        for (int i = 0; i + 1 < sb.length(); i++) {
            if (!Character.isWhitespace(sb.charAt(i + 1))) {
                for (char[] pair : KEPT) {
                    if (sb.charAt(i) == pair[0]) {
                        sb.setCharAt(i, pair[1]);
                    }
                }
            }
        }
        return sb.toString();
    }

    static String restore(String text) {
        String result = text;
        for (char[] pair : KEPT) {
            result = result.replace(pair[1], pair[0]);
        }
        return result;
    }

    /** A table whose last column (the descriptions) never breaks a token at {@code .}, {@code /} or {@code :}. */
    private static final class KeepTokens extends TextTable {
        private final ColorScheme colors;

        KeepTokens(ColorScheme colors, Column[] columns) {
            super(colors, columns);
            this.colors = colors;
        }

        @Override
        public Cell putValue(int row, int col, Ansi.Text value) {
            if (col != columns().length - 1 || value == null) {
                return super.putValue(row, col, value);
            }
            String plain = value.plainString();
            String kept = keep(plain);
            return super.putValue(row, col, kept.equals(plain) ? value : colors.text(kept));
        }

        @Override
        public StringBuilder toString(StringBuilder text) {
            return text.append(restore(super.toString(new StringBuilder()).toString()));
        }

        @Override
        public String toString() {
            return toString(new StringBuilder()).toString();
        }
    }
}
