package dev.relock.reqtxt;

import dev.relock.common.Excerpt;
import dev.relock.pep508.MarkerTree;
import dev.relock.pep508.Pep508Exception;
import dev.relock.pep508.Requirement;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads pip's requirements-file format ({@code pip install -r}) into a {@link RequirementsFile}.
 *
 * <p>Lines are processed in pip's order: physical lines ending in a backslash are joined with the
 * next (unless they hold a comment), then a comment ({@code #} at the line start or after
 * whitespace) is removed, the line is stripped, and {@code ${NAME}} references (upper-case letters,
 * digits and underscore only) are replaced from the injected environment; unknown variables stay
 * as written. The line then splits at the first space-separated word starting with {@code -}: what
 * comes before is a requirement, what follows are options. Included files ({@code -r}, {@code -c})
 * are resolved against the directory of the including file.
 *
 * <p>An optional content lookup is consulted before the disk for every file read, the top file
 * and its includes alike: a caller that holds files' pending new text (the update bot, which never
 * writes the work tree) makes them visible to the reader without writing them.
 *
 * <p>Each file is read once per kind (requirements, constraints), however often it is included, so
 * a diamond of includes costs no more than a chain; includes nest at most {@link #MAX_INCLUDE_DEPTH}
 * deep. Files that cannot be requirements files (directories, devices, {@code /proc}, NUL bytes,
 * over {@link InputFile#MAX_BYTES}) are refused without quoting them (see {@link InputFile}), and
 * messages quote at most an {@link Excerpt} of a line.
 *
 * <p>Every problem is reported as a {@link RequirementsFileException} naming file, line and column
 * in the original file; nothing is returned for a file with any error.
 */
public final class RequirementsFileReader {
    /** What {@code (?U)\\s} matches, pip's whitespace before a comment's {@code #}. */
    private static final Pattern WHITE_SPACE = Pattern.compile("(?U)\\s");
    /** pip anchors this test at the line start: only such lines never continue. */
    private static final Pattern COMMENT_LINE = Pattern.compile("(?U)^\\s*#");
    private static final Pattern ENV_VAR = Pattern.compile("\\$\\{([A-Z0-9_]+)\\}");
    private static final Pattern URL_START = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]*://|file:)");
    private static final List<String> ARCHIVE_SUFFIXES =
            List.of(".whl", ".tar.gz", ".tgz", ".tar", ".zip", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tlz",
                    ".tar.lz", ".tar.lzma");

    /** How deeply {@code -r}/{@code -c} includes may nest. */
    public static final int MAX_INCLUDE_DEPTH = 100;

    private final Map<String, String> environment;
    private final Function<Path, Optional<String>> contents;

    /** A reader that expands {@code ${NAME}} from {@code environment} (usually {@code System.getenv()}). */
    public RequirementsFileReader(Map<String, String> environment) {
        this(environment, file -> Optional.empty());
    }

    /**
     * A reader that takes a file's text from {@code contents} when it has one, and from the disk
     * otherwise.
     *
     * @param environment for {@code ${NAME}} expansion
     * @param contents a file's text in place of the disk's, given the path as written (the
     *     including file's directory resolved against it); empty to read the disk
     */
    public RequirementsFileReader(Map<String, String> environment, Function<Path, Optional<String>> contents) {
        this.environment = Map.copyOf(environment);
        this.contents = Objects.requireNonNull(contents, "contents");
    }

    /**
     * Reads {@code file} and everything it includes.
     *
     * @throws RequirementsFileException for any malformed line, missing or cyclic include
     */
    public RequirementsFile read(Path file) {
        Session session = new Session();
        session.readFile(file, false, Optional.empty());
        return new RequirementsFile(file, session.requirements, session.constraints, session.options.build(),
                session.files);
    }

    /** The options pip understands in a requirements file. */
    private enum Opt {
        INDEX_URL("-i", "--index-url", true, false),
        EXTRA_INDEX_URL("", "--extra-index-url", true, false),
        NO_INDEX("", "--no-index", false, false),
        FIND_LINKS("-f", "--find-links", true, false),
        TRUSTED_HOST("", "--trusted-host", true, false),
        NO_BINARY("", "--no-binary", true, false),
        ONLY_BINARY("", "--only-binary", true, false),
        PREFER_BINARY("", "--prefer-binary", false, false),
        PRE("", "--pre", false, false),
        REQUIRE_HASHES("", "--require-hashes", false, false),
        REQUIREMENT("-r", "--requirement", true, false),
        CONSTRAINT("-c", "--constraint", true, false),
        EDITABLE("-e", "--editable", true, false),
        HASH("", "--hash", true, true),
        CONFIG_SETTINGS("", "--config-settings", true, true),
        GLOBAL_OPTION("", "--global-option", true, true);

        final String shortName;
        final String longName;
        final boolean takesValue;
        final boolean perRequirement;

        Opt(String shortName, String longName, boolean takesValue, boolean perRequirement) {
            this.shortName = shortName;
            this.longName = longName;
            this.takesValue = takesValue;
            this.perRequirement = perRequirement;
        }
    }

    /** One shell word of the options part, with the index of its first char in the line. */
    private record Token(String value, int start) {}

    /** An option with its value (empty for flags) and the index where the value starts. */
    private record OptionUse(Opt opt, String value, int start, int valueStart) {}

    /** Per-requirement options collected from one line. */
    private static final class LineOptions {
        final List<Hash> hashes = new ArrayList<>();
        final List<String> configSettings = new ArrayList<>();
        final List<String> globalOptions = new ArrayList<>();
    }

    private final class Session {
        final List<RequirementEntry> requirements = new ArrayList<>();
        final List<RequirementEntry> constraints = new ArrayList<>();
        final PipOptions.Builder options = new PipOptions.Builder();
        final List<Path> files = new ArrayList<>();
        final List<Path> stack = new ArrayList<>();
        final List<Path> stackKeys = new ArrayList<>();
        /** Files read to the end, with "c" or "r" appended: each is read once as either. */
        final Set<String> done = new HashSet<>();

        void readFile(Path file, boolean constraint, Optional<SourceLocation> includedAt) {
            Path key = key(file);
            int cycleStart = stackKeys.indexOf(key);
            if (cycleStart >= 0) {
                String chain = stack.subList(cycleStart, stack.size()).stream()
                        .map(p -> Excerpt.of(p.toString())).collect(Collectors.joining(" -> "));
                throw new RequirementsFileException(includedAt.orElseThrow(),
                        "include cycle: " + chain + " -> " + Excerpt.of(file.toString()));
            }
            String doneKey = key + (constraint ? "\0c" : "\0r");
            if (done.contains(doneKey)) {
                return;
            }
            if (stack.size() >= MAX_INCLUDE_DEPTH) {
                throw new RequirementsFileException(includedAt.orElseThrow(),
                        "includes nest more than " + MAX_INCLUDE_DEPTH + " files deep");
            }
            String content = decode(file, load(file, includedAt));
            if (!files.contains(file)) {
                files.add(file);
            }
            stack.add(file);
            stackKeys.add(key);
            for (MappedText line : logicalLines(file, content)) {
                processLine(file, line, constraint);
            }
            stack.remove(stack.size() - 1);
            stackKeys.remove(stackKeys.size() - 1);
            done.add(doneKey);
        }

        /** The file's real path when it exists (so links to one file are one file), else its absolute path. */
        private Path key(Path file) {
            Path absolute = file.toAbsolutePath().normalize();
            if (contents.apply(file).isPresent()) {
                return absolute;
            }
            try {
                return file.toRealPath();
            } catch (IOException | SecurityException e) {
                return absolute;
            }
        }

        private byte[] load(Path file, Optional<SourceLocation> includedAt) {
            try {
                Optional<String> pending = contents.apply(file);
                if (pending.isPresent()) {
                    InputFile.check(pending.get());
                    return pending.get().getBytes(StandardCharsets.UTF_8);
                }
                return InputFile.read(file);
            } catch (InputFile.Refused e) {
                if (includedAt.isPresent()) {
                    throw new RequirementsFileException(includedAt.get(), e.missing()
                            ? "included file " + Excerpt.of(file.toString()) + " does not exist"
                            : "included file " + Excerpt.of(file.toString()) + ": " + e.getMessage());
                }
                throw new RequirementsFileException(file, e.getMessage());
            }
        }

        private void processLine(Path file, MappedText logical, boolean constraint) {
            MappedText line = logical;
            int comment = commentStart(line.text());
            if (comment >= 0) {
                line = line.substring(0, comment);
            }
            line = expand(line.strip());
            if (line.isEmpty()) {
                return;
            }
            int optionsStart = -1;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == '-' && (i == 0 || line.charAt(i - 1) == ' ')) {
                    optionsStart = i;
                    break;
                }
            }
            MappedText args = optionsStart < 0 ? line : line.substring(0, Math.max(0, optionsStart - 1));
            List<OptionUse> uses = optionsStart < 0 ? List.of() : parseOptions(file, line, optionsStart);
            MappedText requirement = args.strip();
            if (!requirement.isEmpty()) {
                LineOptions perLine = new LineOptions();
                for (OptionUse use : uses) {
                    if (!use.opt().perRequirement) {
                        throw error(file, line, use.start(),
                                "option " + use.opt().longName + " is not allowed on a requirement line");
                    }
                    applyPerRequirement(file, line, use, perLine);
                }
                add(constraint, requirementEntry(file, requirement, perLine));
                return;
            }
            processOptionLine(file, line, uses, constraint);
        }

        private void processOptionLine(Path file, MappedText line, List<OptionUse> uses, boolean constraint) {
            Optional<OptionUse> editable = Optional.empty();
            LineOptions perLine = new LineOptions();
            for (OptionUse use : uses) {
                if (use.opt().perRequirement) {
                    if (editable.isEmpty()) {
                        throw error(file, line, use.start(),
                                "option " + use.opt().longName + " must follow a requirement on the same line");
                    }
                    applyPerRequirement(file, line, use, perLine);
                    continue;
                }
                if (editable.isPresent()) {
                    throw error(file, line, use.start(), "option " + use.opt().longName
                            + " is not allowed on an editable requirement line");
                }
                switch (use.opt()) {
                    case INDEX_URL -> options.indexUrl(use.value());
                    case EXTRA_INDEX_URL -> options.extraIndexUrl(use.value());
                    case NO_INDEX -> options.noIndex();
                    case FIND_LINKS -> options.findLinks(use.value());
                    case TRUSTED_HOST -> options.trustedHost(use.value());
                    case NO_BINARY -> options.noBinary(use.value());
                    case ONLY_BINARY -> options.onlyBinary(use.value());
                    case PREFER_BINARY -> options.preferBinary();
                    case PRE -> options.pre();
                    case REQUIRE_HASHES -> options.requireHashes();
                    case REQUIREMENT, CONSTRAINT -> include(file, line, use, constraint);
                    case EDITABLE -> {
                        if (constraint) {
                            throw error(file, line, use.start(),
                                    "editable requirements are not allowed as constraints");
                        }
                        editable = Optional.of(use);
                    }
                    default -> throw new IllegalStateException("unhandled option " + use.opt());
                }
            }
            if (editable.isPresent()) {
                OptionUse use = editable.get();
                add(false, new RequirementEntry(RequirementEntry.Form.EDITABLE, use.value(), use.value(),
                        Optional.empty(), MarkerTree.TRUE, perLine.hashes, perLine.configSettings, perLine.globalOptions,
                        location(file, line, use.valueStart())));
            }
        }

        private void include(Path file, MappedText line, OptionUse use, boolean constraint) {
            SourceLocation at = location(file, line, use.valueStart());
            if (URL_START.matcher(use.value()).find()) {
                throw new RequirementsFileException(at, "remote includes are not supported: " + Excerpt.of(use.value()));
            }
            Path target;
            try {
                target = Path.of(use.value());
            } catch (InvalidPathException e) {
                throw new RequirementsFileException(at, "not a valid path: " + Excerpt.of(use.value()));
            }
            Path resolved = target.isAbsolute() ? target : file.resolveSibling(target).normalize();
            readFile(resolved, constraint || use.opt() == Opt.CONSTRAINT, Optional.of(at));
        }

        private void add(boolean constraint, RequirementEntry entry) {
            (constraint ? constraints : requirements).add(entry);
        }

        private MappedText expand(MappedText line) {
            Matcher m = ENV_VAR.matcher(line.text());
            List<int[]> spans = new ArrayList<>();
            List<String> values = new ArrayList<>();
            while (m.find()) {
                String value = environment.get(m.group(1));
                if (value != null) {
                    spans.add(new int[] {m.start(), m.end()});
                    values.add(value);
                }
            }
            MappedText result = line;
            for (int i = spans.size() - 1; i >= 0; i--) {
                result = result.replace(spans.get(i)[0], spans.get(i)[1], values.get(i));
            }
            return result;
        }
    }

    private RequirementEntry requirementEntry(Path file, MappedText requirement, LineOptions perLine) {
        String text = requirement.text();
        SourceLocation at = location(file, requirement, 0);
        if (URL_START.matcher(text).find() || looksLikePath(text)) {
            boolean url = URL_START.matcher(text).find();
            String separator = url ? "; " : ";";
            int sep = text.indexOf(separator);
            MarkerTree marker = MarkerTree.TRUE;
            if (sep >= 0) {
                int markerStart = sep + separator.length();
                while (markerStart < text.length() && Character.isWhitespace(text.charAt(markerStart))) {
                    markerStart++;
                }
                try {
                    marker = MarkerTree.parse(text.substring(markerStart).strip());
                } catch (Pep508Exception e) {
                    throw error(file, requirement, markerStart + e.offset(), "invalid marker: " + e.reason());
                }
            }
            return new RequirementEntry(url ? RequirementEntry.Form.URL : RequirementEntry.Form.PATH, text,
                    sep < 0 ? text : text.substring(0, sep).strip(), Optional.empty(), marker,
                    perLine.hashes, perLine.configSettings, perLine.globalOptions, at);
        }
        Requirement parsed;
        try {
            parsed = Requirement.parse(text);
        } catch (Pep508Exception e) {
            throw error(file, requirement, e.offset(), "invalid requirement: " + e.reason());
        }
        return new RequirementEntry(RequirementEntry.Form.NAMED, text, text, Optional.of(parsed), parsed.marker(),
                perLine.hashes, perLine.configSettings, perLine.globalOptions, at);
    }

    /**
     * pip's test without touching the file system: a path separator or a leading dot before any
     * {@code @}, or an archive file name without {@code @}.
     */
    private static boolean looksLikePath(String text) {
        int at = text.indexOf('@');
        String head = at < 0 ? text : text.substring(0, at);
        if (head.startsWith(".") || head.contains("/") || head.contains("\\")) {
            return true;
        }
        if (at >= 0) {
            return false;
        }
        int semicolon = text.indexOf(';');
        String name = (semicolon < 0 ? text : text.substring(0, semicolon)).strip();
        return ARCHIVE_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private void applyPerRequirement(Path file, MappedText line, OptionUse use, LineOptions perLine) {
        switch (use.opt()) {
            case HASH -> {
                try {
                    perLine.hashes.add(Hash.parse(use.value()));
                } catch (IllegalArgumentException e) {
                    throw error(file, line, use.valueStart(), e.getMessage());
                }
            }
            case CONFIG_SETTINGS -> perLine.configSettings.add(use.value());
            case GLOBAL_OPTION -> perLine.globalOptions.add(use.value());
            default -> throw new IllegalStateException("not a per-requirement option: " + use.opt());
        }
    }

    private List<OptionUse> parseOptions(Path file, MappedText line, int from) {
        List<Token> tokens = tokenize(file, line, from);
        List<OptionUse> uses = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String word = token.value();
            if (!word.startsWith("-") || word.equals("-") || word.equals("--")) {
                throw error(file, line, token.start(), "unexpected argument '" + Excerpt.of(word) + "' after options");
            }
            Opt opt;
            Optional<String> attached;
            int attachedStart;
            if (word.startsWith("--")) {
                int eq = word.indexOf('=');
                String name = eq < 0 ? word : word.substring(0, eq);
                opt = longOption(file, line, token.start(), name);
                attached = eq < 0 ? Optional.empty() : Optional.of(word.substring(eq + 1));
                attachedStart = token.start() + eq + 1;
                if (attached.isPresent() && !opt.takesValue) {
                    throw error(file, line, token.start(), "option " + opt.longName + " takes no value");
                }
            } else {
                String name = word.substring(0, 2);
                opt = shortOption(file, line, token.start(), name);
                attached = word.length() > 2 ? Optional.of(word.substring(2)) : Optional.empty();
                attachedStart = token.start() + 2;
            }
            if (!opt.takesValue) {
                uses.add(new OptionUse(opt, "", token.start(), token.start()));
            } else if (attached.isPresent()) {
                uses.add(new OptionUse(opt, attached.get(), token.start(), attachedStart));
            } else if (i + 1 < tokens.size()) {
                Token value = tokens.get(++i);
                uses.add(new OptionUse(opt, value.value(), token.start(), value.start()));
            } else {
                throw error(file, line, token.start(), "option " + opt.longName + " needs a value");
            }
        }
        return uses;
    }

    private static Opt longOption(Path file, MappedText line, int at, String name) {
        List<Opt> matches = new ArrayList<>();
        for (Opt opt : Opt.values()) {
            if (opt.longName.equals(name)) {
                return opt;
            }
            if (opt.longName.startsWith(name)) {
                matches.add(opt);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw error(file, line, at, "unknown option " + Excerpt.of(name));
        }
        throw error(file, line, at, "ambiguous option " + Excerpt.of(name) + " (could be "
                + matches.stream().map(o -> o.longName).collect(Collectors.joining(", ")) + ")");
    }

    private static Opt shortOption(Path file, MappedText line, int at, String name) {
        for (Opt opt : Opt.values()) {
            if (opt.shortName.equals(name)) {
                return opt;
            }
        }
        throw error(file, line, at, "unknown option " + Excerpt.of(name));
    }

    /** Splits the options part into shell words like {@code shlex.split}: quotes group, backslash escapes. */
    private static List<Token> tokenize(Path file, MappedText line, int from) {
        List<Token> tokens = new ArrayList<>();
        String s = line.text();
        int i = from;
        while (i < s.length()) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder word = new StringBuilder();
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                char c = s.charAt(i);
                if (c == '\'' || c == '"') {
                    int close = i + 1;
                    while (close < s.length() && s.charAt(close) != c) {
                        if (c == '"' && s.charAt(close) == '\\' && close + 1 < s.length()
                                && (s.charAt(close + 1) == '"' || s.charAt(close + 1) == '\\')) {
                            word.append(s.charAt(close + 1));
                            close += 2;
                            continue;
                        }
                        word.append(s.charAt(close));
                        close++;
                    }
                    if (close >= s.length()) {
                        throw error(file, line, i, "no closing quotation");
                    }
                    i = close + 1;
                } else if (c == '\\' && i + 1 < s.length()) {
                    word.append(s.charAt(i + 1));
                    i += 2;
                } else {
                    word.append(c);
                    i++;
                }
            }
            tokens.add(new Token(word.toString(), start));
        }
        return tokens;
    }

    /** Splits into physical lines, joins backslash continuations, and checks for a dangling one at the end. */
    private static List<MappedText> logicalLines(Path file, String content) {
        List<MappedText> result = new ArrayList<>();
        List<MappedText> pending = new ArrayList<>();
        SourceLocation lastBackslash = null;
        int number = 0;
        int i = 0;
        int nextLf = content.indexOf('\n');
        int nextCr = content.indexOf('\r');
        while (i < content.length()) {
            if (nextLf >= 0 && nextLf < i) {
                nextLf = content.indexOf('\n', i);
            }
            if (nextCr >= 0 && nextCr < i) {
                nextCr = content.indexOf('\r', i);
            }
            int end = nextLf < 0 ? (nextCr < 0 ? content.length() : nextCr)
                    : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
            number++;
            MappedText physical = MappedText.ofLine(content.substring(i, end), number);
            if (end < content.length() && content.charAt(end) == '\r' && end + 1 < content.length()
                    && content.charAt(end + 1) == '\n') {
                end++;
            }
            i = end + 1;
            boolean comment = isCommentLine(physical.text());
            if (!physical.text().endsWith("\\") || comment) {
                MappedText complete = comment ? physical.replace(0, 0, " ") : physical;
                pending.add(complete);
                result.add(MappedText.join(pending));
                pending.clear();
            } else {
                int cut = physical.length();
                while (cut > 0 && physical.charAt(cut - 1) == '\\') {
                    cut--;
                }
                lastBackslash = location(file, physical, cut);
                pending.add(physical.substring(0, cut));
            }
        }
        if (!pending.isEmpty()) {
            throw new RequirementsFileException(lastBackslash,
                    "line continuation (backslash) at the end of the file has no following line");
        }
        return result;
    }

    /**
     * Where pip's comment regex {@code (?U)(^|\\s+)#} matches, in one pass: the first {@code #}
     * at the line start or after white space, moved back over that white space; -1 for none.
     */
    private static int commentStart(String line) {
        int hash = line.indexOf('#');
        while (hash > 0 && !isWhiteSpace(line.charAt(hash - 1))) {
            hash = line.indexOf('#', hash + 1);
        }
        if (hash <= 0) {
            return hash;
        }
        int start = hash;
        while (start > 0 && isWhiteSpace(line.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    private static boolean isWhiteSpace(char c) {
        if (c < 0x80) {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }
        return WHITE_SPACE.matcher(String.valueOf(c)).matches();
    }

    /** {@link #COMMENT_LINE}, answered without the regex for the lines nearly every file has. */
    private static boolean isCommentLine(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char first = line.charAt(0);
        if (first == '#') {
            return true;
        }
        if (first < 0x80 && first != ' ' && first != '\t' && first != '\f' && first != 0x0B) {
            return false;
        }
        return COMMENT_LINE.matcher(line).find();
    }

    private static String decode(Path file, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new RequirementsFileException(file, "not valid UTF-8");
        }
    }

    private static SourceLocation location(Path file, MappedText line, int index) {
        return new SourceLocation(file, line.lineAt(index), line.columnAt(index));
    }

    private static RequirementsFileException error(Path file, MappedText line, int index, String message) {
        return new RequirementsFileException(location(file, line, index), message);
    }
}
