package io.jobform.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What triggered one reconcile: the coalesced hints of all events of one invocation. The
 * reconcile itself always covers the whole manifest set; {@code changedKeys} only say which
 * manifests are known to have changed (their cached ETags must not be trusted).
 *
 * @param changedKeys manifest keys created or deleted, decoded, sorted
 * @param resync      a periodic resync asked for it (events can be lost)
 * @param manual      someone invoked the function by hand
 * @param planOnly    only plan, change nothing (every trigger was {@code {"action":"plan"}})
 */
public record ReconcileRequest(SortedSet<String> changedKeys, boolean resync, boolean manual, boolean planOnly) {

    public ReconcileRequest {
        changedKeys = new TreeSet<>(changedKeys);
    }

    @Override
    public SortedSet<String> changedKeys() {
        return new TreeSet<>(changedKeys);
    }

    /** A short text for logs, e.g. {@code 3 changed manifests, resync}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!changedKeys.isEmpty()) {
            parts.add(changedKeys.size() + (changedKeys.size() == 1 ? " changed manifest" : " changed manifests"));
        }
        if (resync) {
            parts.add("resync");
        }
        if (manual) {
            parts.add(planOnly ? "manual plan" : "manual reconcile");
        }
        return String.join(", ", parts);
    }
}
