package io.jobform.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The plan of {@code jobform destroy}: delete everything the instance owns, including what a
 * reconcile never prunes (the shared roles and the schedule group). Pure. Order: each job's
 * schedule, state machine, task definition revisions and task role (a schedule stops firing
 * before its target goes), then the shared roles, then the schedule group. Fails closed: when a
 * guard holds, every step is a skip and the plan's guards say why.
 */
public final class TeardownPlanner {

    private TeardownPlanner() {}

    /**
     * @param observed      what observation found (only resources owned by the instance are planned)
     * @param manifests     the keys still under the manifest source: a resync would recreate their jobs
     * @param source        the manifest source as the user wrote it, for the message
     * @param kept          resources the instance no longer owns that still run with one of its roles
     *                      (left by {@code jobform.io/prune: "false"}): they would lose their role
     */
    public static Plan plan(List<ObservedResource> observed, List<String> manifests, String source,
            List<String> kept) {
        List<ObservedResource> owned = observed.stream().filter(ObservedResource::owned)
                .sorted(Comparator.comparing((ObservedResource o) -> o.job().isEmpty())
                        .thenComparing(o -> o.id().kind(), Comparator.reverseOrder())
                        .thenComparing(o -> o.id().name()))
                .toList();
        List<String> guards = new ArrayList<>();
        if (!manifests.isEmpty()) {
            guards.add("guard: " + manifests.size() + " manifest(s) remain under " + source + " (first: "
                    + manifests.get(0) + "); the next reconcile would recreate their jobs. Sync an empty "
                    + "folder there first; nothing deleted");
        }
        if (!kept.isEmpty()) {
            guards.add("guard: kept " + String.join(", ", kept) + " still use(s) this "
                    + "instance's roles, which destroy would delete. Delete them or point them at other roles "
                    + "first; nothing deleted");
        }
        owned.stream().filter(o -> !o.prunable()).findFirst().ifPresent(o -> guards.add("guard: " + o.id()
                + " asks not to be pruned (jobform.io/prune: \"false\"); apply with --allow-empty first to keep "
                + "it, then deal with the kept copy; nothing deleted"));
        List<Change> steps = new ArrayList<>();
        for (ObservedResource o : owned) {
            steps.add(guards.isEmpty() ? new Change.Delete(o) : new Change.Skip(o.id(), o.job(), guards.get(0)));
        }
        return new Plan(steps, guards);
    }
}
