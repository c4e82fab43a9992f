package io.jobform.reconcile;

import io.jobform.apply.AppliedChange;
import io.jobform.apply.ApplyReport;
import io.jobform.plan.Change;
import io.jobform.plan.Plan;
import io.jobform.render.JobGrants;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which jobs' shared-role grants the inventory keeps. A job keeps what it last needed for as long
 * as anything of it may still run: while frozen, kept ({@code jobform.io/prune: "false"}), or
 * with its pruning held back by a guard. Only a job whose resources are all deleted lets go.
 */
final class GrantRetention {
    private GrantRetention() {}

    /** Jobs that the plan deletes outright: at least one deletion, nothing of theirs skipped or kept. */
    static Set<String> deletedJobs(Plan plan) {
        Set<String> deleting = new HashSet<>();
        Set<String> staying = new HashSet<>();
        for (Change c : plan.changes()) {
            c.job().ifPresent(job -> (c instanceof Change.Delete ? deleting : staying).add(job));
        }
        deleting.removeAll(staying);
        return deleting;
    }

    /** Fresh grants for the rendered jobs; the old ones for the rest, unless all their deletions were done. */
    static Map<String, JobGrants> next(Map<String, JobGrants> old, Map<String, JobGrants> rendered, Plan plan,
            ApplyReport report) {
        Set<String> done = report.applied().stream().map(AppliedChange::change)
                .filter(c -> c instanceof Change.Delete).map(Change::id).map(Object::toString)
                .collect(Collectors.toSet());
        Set<String> gone = new HashSet<>();
        for (String job : deletedJobs(plan)) {
            boolean all = plan.changes().stream().filter(c -> c.job().filter(job::equals).isPresent())
                    .allMatch(c -> done.contains(c.id().toString()));
            if (all) {
                gone.add(job);
            }
        }
        Map<String, JobGrants> next = new TreeMap<>(old);
        next.keySet().removeAll(gone);
        next.putAll(rendered);
        return next;
    }
}
