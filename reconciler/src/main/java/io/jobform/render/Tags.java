package io.jobform.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.jobform.manifest.ScheduledJob;
import io.jobform.resource.OwnershipTags;
import java.util.Map;
import java.util.TreeMap;

/** Tag maps and the list shapes the AWS APIs take them in. */
final class Tags {

    private Tags() {}

    /** Labels first, ownership tags over them (validation forbids labels in the reserved prefix). */
    static Map<String, String> forJob(String instance, ScheduledJob job) {
        Map<String, String> tags = new TreeMap<>(job.labels());
        tags.put(OwnershipTags.INSTANCE, instance);
        tags.put(OwnershipTags.JOB, job.name());
        tags.put(OwnershipTags.MANIFEST, job.manifestKey());
        if (!job.prunable()) {
            tags.put(OwnershipTags.PRUNE, "false");
        }
        return Map.copyOf(tags);
    }

    static Map<String, String> forInstance(String instance) {
        return Map.of(OwnershipTags.INSTANCE, instance);
    }

    /** e.g. IAM and Scheduler take {@code [{Key, Value}]}, ECS and Step Functions {@code [{key, value}]}. */
    static ArrayNode keyValue(Map<String, String> tags, String keyName, String valueName) {
        ArrayNode array = CanonicalJson.array();
        new TreeMap<>(tags).forEach((k, v) -> array.addObject().put(keyName, k).put(valueName, v));
        return array;
    }
}
