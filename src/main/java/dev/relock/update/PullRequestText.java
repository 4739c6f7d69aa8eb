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

    /**
     * What a body shows beyond the changes.
     *
     * @param verification the self-verification's checklist
     * @param security advisories fixed and still open (the audit)
     * @param securityOnly a {@code --security-only} pull request
     */
    record Extras(Optional<Verification> verification, Optional<SecurityReport> security, boolean securityOnly) {
        static final Extras NONE = new Extras(Optional.empty(), Optional.empty(), false);
    }

    /** Distinct package names changed across all files. */
    static int packageCount(List<LockfileChanges> files) {
        Set<String> names = new LinkedHashSet<>();
        files.forEach(f -> f.changes().forEach(c -> names.add(c.name())));
        return names.size();
    }

    static String title(Optional<String> custom, int packages) {
        return custom.orElseGet(() -> "Update Python lockfiles" + count(packages));
    }

    static String securityTitle(Optional<String> custom, int packages) {
        return custom.orElseGet(() -> "Fix known vulnerabilities in Python lockfiles" + count(packages));
    }

    static String commitMessage(List<LockfileChanges> files) {
        return commitMessage("chore(deps): update Python lockfiles", files);
    }

    static String securityCommitMessage(List<LockfileChanges> files) {
        return commitMessage("fix(deps): fix known vulnerabilities in Python lockfiles", files);
    }

    private static String commitMessage(String headline, List<LockfileChanges> files) {
        StringBuilder sb = new StringBuilder(headline).append(count(packageCount(files))).append("\n");
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
        return body(updates, notes, target, reproduce, Extras.NONE);
    }

    static String body(List<FileUpdate> updates, Map<String, ReleaseNote> notes, String target, String reproduce,
            Extras extras) {
        List<LockfileChanges> files = updates.stream().map(FileUpdate::changes).toList();
        List<LockfileChanges> changed = files.stream().filter(f -> !f.isEmpty()).toList();
        Map<String, String> skipped = new java.util.TreeMap<>();
        updates.forEach(u -> skipped.putAll(u.explanation().skipped()));
        Map<String, String> targetChanges = new java.util.LinkedHashMap<>();
        updates.forEach(u -> u.explanation().targetChange().ifPresent(c -> targetChanges.put(u.path(), c)));
        int packages = packageCount(changed);
        StringBuilder sb = new StringBuilder(MARKER).append("\n");
        if (extras.securityOnly()) {
            sb.append("Fixes known vulnerabilities: moves ").append(plural(packages, "package")).append(" in ")
                    .append(plural(changed.size(), "lockfile")).append(" for ").append(target)
                    .append(" to the lowest version that fixes every advisory with a fix and still resolves;"
                            + " every other pin stays as it is.\n");
        } else {
            sb.append("Updates ").append(plural(packages, "package")).append(" in ")
                    .append(plural(changed.size(), "lockfile")).append(" for ").append(target).append(".\n");
        }
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
                List<String> fixes = extras.security().map(r -> r.fixes(file.path(), c.name())).orElse(List.of())
                        .stream().map(a -> "[" + cell(a.id()) + "](" + a.link() + ")").distinct().toList();
                sb.append("| ").append(packageCell(c)).append(" | ").append(c.kind().label())
                        .append(forTarget ? " (target changed)" : "")
                        .append(fixes.isEmpty() ? "" : " · fixes " + String.join(", ", fixes)).append(" | ")
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
        extras.security().ifPresent(r -> sb.append(security(r)));
        extras.verification().ifPresent(v -> sb.append("\n### Verified before pushing\n\n").append(v.checklist()));
        sb.append("\n<details>\n<summary>Reproduce locally</summary>\n\n```sh\n").append(reproduce)
                .append("\n```\n\n</details>\n\n")
                .append("This pull request is kept up to date by relock: it is updated while there is something to"
                        + " update and closed when there is nothing left. Commits by anyone else on its branch"
                        + " stop relock from changing it.\n");
        return sb.toString();
    }

    /** The advisories fixed, those still open, and a cooldown the fixes bypassed. */
    static String security(SecurityReport report) {
        StringBuilder sb = new StringBuilder("\n### Security\n\n");
        List<String> fixed = new ArrayList<>(new LinkedHashSet<>(report.fixed().stream()
                .map(f -> "| " + f.name() + " | `" + f.from() + "` → " + f.to().map(v -> "`" + v + "`").orElse("removed")
                        + " | " + advisoryCell(f.advisory()) + " | " + severity(f.advisory()) + " |")
                .toList()));
        if (fixed.isEmpty()) {
            sb.append("Fixes no known advisory.\n");
        } else {
            sb.append("Fixed by this update:\n\n| Package | From → To | Advisory | Severity |\n|---|---|---|---|\n");
            fixed.forEach(row -> sb.append(row).append("\n"));
        }
        List<String> open = new ArrayList<>(new LinkedHashSet<>(report.open().stream()
                .map(o -> "| " + o.name() + " | `" + o.version() + "` | " + advisoryCell(o.advisory()) + " | "
                        + severity(o.advisory()) + " | " + o.lowestFix().map(v -> "`" + v + "`").orElse("no fix yet")
                        + (o.introduced() ? " (brought in by this update)" : "") + " |")
                .toList()));
        if (!open.isEmpty()) {
            sb.append("\nStill open after this update:\n\n| Package | Version | Advisory | Severity | Fixed in |\n"
                    + "|---|---|---|---|---|\n");
            open.forEach(row -> sb.append(row).append("\n"));
        }
        if (!report.unresolvable().isEmpty()) {
            sb.append("\nLeft as they are, because no version that fixes them resolves with the other pins:\n\n");
            report.unresolvable().forEach((name, why) -> sb.append("- ").append(name).append(": ").append(cell(why))
                    .append("\n"));
        }
        if (!report.pastCutoff().isEmpty()) {
            sb.append("\n> [!WARNING]\n> The fixes of ").append(String.join(", ", new java.util.TreeSet<>(
                    report.pastCutoff().stream().map(Object::toString).toList())))
                    .append(" bypass the lock's `--exclude-newer` cooldown: no release within it fixes the advisories."
                            + " Every other package keeps the cooldown.\n");
        }
        return sb.toString();
    }

    private static String advisoryCell(dev.relock.advisory.Advisory a) {
        List<String> cves = a.cves().stream().filter(c -> !c.equals(a.id())).toList();
        return "[" + cell(a.id()) + "](" + a.link() + ")" + (cves.isEmpty() ? "" : " (" + String.join(", ", cves) + ")")
                + (a.summary().isBlank() ? "" : ": " + cell(a.summary()));
    }

    private static String severity(dev.relock.advisory.Advisory a) {
        return a.severity().map(PullRequestText::cell).orElse("unknown");
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
