package io.jobform.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One CloudWatch Embedded Metric Format document per reconcile (CloudWatch user guide,
 * "Specification: Embedded metric format"): the {@code _aws} metadata names the metrics,
 * the root holds their values and the {@code Instance} dimension. Printed to stdout, CloudWatch
 * Logs extracts the metrics without any PutMetricData call (and without its IAM permission).
 */
public final class EmfMetrics {

    public static final String NAMESPACE = "jobform";

    private final ObjectMapper json;

    public EmfMetrics(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode document(String instance, Instant timestamp, ReconcileOutcome outcome, Duration duration) {
        ObjectNode root = json.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", timestamp.toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("Instance");
        ArrayNode metrics = directive.putArray("Metrics");
        root.put("Instance", instance);
        for (Map.Entry<String, Integer> change : outcome.changesByAction().entrySet()) {
            metric(root, metrics, "Changes" + change.getKey(), change.getValue(), "Count");
        }
        metric(root, metrics, "Failures", outcome.failures(), "Count");
        metric(root, metrics, "InvalidManifests", outcome.invalidManifests(), "Count");
        // Omitted rather than reported as 0 when the runner does not count calls.
        outcome.apiCalls().ifPresent(calls -> metric(root, metrics, "ApiCalls", calls, "Count"));
        metric(root, metrics, "Incomplete", outcome.completed() ? 0 : 1, "Count");
        metric(root, metrics, "Duration", duration.toMillis(), "Milliseconds");
        return root;
    }

    private static void metric(ObjectNode root, ArrayNode metrics, String name, long value, String unit) {
        metrics.addObject().put("Name", name).put("Unit", unit);
        root.put(name, value);
    }
}
