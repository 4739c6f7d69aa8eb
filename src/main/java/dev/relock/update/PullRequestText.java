package dev.relock.update;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Titles, bodies and commit messages of relock's pull requests. */
final class PullRequestText {
    /** Identifies relock's pull requests and comments. */
    static final String MARKER = "<!-- relock:update -->";
    /** Tables longer than this collapse into {@code <details>}. */
    static final int COLLAPSE_ROWS = 10;

    private PullRequestText() {}

    /** Distinct package names changed across all files. */
    static int packageCount(List<LockfileChanges> files) {
        Set<String> names = new LinkedHashSet<>();
        files.forEach(f -> f.changes().forEach(c -> names.add(c.name())));
        return names.size();
    }

    static String title(Optional<String> custom, int packages) {
        return custom.orElseGet(() -> "Update Python lockfiles" + count(packages));
    }

    static String commitMessage(List<LockfileChanges> files) {
        StringBuilder sb = new StringBuilder("chore(deps): update Python lockfiles")
                .append(count(packageCount(files))).append("\n");
        for (LockfileChanges file : files) {
            if (file.isEmpty()) {
                continue;
            }
            sb.append("\n").append(file.path()).append(":\n");
            if (file.changes().isEmpty()) {
                sb.append("- regenerated (no package changes)\n");
            }
            for (PackageChange c : file.changes()) {
                sb.append("- ").append(c.name()).append(" ").append(c.kind().label()).append(" ")
                        .append(c.fromTo().replace("→", "->")).append("\n");
            }
        }
        return sb.toString();
    }

    static String body(List<FileUpdate> updates, Map<String, ReleaseNote> notes, String target, String reproduce) {
        return body(updates, notes, target, reproduce, Optional.empty());
    }

    static String body(List<FileUpdate> updates, Map<String, ReleaseNote> notes, String target, String reproduce,
            Optional<Verification> verification) {
        List<LockfileChanges> files = updates.stream().map(FileUpdate::changes).toList();
        List<LockfileChanges> changed = files.stream().filter(f -> !f.isEmpty()).toList();
        Map<String, String> skipped = new java.util.TreeMap<>();
        updates.forEach(u -> skipped.putAll(u.explanation().skipped()));
        Map<String, String> targetChanges = new java.util.LinkedHashMap<>();
        updates.forEach(u -> u.explanation().targetChange().ifPresent(c -> targetChanges.put(u.path(), c)));
        int packages = packageCount(changed);
        StringBuilder sb = new StringBuilder(MARKER).append("\n");
        sb.append("Updates ").append(plural(packages, "package")).append(" in ")
                .append(plural(changed.size(), "lockfile")).append(" for ").append(target).append(".\n");
        for (LockfileChanges file : changed) {
            sb.append("\n### `").append(file.path()).append("`\n\n");
            if (file.changes().isEmpty()) {
                sb.append("Regenerated; no package changed.\n");
                continue;
            }
            boolean collapse = file.changes().size() > COLLAPSE_ROWS;
            if (collapse) {
                sb.append("<details>\n<summary>").append(plural(file.changes().size(), "change"))
                        .append("</summary>\n\n");
            }
            sb.append("| Package | Change | From → To | Type |\n|---|---|---|---|\n");
            for (PackageChange c : file.changes()) {
                boolean forTarget = c.kind() == ChangeKind.DOWNGRADED && skipped.containsKey(c.name())
                        && targetChanges.containsKey(file.path());
                sb.append("| ").append(packageCell(c)).append(" | ").append(c.kind().label())
                        .append(forTarget ? " (target changed)" : "").append(" | ")
                        .append(versionCell(c)).append(" | ").append(c.type().label()).append(" |\n");
            }
            if (collapse) {
                sb.append("\n</details>\n");
            }
        }
        if (!targetChanges.isEmpty()) {
            sb.append("\n### Target changed\n\n");
            targetChanges.forEach((path, change) -> sb.append("- `").append(path).append("`: ").append(change)
                    .append(". Downgrades marked \"target changed\" come from this, not from the index.\n"));
        }
        if (!skipped.isEmpty()) {
            sb.append("\n### Newer releases passed over for the target\n\n");
            skipped.values().forEach(m -> sb.append("- ").append(cell(m)).append("\n"));
        }
        List<ReleaseNote> relevant = new ArrayList<>(notes.values());
        List<String> links = relevant.stream().filter(n -> n.changelog().isPresent())
                .map(n -> "- " + n.name() + " " + n.version() + ": [" + cell(n.changelog().get().label()) + "]("
                        + n.changelog().get().url() + ")")
                .toList();
        if (!links.isEmpty()) {
            sb.append("\n### Release notes\n\n");
            links.forEach(l -> sb.append(l).append("\n"));
        }
        List<String> warnings = relevant.stream()
                .flatMap(n -> n.notes().stream().map(text -> "- " + n.name() + " " + n.version() + ": " + text))
                .toList();
        if (!warnings.isEmpty()) {
            sb.append("\n### Notes\n\n");
            warnings.forEach(w -> sb.append(w).append("\n"));
        }
        verification.ifPresent(v -> sb.append("\n### Verified before pushing\n\n").append(v.checklist()));
        sb.append("\n<details>\n<summary>Reproduce locally</summary>\n\n```sh\n").append(reproduce)
                .append("\n```\n\n</details>\n\n")
                .append("This pull request is kept up to date by relock: it is updated while there is something to"
                        + " update and closed when there is nothing left. Commits by anyone else on its branch"
                        + " stop relock from changing it.\n");
        return sb.toString();
    }

    private static String packageCell(PackageChange c) {
        if (c.to().isPresent() && c.kind() != ChangeKind.CHANGED && dev.relock.pep440.Version.tryParse(c.to().get())
                .isPresent()) {
            return "[" + cell(c.name()) + "](https://pypi.org/project/" + c.name() + "/" + c.to().get() + "/)";
        }
        return cell(c.name());
    }

    private static String versionCell(PackageChange c) {
        String from = c.from().map(v -> "`" + cell(v) + "`").orElse("");
        String to = c.to().map(v -> "`" + cell(v) + "`").orElse("");
        if (c.kind() == ChangeKind.HASHES) {
            return from;
        }
        return (from + " → " + to).strip();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String count(int packages) {
        return packages == 0 ? "" : " (" + plural(packages, "package") + ")";
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
