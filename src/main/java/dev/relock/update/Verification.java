package dev.relock.update;

import java.util.List;
import java.util.Objects;

/**
 * What the update's self-verification found on its own result, one checklist item per check.
 *
 * @param items the checks, in the order they ran
 * @param notes what could not be checked and why
 */
public record Verification(List<Item> items, List<String> notes) {
    /** The commit status context that branch protection can require. */
    public static final String CONTEXT = "relock/verify";

    /**
     * One check's outcome.
     *
     * @param check the verify check's name, e.g. {@code hash-match}
     * @param label what it establishes, for the checklist: {@code hashes match the index}
     * @param passed whether it passed
     * @param problems one line per finding ({@code requirements.txt:12: error[hash-match] ...}); a
     *     passed item may still list warnings
     */
    public record Item(String check, String label, boolean passed, List<String> problems) {
        public Item {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(label, "label");
            problems = List.copyOf(problems);
        }
    }

    public Verification {
        items = List.copyOf(items);
        notes = List.copyOf(notes);
    }

    /** Whether every item passed. */
    public boolean passed() {
        return items.stream().allMatch(Item::passed);
    }

    /** The items that failed. */
    public List<Item> failures() {
        return items.stream().filter(i -> !i.passed()).toList();
    }

    /** One line for a commit status or a log: {@code 3 of 3 checks passed: hash-match, fresh, python-pin}. */
    public String summary() {
        long ok = items.stream().filter(Item::passed).count();
        String names = String.join(", ", (passed() ? items : failures()).stream().map(Item::check).toList());
        return ok + " of " + items.size() + " checks passed" + (items.isEmpty() ? "" : (passed() ? ": " : "; failed: ")
                + names);
    }

    /** The Markdown checklist for the pull request body. */
    String checklist() {
        StringBuilder sb = new StringBuilder();
        for (Item item : items) {
            sb.append("- [").append(item.passed() ? "x" : " ").append("] ").append(item.label()).append("\n");
            item.problems().forEach(p -> sb.append("  - ").append(p.replace("\n", " ")).append("\n"));
        }
        notes.forEach(n -> sb.append("\n> ").append(n.replace("\n", " ")).append("\n"));
        return sb.toString();
    }
}
