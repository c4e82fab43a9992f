package io.jobform.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.render.DesiredState;
import io.jobform.render.RoleSpec;
import io.jobform.render.ScheduleSpec;
import io.jobform.render.StateMachineSpec;
import io.jobform.render.TaskDefinitionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the roles jobform renders must be able to do when the jobs run, derived from the rendered
 * resources themselves (task definitions, state machine definitions, schedules), not from the
 * role policies: ECS pulling images, writing logs and reading secrets with the execution role
 * (ECS developer guide, "Amazon ECS task execution IAM role"), each Task state's integration
 * with the state-machine role (Step Functions developer guide, "IAM policies for integrated
 * services"), Scheduler starting executions, and each task role doing what its manifest declares.
 */
public final class RenderedNeeds {

    /** The tag the documented contract asks referenced repositories, secrets, parameters and topics to carry. */
    static final String INSTANCE_TAG = "aws:ResourceTag/jobform.io/instance";

    private static final Pattern ECR_IMAGE = Pattern.compile(
            "^(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([^:@]+)(?:[:@].*)?$");

    private final String instance;
    private final String partition;
    private final List<Need> needs = new ArrayList<>();

    private RenderedNeeds(String instance, String partition) {
        this.instance = instance;
        this.partition = partition;
    }

    public static List<Need> of(DesiredState desired, String instance, String partition) {
        RenderedNeeds r = new RenderedNeeds(instance, partition);
        desired.ofType(TaskDefinitionSpec.class).forEach(r::taskDefinition);
        desired.ofType(StateMachineSpec.class).forEach(m -> r.needs.addAll(StateMachineNeeds.of(m, desired, instance)));
        desired.ofType(ScheduleSpec.class).forEach(r::schedule);
        desired.ofType(RoleSpec.class).stream().filter(role -> role.job().isPresent()).forEach(r::taskRole);
        return List.copyOf(r.needs);
    }

    static String roleName(String roleArn) {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }

    private void add(String roleArn, AccessRequest request, String why) {
        needs.add(new Need(roleName(roleArn), request, why));
    }

    private void taskDefinition(TaskDefinitionSpec spec) {
        JsonNode td = spec.body(spec.tags());
        String exec = td.path("executionRoleArn").asText();
        String family = td.path("family").asText();
        for (JsonNode c : td.path("containerDefinitions")) {
            Matcher ecr = ECR_IMAGE.matcher(c.path("image").asText());
            if (ecr.matches()) {
                String repo = "arn:" + partition + ":ecr:" + ecr.group(2) + ":" + ecr.group(1) + ":repository/" + ecr.group(3);
                add(exec, AccessRequest.of("ecr:GetAuthorizationToken", "*"), family + ": registry login");
                for (String action : List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage")) {
                    add(exec, AccessRequest.of(action, repo).with(INSTANCE_TAG, instance), family + ": image pull");
                }
            }
            JsonNode log = c.path("logConfiguration");
            if (log.path("logDriver").asText().equals("awslogs")) {
                JsonNode o = log.path("options");
                String group = "arn:" + partition + ":logs:" + o.path("awslogs-region").asText() + ":" + account(exec)
                        + ":log-group:" + o.path("awslogs-group").asText();
                if (o.path("awslogs-create-group").asText().equals("true")) {
                    add(exec, AccessRequest.of("logs:CreateLogGroup", group), family + ": awslogs-create-group");
                }
                String stream = group + ":log-stream:" + o.path("awslogs-stream-prefix").asText() + "/"
                        + c.path("name").asText() + "/0123456789abcdef0123456789abcdef";
                add(exec, AccessRequest.of("logs:CreateLogStream", stream), family + ": awslogs");
                add(exec, AccessRequest.of("logs:PutLogEvents", stream), family + ": awslogs");
            }
            for (JsonNode secret : c.path("secrets")) {
                secret(exec, family, secret.path("valueFrom").asText());
            }
        }
    }

    private void secret(String exec, String family, String valueFrom) {
        String[] p = valueFrom.split(":", -1);
        String service = p[2];
        String kms = "arn:" + partition + ":kms:" + p[3] + ":" + p[4] + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
        if (service.equals("secretsmanager")) {
            // The secret's full ARN ends in a six-character suffix a manifest may leave out.
            String name = p[6];
            String arn = String.join(":", p[0], p[1], p[2], p[3], p[4], p[5], name.matches(".*-[A-Za-z0-9]{6}") ? name : name + "-a1B2c3");
            add(exec, AccessRequest.of("secretsmanager:GetSecretValue", arn).with(INSTANCE_TAG, instance), family + ": secret");
            add(exec, AccessRequest.of("kms:Decrypt", kms).with("kms:ViaService", "secretsmanager." + p[3] + ".amazonaws.com"),
                    family + ": secret encrypted with a customer managed key");
        } else if (service.equals("ssm")) {
            add(exec, AccessRequest.of("ssm:GetParameters", valueFrom).with(INSTANCE_TAG, instance), family + ": parameter");
            add(exec, AccessRequest.of("kms:Decrypt", kms).with("kms:ViaService", "ssm." + p[3] + ".amazonaws.com"),
                    family + ": SecureString with a customer managed key");
        } else {
            throw new IllegalArgumentException(family + ": secret source " + valueFrom + " has no modelled permission");
        }
    }

    private void schedule(ScheduleSpec spec) {
        add(spec.targetRoleArn(), AccessRequest.of("states:StartExecution", spec.targetArn()), spec.id() + ": start a run");
    }

    /** Each Allow the manifest declares, instantiated (wildcards filled in), must survive the boundary. */
    private void taskRole(RoleSpec role) {
        for (Map.Entry<String, io.jobform.render.PolicyDocument> e : role.inlinePolicies().entrySet()) {
            for (var s : e.getValue().statements()) {
                if (!s.effect().equals("Allow") || !s.condition().isEmpty()) {
                    continue;
                }
                for (String action : s.actions()) {
                    for (String resource : s.resources()) {
                        add(role.arn(), AccessRequest.of(action.replace("*", "Object"), resource.replace("*", "x").replace("?", "x")),
                                role.id() + ": declared in its manifest");
                    }
                }
            }
        }
    }

    private static String account(String roleArn) {
        return roleArn.split(":")[4];
    }
}
