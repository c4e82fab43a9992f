package io.jobform.render;

import io.jobform.resource.OwnershipTags;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Grants on resources the jobs reference but jobform does not own (image repositories, secrets,
 * parameters, topics) by tag instead of by name: one statement per service whose resources are
 * {@code arn:<partition>:<service>:<region>:<account>:<type>*} for each account and region the
 * manifests reference, allowed only when the resource carries {@code jobform.io/instance=<instance>}.
 * Its size depends on the number of accounts and regions, not on the number of jobs, so a shared
 * role stays within IAM's 10,240-character inline policy quota at any number of jobs.
 *
 * <p>Every one of these resource types lists {@code aws:ResourceTag/${TagKey}} as a condition key
 * in the Service Authorization Reference: ECR {@code repository}, Secrets Manager {@code Secret},
 * Systems Manager {@code parameter}, SNS {@code topic}
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
 */
final class InstanceTagged {

    static final String CONDITION_KEY = "aws:ResourceTag/" + OwnershipTags.INSTANCE;

    private InstanceTagged() {}

    /**
     * @param arns         the ARNs the manifests reference (only their partition, service, region and account count)
     * @param resourceType what follows the account in a wildcard ARN of the type, e.g. {@code secret:*}
     */
    static PolicyStatement allow(String sid, List<String> actions, Collection<String> arns, String resourceType,
            String instance) {
        return PolicyStatement.allow(sid, actions, List.copyOf(scopes(arns, resourceType)))
                .when("StringEquals", CONDITION_KEY, List.of(instance));
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resourceType>} for each distinct account and region. */
    static SortedSet<String> scopes(Collection<String> arns, String resourceType) {
        SortedSet<String> out = new TreeSet<>();
        for (String arn : arns) {
            String[] parts = arn.split(":", -1);
            if (parts.length >= 6) {
                out.add(String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], resourceType));
            }
        }
        return out;
    }

    /** The regions of the given ARNs. */
    static SortedSet<String> regions(Collection<String> arns) {
        SortedSet<String> out = new TreeSet<>();
        arns.stream().map(a -> a.split(":", -1)).filter(p -> p.length >= 6).forEach(p -> out.add(p[3]));
        return out;
    }
}
