package dev.relock.verify;

import dev.relock.workspace.DockerfileScan;
import dev.relock.workspace.NumberedLine;
import dev.relock.workspace.ProjectText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code install-hygiene} (warnings): how Dockerfiles and workflows install the lock.
 * {@code pip install -r <lock>} should say {@code --require-hashes} (so a lock that lost its hashes
 * fails instead of installing unchecked) and {@code --no-deps} (so nothing outside the lock is
 * pulled in); bootstrap tools ({@code pip}, {@code setuptools}, {@code wheel}) should be pinned,
 * not {@code pip install --upgrade pip}; and {@code FROM python:3.11} should name an exact patch
 * version.
 */
public final class InstallHygieneCheck implements Check {
    public static final String NAME = "install-hygiene";
    private static final Set<String> BOOTSTRAP = Set.of("pip", "setuptools", "wheel");
    private static final Pattern SEPARATORS = Pattern.compile("&&|\\|\\||;|\\|");
    private static final Pattern PIP = Pattern.compile("^(?:pip(?:\\d+(?:\\.\\d+)?)?|.*/pip(?:\\d+(?:\\.\\d+)?)?)$");
    private static final Pattern PYTHON = Pattern.compile("^(?:.*/)?python(?:\\d+(?:\\.\\d+)?)?$");
    private static final Set<String> VALUE_OPTIONS = Set.of("-r", "--requirement", "-c", "--constraint", "-i",
            "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root",
            "--python-version", "--platform", "--cache-dir", "--progress-bar", "--trusted-host", "--only-binary",
            "--no-binary", "--abi", "--implementation", "--src", "--upgrade-strategy", "--log", "--proxy",
            "--timeout", "--retries", "--exists-action", "--cert", "--client-cert", "--config-settings",
            "--global-option", "-e", "--editable", "--report", "--python");
    private static final Set<String> PREFIX_WORDS = Set.of("sudo", "env", "exec", "time", "command", "then", "do",
            "else", "-H");
    private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=.*$");
    private static final Pattern NAME_PART = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]*)(.*)$");
    private static final Pattern RUN_PREFIX = Pattern.compile("^\\s*(?:-\\s+)?run:\\s*[|>]?[-+]?\\s*");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "warns about pip install -r without --require-hashes/--no-deps, unpinned pip/setuptools/wheel and"
                + " FROM python:X.Y tags without a patch version";
    }

    @Override
    public List<Finding> run(VerifyInput input) {
        List<Finding> findings = new ArrayList<>();
        String lockName = input.lock().file().getFileName().toString();
        for (Path dockerfile : DockerfileScan.find(input.projectRoot())) {
            DockerfileScan scan = DockerfileScan.read(dockerfile);
            for (DockerfileScan.PythonImage image : scan.pythonImages()) {
                if (!image.substituted() && !PythonReference.of(image.tag()).exact()) {
                    findings.add(Finding.warning(NAME, dockerfile, image.line(), Optional.empty(),
                            "python:X.Y.Z" + suffix(image.tag()), image.image(),
                            image.image() + " is not an exact patch version: rebuilds get whatever Python is newest"));
                }
            }
            for (NumberedLine run : scan.runCommands()) {
                commands(dockerfile, run, lockName, findings);
            }
        }
        for (Path workflow : ProjectFiles.workflows(input.projectRoot())) {
            for (NumberedLine line : ProjectText.logicalLines(ProjectText.lines(workflow))) {
                String text = RUN_PREFIX.matcher(line.text()).replaceFirst("");
                commands(workflow, new NumberedLine(line.line(), text), lockName, findings);
            }
        }
        return findings;
    }

    private static String suffix(String tag) {
        int dash = tag.indexOf('-');
        return dash >= 0 ? tag.substring(dash) : "";
    }

    private static void commands(Path file, NumberedLine line, String lockName, List<Finding> findings) {
        for (String segment : SEPARATORS.split(line.text())) {
            List<String> words = new ArrayList<>();
            for (String w : segment.strip().split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(unquote(w));
                }
            }
            int install = pipInstall(words);
            if (install >= 0) {
                pipInstall(file, line.line(), words.subList(install + 1, words.size()), segment.strip(), lockName,
                        findings);
            }
        }
    }

    /**
     * The index of {@code install} when the command is {@code pip install} or {@code python -m pip
     * install} (after environment assignments, {@code sudo}/{@code env}-style prefixes and RUN
     * flags such as {@code --mount=...}); -1 otherwise.
     */
    private static int pipInstall(List<String> words) {
        int i = 0;
        while (i < words.size() && (PREFIX_WORDS.contains(words.get(i)) || words.get(i).startsWith("--")
                || ASSIGNMENT.matcher(words.get(i)).matches())) {
            i++;
        }
        if (i + 1 < words.size() && PIP.matcher(words.get(i)).matches() && words.get(i + 1).equals("install")) {
            return i + 1;
        }
        if (i + 3 < words.size() && PYTHON.matcher(words.get(i)).matches() && words.get(i + 1).equals("-m")
                && words.get(i + 2).equals("pip") && words.get(i + 3).equals("install")) {
            return i + 3;
        }
        return -1;
    }

    private static void pipInstall(Path file, int line, List<String> args, String command, String lockName,
            List<Finding> findings) {
        boolean requireHashes = false;
        boolean noDeps = false;
        boolean installsLock = false;
        List<String> unpinnedTools = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String option = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            String value = "";
            if (a.startsWith("--") && a.contains("=")) {
                value = a.substring(a.indexOf('=') + 1);
            } else if (VALUE_OPTIONS.contains(a) && i + 1 < args.size()) {
                value = args.get(++i);
            } else if (a.startsWith("-r") && a.length() > 2 && !a.startsWith("--")) {
                option = "-r";
                value = a.substring(2);
            }
            switch (option) {
                case "--require-hashes" -> requireHashes = true;
                case "--no-deps" -> noDeps = true;
                case "-r", "--requirement" -> installsLock |= fileName(value).equals(lockName);
                default -> {
                    if (!a.startsWith("-")) {
                        bootstrapName(a).ifPresent(unpinnedTools::add);
                    }
                }
            }
        }
        if (installsLock && (!requireHashes || !noDeps)) {
            List<String> missing = new ArrayList<>();
            if (!requireHashes) {
                missing.add("--require-hashes");
            }
            if (!noDeps) {
                missing.add("--no-deps");
            }
            findings.add(Finding.warning(NAME, file, line, Optional.empty(),
                    "pip install --require-hashes --no-deps -r " + lockName, command,
                    "'" + command + "' installs " + lockName + " without " + String.join(" and ", missing)));
        }
        for (String tool : unpinnedTools) {
            findings.add(Finding.warning(NAME, file, line, Optional.of(dev.relock.name.PackageName.of(tool)),
                    tool + "==<version>", command, "'" + command + "' installs " + tool
                            + " unpinned: the build changes whenever a new " + tool + " is released"));
        }
    }

    private static Optional<String> bootstrapName(String arg) {
        Matcher m = NAME_PART.matcher(arg);
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
        String rest = m.group(2);
        if (!BOOTSTRAP.contains(name) || rest.startsWith("==")) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    private static String unquote(String w) {
        if (w.length() >= 2 && (w.startsWith("\"") && w.endsWith("\"") || w.startsWith("'") && w.endsWith("'"))) {
            return w.substring(1, w.length() - 1);
        }
        return w;
    }
}
