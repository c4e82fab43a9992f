package io.jobform.lambda;

import io.jobform.lambda.CoalescedInvocation.Note;
import io.jobform.lambda.InvocationEvent.Ignored;
import io.jobform.lambda.InvocationEvent.ManualInvoke;
import io.jobform.lambda.InvocationEvent.ObjectChanged;
import io.jobform.lambda.InvocationEvent.Resync;
import io.jobform.lambda.InvocationEvent.Unrecognized;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Folds every event of one invocation into at most one {@link ReconcileRequest}: a sync of
 * 200 files delivered in one SQS batch is one reconcile, not 200. Pure.
 */
public final class Coalescer {

    private final ManifestScope scope;

    public Coalescer(ManifestScope scope) {
        this.scope = scope;
    }

    public CoalescedInvocation coalesce(Invocation invocation) {
        TreeSet<String> keys = new TreeSet<>();
        boolean resync = false;
        int planInvokes = 0;
        int reconcileInvokes = 0;
        List<Note> notes = new ArrayList<>();
        Map<String, Set<String>> dependent = new HashMap<>();
        for (EventMessage message : invocation.messages()) {
            boolean needsReconcile = false;
            Set<String> messageKeys = new TreeSet<>();
            for (InvocationEvent event : message.events()) {
                // Java 17: no pattern matching in switch yet, so an instanceof chain.
                if (event instanceof ObjectChanged changed) {
                    Optional<String> exclusion = scope.exclusionOf(changed.change());
                    if (exclusion.isPresent()) {
                        notes.add(new Note(false, "ignored " + changed.change() + ": " + exclusion.get(), message.messageId()));
                    } else {
                        keys.add(changed.change().key());
                        messageKeys.add(changed.change().key());
                        needsReconcile = true;
                    }
                } else if (event instanceof Resync) {
                    resync = true;
                    needsReconcile = true;
                } else if (event instanceof ManualInvoke manual) {
                    if (manual.planOnly()) {
                        planInvokes++;
                    } else {
                        reconcileInvokes++;
                    }
                    needsReconcile = true;
                } else if (event instanceof Ignored ignored) {
                    notes.add(new Note(false, "ignored: " + ignored.reason(), message.messageId()));
                } else if (event instanceof Unrecognized unknown) {
                    notes.add(new Note(true, "not understood: " + unknown.reason(), message.messageId()));
                }
            }
            if (needsReconcile) {
                message.messageId().ifPresent(id -> dependent.put(id, messageKeys));
            }
        }
        boolean manual = planInvokes + reconcileInvokes > 0;
        boolean planOnly = planInvokes > 0 && reconcileInvokes == 0 && keys.isEmpty() && !resync;
        Optional<ReconcileRequest> request = keys.isEmpty() && !resync && !manual
                ? Optional.empty()
                : Optional.of(new ReconcileRequest(keys, resync, manual, planOnly));
        return new CoalescedInvocation(request, notes, dependent);
    }
}
