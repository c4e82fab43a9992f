package io.jobform.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The partial batch response of an SQS event source mapping with {@code ReportBatchItemFailures}
 * ("Handling errors for an SQS event source in Lambda"): the listed messages become visible
 * again and are retried (then go to the DLQ); all others are deleted from the queue.
 */
final class BatchResponse {

    private final ObjectMapper json;

    BatchResponse(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Messages whose work did not complete: all messages that needed the reconcile when it did
     * not complete (deadline, lease held, failure), otherwise those that reported a manifest
     * whose changes failed. Messages that carried nothing to do are never retried.
     */
    static Set<String> failedMessages(CoalescedInvocation coalesced, ReconcileOutcome outcome) {
        Set<String> failed = new TreeSet<>();
        for (Map.Entry<String, Set<String>> message : coalesced.dependentMessages().entrySet()) {
            boolean keyFailed = message.getValue().stream().anyMatch(outcome.failedManifestKeys()::contains);
            if (!outcome.completed() || keyFailed) {
                failed.add(message.getKey());
            }
        }
        return failed;
    }

    ObjectNode document(Set<String> failedMessageIds) {
        ObjectNode root = json.createObjectNode();
        ArrayNode failures = root.putArray("batchItemFailures");
        failedMessageIds.forEach(id -> failures.addObject().put("itemIdentifier", id));
        return root;
    }
}
