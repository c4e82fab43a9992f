package io.jobform.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Derives the IAM actions the AWS adapters call from their source: for each SDK service a file
 * imports, every client operation invoked as {@code .operationName(} (or its paginator) maps to
 * its IAM action, plus the actions AWS authorizes in addition ("dependent actions" in the
 * Service Authorization Reference, e.g. tag-on-create and PassRole).
 */
final class AdapterActions {

    /** SDK package name -> (IAM service prefix, synchronous client interface). */
    record Service(String iamPrefix, Class<?> client) {}

    static final Map<String, Service> SERVICES = Map.of(
            "s3", new Service("s3", S3Client.class),
            "ecs", new Service("ecs", EcsClient.class),
            "scheduler", new Service("scheduler", SchedulerClient.class),
            "sfn", new Service("states", SfnClient.class),
            "iam", new Service("iam", IamClient.class),
            "cloudwatchlogs", new Service("logs", CloudWatchLogsClient.class));

    /** S3 operations whose IAM action has another name (S3 user guide, "Amazon S3 actions"). */
    static final Map<String, List<String>> S3_ACTIONS = Map.of(
            "ListObjectsV2", List.of("s3:ListBucket"),
            "ListObjects", List.of("s3:ListBucket"),
            "HeadBucket", List.of("s3:ListBucket"),
            "HeadObject", List.of("s3:GetObject"),
            "DeleteObjects", List.of("s3:DeleteObject"),
            "CopyObject", List.of("s3:GetObject", "s3:PutObject"),
            "ListObjectVersions", List.of("s3:ListBucketVersions"));

    /** Actions authorized in addition when the operation runs the way jobform calls it. */
    static final Map<String, List<String>> DEPENDENT = Map.of(
            "ecs:RegisterTaskDefinition", List.of("ecs:TagResource", "iam:PassRole"),
            "states:CreateStateMachine", List.of("states:TagResource", "iam:PassRole"),
            "states:UpdateStateMachine", List.of("iam:PassRole"),
            "scheduler:CreateSchedule", List.of("iam:PassRole"),
            "scheduler:UpdateSchedule", List.of("iam:PassRole"),
            "scheduler:CreateScheduleGroup", List.of("scheduler:TagResource"),
            "iam:CreateRole", List.of("iam:TagRole"));

    private static final Set<String> NOT_OPERATIONS = Set.of("serviceName", "close", "create", "builder",
            "utilities", "waiter", "serviceClientConfiguration");

    private AdapterActions() {}

    /** The IAM service prefixes whose SDK package the source imports. */
    static Set<String> services(String source) {
        Set<String> prefixes = new TreeSet<>();
        SERVICES.forEach((pkg, service) -> {
            if (source.contains("import software.amazon.awssdk.services." + pkg + ".")) {
                prefixes.add(service.iamPrefix());
            }
        });
        return prefixes;
    }

    /** The IAM actions the source's client calls need. */
    static Set<String> actions(String source) {
        Set<String> actions = new TreeSet<>();
        SERVICES.forEach((pkg, service) -> {
            if (!source.contains("import software.amazon.awssdk.services." + pkg + ".")) {
                return;
            }
            for (String operation : operations(service.client())) {
                String method = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
                // The SDK adds convenience variants of an operation: fooPaginator, getObjectAsBytes.
                Pattern call = Pattern.compile("\\." + method + "(Paginator|AsBytes)?\\s*\\(");
                if (call.matcher(source).find()) {
                    List<String> direct = service.iamPrefix().equals("s3") && S3_ACTIONS.containsKey(operation)
                            ? S3_ACTIONS.get(operation)
                            : List.of(service.iamPrefix() + ":" + operation);
                    direct.forEach(a -> {
                        actions.add(a);
                        actions.addAll(DEPENDENT.getOrDefault(a, List.of()));
                    });
                }
            }
        });
        return actions;
    }

    /** Operation names (UpperCamel) of an SDK client interface, e.g. {@code RegisterTaskDefinition}. */
    static Set<String> operations(Class<?> client) {
        Set<String> operations = new TreeSet<>();
        for (Method method : client.getDeclaredMethods()) {
            String name = method.getName();
            if (!Modifier.isPublic(method.getModifiers()) || NOT_OPERATIONS.contains(name) || name.endsWith("Paginator")
                    || name.endsWith("AsBytes")) {
                continue;
            }
            operations.add(Character.toUpperCase(name.charAt(0)) + name.substring(1));
        }
        return operations;
    }
}
