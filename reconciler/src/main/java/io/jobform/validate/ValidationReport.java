package io.jobform.validate;

import io.jobform.manifest.ScheduledJob;
import io.jobform.manifest.Violation;
import java.util.List;
import java.util.Set;

/**
 * The outcome of validating a manifest set.
 *
 * @param jobs            the valid jobs, defaults merged, sorted by name
 * @param invalidJobNames names of jobs whose manifests are invalid but whose name could be read:
 *                        the reconciler freezes their existing resources (no update, no prune)
 * @param violations      every error and warning, sorted by file, line and column
 * @param unattributed    keys of invalid manifests that name no job and hold no JobDefaults (they do
 *                        not parse that far): the reconciler prunes nothing while one cannot be tied
 *                        to the resources it made, as a moved and broken manifest would be deleted
 */
public record ValidationReport(List<ScheduledJob> jobs, Set<String> invalidJobNames, List<Violation> violations,
        Set<String> unattributed) {

    public ValidationReport {
        jobs = List.copyOf(jobs);
        invalidJobNames = Set.copyOf(invalidJobNames);
        violations = List.copyOf(violations);
        unattributed = Set.copyOf(unattributed);
    }

    /**
     * Keys of the manifests with at least one error. A file that cannot be parsed yields no job
     * name; the reconciler freezes the jobs whose {@code jobform.io/manifest} tag names such a key.
     */
    public Set<String> invalidManifestKeys() {
        return violations.stream().filter(Violation::isError).map(v -> v.position().file())
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    public boolean valid() {
        return violations.stream().noneMatch(Violation::isError);
    }

    public long errorCount() {
        return violations.stream().filter(Violation::isError).count();
    }

    public long warningCount() {
        return violations.stream().filter(v -> v.severity() == io.jobform.manifest.Severity.WARNING).count();
    }
}
