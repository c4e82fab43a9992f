package io.jobform.lambda;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of coalescing one invocation: at most one reconcile request, the notes to log
 * for events that were ignored or not understood, and the SQS messages whose work depends on
 * the reconcile (the others are done already: they carried nothing to do).
 */
public record CoalescedInvocation(
        Optional<ReconcileRequest> request, List<Note> notes, Map<String, Set<String>> dependentMessages) {

    /**
     * @param dependentMessages SQS message id -> the manifest keys it reported (empty for a
     *                          resync or manual invoke); messages absent here carried nothing to do
     */
    public CoalescedInvocation {
        notes = List.copyOf(notes);
        dependentMessages = Map.copyOf(dependentMessages);
    }

    /** One log-worthy remark; {@code warning} for payloads jobform did not understand. */
    public record Note(boolean warning, String text, Optional<String> messageId) {}
}
