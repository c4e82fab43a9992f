package io.jobform.validate;

import java.util.regex.Pattern;

/**
 * Formats of the AWS identifiers a manifest may reference. ARN shapes follow the Service
 * Authorization Reference resource types of each service.
 */
final class AwsIds {

    private static final String PARTITION = "arn:aws(-cn|-us-gov)?";
    private static final String REGION = "[a-z]{2}(-[a-z]+)+-[0-9]";
    static final Pattern SUBNET = Pattern.compile("^subnet-([0-9a-f]{8}|[0-9a-f]{17})$");
    static final Pattern SECURITY_GROUP = Pattern.compile("^sg-([0-9a-f]{8}|[0-9a-f]{17})$");
    /** Secrets Manager secret (optionally with ECS's :json-key:version-stage:version-id suffix). */
    static final Pattern SECRETS_MANAGER = Pattern.compile(
            "^" + PARTITION + ":secretsmanager:" + REGION + ":[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]+(:[^:]*:[^:]*:[^:]*)?$");
    static final Pattern SSM_PARAMETER = Pattern.compile(
            "^" + PARTITION + ":ssm:" + REGION + ":[0-9]{12}:parameter/[A-Za-z0-9/_.-]+$");
    static final Pattern SNS_TOPIC = Pattern.compile(
            "^" + PARTITION + ":sns:" + REGION + ":[0-9]{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$");
    static final Pattern CLUSTER = Pattern.compile(
            "^([A-Za-z0-9_-]{1,255}|" + PARTITION + ":ecs:" + REGION + ":[0-9]{12}:cluster/[A-Za-z0-9_-]{1,255})$");
    static final Pattern ENV_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

    private AwsIds() {}
}
