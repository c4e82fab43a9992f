package io.jobform.plan;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ordered steps that converge observed onto desired, and what the guards decided.
 *
 * @param changes dependency-ordered: creates and updates by kind, then deletions in reverse kind order
 * @param guards  one line per guard that held back deletions, empty when none did
 * @param renames jobs this plan deletes and creates that are one job renamed (see {@link Renames})
 */
public record Plan(List<Change> changes, List<String> guards, List<Rename> renames) {

    public Plan {
        changes = List.copyOf(changes);
        guards = List.copyOf(guards);
        renames = List.copyOf(renames);
    }

    public Plan(List<Change> changes, List<String> guards) {
        this(changes, guards, List.of());
    }

    public Map<Change.Action, Integer> counts() {
        Map<Change.Action, Integer> counts = new EnumMap<>(Change.Action.class);
        for (Change.Action action : Change.Action.values()) {
            counts.put(action, 0);
        }
        changes.forEach(c -> counts.merge(c.action(), 1, Integer::sum));
        return counts;
    }

    /** True when applying the plan would call a mutating API. */
    public boolean hasChanges() {
        return changes.stream().anyMatch(c -> c.action().mutates());
    }

    public List<Change> mutating() {
        return changes.stream().filter(c -> c.action().mutates()).toList();
    }

    /** The rename a job takes part in, as old or new name. */
    public Optional<Rename> renameOf(String job) {
        return renames.stream().filter(r -> r.from().equals(job) || r.to().equals(job)).findFirst();
    }
}
