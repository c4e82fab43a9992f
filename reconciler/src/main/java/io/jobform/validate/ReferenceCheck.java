package io.jobform.validate;

import com.fasterxml.jackson.databind.JsonNode;

/** Subnets, security groups, cluster and notification topic: ids and ARNs well-formed. */
final class ReferenceCheck {

    private ReferenceCheck() {}

    static void check(JsonNode spec, Findings findings) {
        JsonNode network = spec.path("network");
        list(network.path("subnets"), "/spec/network/subnets", "subnet id", AwsIds.SUBNET,
                "subnet-0a1b2c3d4e5f67890", findings);
        list(network.path("securityGroups"), "/spec/network/securityGroups", "security group id",
                AwsIds.SECURITY_GROUP, "sg-0123456789abcdef0", findings);
        JsonNode cluster = spec.path("cluster");
        if (cluster.isTextual() && !AwsIds.CLUSTER.matcher(cluster.asText()).matches()) {
            findings.error("/spec/cluster", "'" + cluster.asText() + "' is neither an ECS cluster name "
                    + "(letters, digits, - and _) nor a cluster ARN");
        }
        JsonNode topic = spec.path("notifications").path("onFailure");
        if (topic.isTextual() && !AwsIds.SNS_TOPIC.matcher(topic.asText()).matches()) {
            findings.error("/spec/notifications/onFailure", "'" + topic.asText() + "' is not an SNS topic ARN "
                    + "(arn:aws:sns:<region>:<account>:<topic>)");
        }
    }

    private static void list(JsonNode items, String pointer, String what, java.util.regex.Pattern pattern,
            String example, Findings findings) {
        for (int i = 0; i < items.size(); i++) {
            String value = items.get(i).asText();
            if (!pattern.matcher(value).matches()) {
                findings.error(pointer + "/" + i, "'" + value + "' is not a " + what + " (e.g. " + example + ")");
            }
        }
    }
}
