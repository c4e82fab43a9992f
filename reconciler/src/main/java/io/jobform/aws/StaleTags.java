package io.jobform.aws;

import java.util.List;
import java.util.Map;

/**
 * The tags on a resource jobform owns that its spec no longer has: a label removed from the
 * manifest or the JobDefaults, or a tag added by hand (a console change, repaired like any
 * other). Keys starting with {@code aws:} are AWS's own and can be neither set nor removed by
 * callers (IAM TagRole, Step Functions TagResource, Scheduler TagResource API references).
 */
final class StaleTags {
    private StaleTags() {}

    static List<String> of(Map<String, String> live, Map<String, String> desired) {
        return live.keySet().stream().filter(k -> !desired.containsKey(k) && !k.startsWith("aws:")).sorted().toList();
    }
}
