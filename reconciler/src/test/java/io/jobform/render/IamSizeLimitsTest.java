package io.jobform.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.manifest.ConcurrencyPolicy;
import io.jobform.manifest.Notifications;
import io.jobform.manifest.PermissionStatement;
import io.jobform.manifest.ScheduledJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * IAM's size quotas ("IAM and AWS STS quotas", IAM User Guide,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html): the inline policies
 * of one role together at most 10,240 characters, a role trust policy at most 2,048 (the default
 * of the adjustable quota), a role description 1,000, 50 tags per role; IAM does not count white
 * space. A role over a quota fails CreateRole/PutRolePolicy, and with a shared role every job of
 * the instance. Checked at 5,000 jobs that each bring their own repository, secret, parameter,
 * topic and task role.
 */
class IamSizeLimitsTest {

    static final int JOBS = 5_000;
    static final int INLINE_POLICIES_PER_ROLE = 10_240;
    static final int TRUST_POLICY = 2_048;
    static final int DESCRIPTION = 1_000;
    static final int TAGS_PER_ROLE = 50;

    /** A job with its own ECR repository, Secrets Manager secret, SSM parameter, SNS topic and permissions. */
    static ScheduledJob job(int i) {
        String name = String.format("team-job-%04d", i);
        JobBuilder b = new JobBuilder(name);
        b.image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/" + name + ":1.0." + i;
        b.secrets.put("DB_PASSWORD", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + name + "/db");
        b.secrets.put("API_TOKEN", "arn:aws:ssm:eu-west-1:123456789012:parameter/" + name + "/token");
        b.notifications = new Notifications(Optional.of("arn:aws:sns:eu-west-1:123456789012:" + name + "-alerts"));
        b.concurrency = ConcurrencyPolicy.values()[i % ConcurrencyPolicy.values().length];
        b.permissions = List.of(new PermissionStatement(PermissionStatement.Effect.ALLOW,
                List.of("s3:GetObject", "s3:PutObject"), List.of("arn:aws:s3:::data-" + name + "/*")));
        b.labels.put("team", "team-" + (i % 40));
        return b.build();
    }

    static List<RoleSpec> roles(int jobs) {
        List<ScheduledJob> all = IntStream.range(0, jobs).mapToObj(IamSizeLimitsTest::job).toList();
        RenderResult result = Renderer.render(all, JobBuilder.config());
        assertThat(result.violations()).isEmpty();
        return result.desired().ofType(RoleSpec.class);
    }

    static int size(PolicyDocument document) {
        return (int) document.toJsonString().chars().filter(c -> !Character.isWhitespace(c)).count();
    }

    @Test
    void everyRoleOfFiveThousandJobsIsWithinIamQuotas() {
        List<RoleSpec> roles = roles(JOBS);
        assertThat(roles).hasSize(JOBS + 3);
        List<String> over = new ArrayList<>();
        for (RoleSpec role : roles) {
            int inline = role.inlinePolicies().values().stream().mapToInt(IamSizeLimitsTest::size).sum();
            check(over, role, "inline policies", inline, INLINE_POLICIES_PER_ROLE);
            check(over, role, "trust policy", size(role.assumeRolePolicyDocument()), TRUST_POLICY);
            check(over, role, "description", role.description().length(), DESCRIPTION);
            check(over, role, "tags", role.tags().size(), TAGS_PER_ROLE);
        }
        assertThat(over).isEmpty();
    }

    /** The shared roles do not grow with the jobs: the same size for 5 jobs as for 5,000. */
    @Test
    void sharedRolesHaveConstantSize() {
        Map<String, Integer> few = sharedSizes(roles(5));
        Map<String, Integer> many = sharedSizes(roles(JOBS));
        assertThat(many).isEqualTo(few);
        assertThat(many).containsKeys("jobform-execution", "jobform-states", "jobform-scheduler");
    }

    private static Map<String, Integer> sharedSizes(List<RoleSpec> roles) {
        Map<String, Integer> sizes = new TreeMap<>();
        roles.stream().filter(r -> r.job().isEmpty()).forEach(r -> sizes.put(r.roleName(),
                r.inlinePolicies().values().stream().mapToInt(IamSizeLimitsTest::size).sum()));
        return sizes;
    }

    private static void check(List<String> over, RoleSpec role, String what, int size, int limit) {
        if (size > limit) {
            over.add(role.id() + ": " + what + " " + size + " > " + limit);
        }
    }
}
